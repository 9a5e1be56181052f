import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../config/config';
import {
  HttpSmsSender,
  HttpsWechatClient,
  LocalSmsSender,
  LocalWechatClient,
  smsSenderFor,
  wechatClientFor,
} from './external-services';

/** The shared access token (WechatAccessToken, which keeps it in the database), as a test has it. */
const token = { get: async () => 'TOKEN-1' };

const config = (patch: Partial<AppConfig>) =>
  ({ nodeEnv: 'development', smsGatewayUrl: null, wechat: null, ...patch }) as AppConfig;

describe('external service stand-ins', () => {
  it('uses the local stand-ins in development and tests', () => {
    expect(smsSenderFor(config({}))).toBeInstanceOf(LocalSmsSender);
    expect(wechatClientFor(config({ nodeEnv: 'test' }), null)).toBeInstanceOf(LocalWechatClient);
  });

  it('refuses the local stand-ins in production', () => {
    expect(() => smsSenderFor(config({ nodeEnv: 'production' }))).toThrow(
      /local stand-in cannot run with NODE_ENV=production/,
    );
    expect(() => wechatClientFor(config({ nodeEnv: 'production' }), null)).toThrow(
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
    expect(wechatClientFor(prod, token)).toBeInstanceOf(HttpsWechatClient);
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

describe('the phone number WeChat vouches for (phonenumber.getPhoneNumber)', () => {
  it('the local stand-in reads local-phone:<number>, makes up a stable 199 number otherwise, and refuses "refuse"', async () => {
    const wx = new LocalWechatClient();
    expect(await wx.phoneNumber('local-phone:13812345678')).toBe('13812345678');
    const made = await wx.phoneNumber('devtools-code');
    expect(made).toMatch(/^199\d{8}$/);
    expect(await wx.phoneNumber('devtools-code')).toBe(made);
    expect(await wx.phoneNumber('refuse')).toBeNull();
  });

  describe('the real client', () => {
    let server: Server;
    let base: string;
    const calls: { url: string; body: Record<string, unknown> }[] = [];
    let answer: Record<string, unknown> = {};

    beforeAll(async () => {
      server = createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        req.on('end', () => {
          calls.push({ url: req.url ?? '', body: JSON.parse(raw) as Record<string, unknown> });
          if (req.url?.startsWith('/wxa/getwxacodeunlimit') && answer.image) {
            res.setHeader('content-type', 'image/jpeg');
            res.end(Buffer.from(String(answer.image)));
            return;
          }
          res.setHeader('content-type', 'application/json');
          res.end(
            JSON.stringify(
              req.url === '/cgi-bin/stable_token'
                ? { access_token: 'TOKEN-1', expires_in: 7200 }
                : answer,
            ),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('asks with the shared access token, and answers the pure number', async () => {
      const wx = new HttpsWechatClient('wx0123456789abcdef', 's'.repeat(32), token, base);
      answer = {
        errcode: 0,
        phone_info: {
          phoneNumber: '+86 13812345678',
          purePhoneNumber: '13812345678',
          countryCode: '86',
        },
      };
      expect(await wx.phoneNumber('code-1')).toBe('13812345678');
      answer = { errcode: 40029, errmsg: 'invalid code' };
      expect(await wx.phoneNumber('code-2')).toBeNull();
      answer = { errcode: 0, phone_info: { purePhoneNumber: '5551234', countryCode: '1' } };
      expect(await wx.phoneNumber('code-3')).toBeNull();
      expect(calls.map((c) => c.url)).toEqual([
        '/wxa/business/getuserphonenumber?access_token=TOKEN-1',
        '/wxa/business/getuserphonenumber?access_token=TOKEN-1',
        '/wxa/business/getuserphonenumber?access_token=TOKEN-1',
      ]);
      expect(calls[0]!.body).toEqual({ code: 'code-1' });
    });

    it('asks for a card’s mini-program code with scene and page, and reports a refusal', async () => {
      const wx = new HttpsWechatClient('wx0123456789abcdef', 's'.repeat(32), token, base);
      calls.length = 0;
      answer = { image: 'JPEG-BYTES' };
      expect((await wx.miniProgramCode('AbCdEf123456x', 'pages/card/index')).toString()).toBe(
        'JPEG-BYTES',
      );
      expect(calls.at(-1)).toEqual({
        url: '/wxa/getwxacodeunlimit?access_token=TOKEN-1',
        body: { scene: 'AbCdEf123456x', page: 'pages/card/index', check_path: false, width: 430 },
      });
      answer = { errcode: 41030, errmsg: 'invalid page' };
      await expect(wx.miniProgramCode('AbCdEf123456x', 'pages/card/index')).rejects.toThrow(
        /41030 invalid page/,
      );
    });
  });
});
