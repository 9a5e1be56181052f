import type { AppConfig } from '../../config/config';
import {
  HttpSmsSender,
  HttpsWechatClient,
  LocalSmsSender,
  LocalWechatClient,
  smsSenderFor,
  wechatClientFor,
} from './external-services';

const config = (patch: Partial<AppConfig>) =>
  ({ nodeEnv: 'development', smsGatewayUrl: null, wechat: null, ...patch }) as AppConfig;

describe('external service stand-ins', () => {
  it('uses the local stand-ins in development and tests', () => {
    expect(smsSenderFor(config({}))).toBeInstanceOf(LocalSmsSender);
    expect(wechatClientFor(config({ nodeEnv: 'test' }))).toBeInstanceOf(LocalWechatClient);
  });

  it('refuses the local stand-ins in production', () => {
    expect(() => smsSenderFor(config({ nodeEnv: 'production' }))).toThrow(
      /local stand-in cannot run with NODE_ENV=production/,
    );
    expect(() => wechatClientFor(config({ nodeEnv: 'production' }))).toThrow(
      /local stand-in cannot run with NODE_ENV=production/,
    );
  });

  it('uses the real services when configured', () => {
    const prod = config({
      nodeEnv: 'production',
      smsGatewayUrl: 'https://sms.example/send',
      wechat: { appId: 'wx0123456789abcdef', secret: 'x'.repeat(32) },
    });
    expect(smsSenderFor(prod)).toBeInstanceOf(HttpSmsSender);
    expect(wechatClientFor(prod)).toBeInstanceOf(HttpsWechatClient);
  });

  it('the local SMS stand-in hands the code back; the local WeChat one is stable per code', async () => {
    expect(await new LocalSmsSender().sendCode('13800000000', '123456')).toEqual({
      devCode: '123456',
    });
    const wx = new LocalWechatClient();
    expect(await wx.codeToSession('abc')).toEqual(await wx.codeToSession('abc'));
    expect((await wx.codeToSession('abc')).openid).not.toBe((await wx.codeToSession('abd')).openid);
  });
});
