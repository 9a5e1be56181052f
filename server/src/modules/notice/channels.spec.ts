import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '../../config/config';
import { MESSAGE_PAGES } from './notice-dispatcher';
import type { WechatAccessToken } from '../auth/wechat-access-token';
import { fieldType, fitField } from './wechat-fields';
import { HttpsWechatMessenger, LocalWechatMessenger, wechatMessengerFor } from './wechat-messenger';

describe('fitting values to WeChat subscribe-message field rules', () => {
  it.each([
    ['thing1', '饮水问题', '饮水问题'],
    [
      'thing4',
      '您有一件诉求已超期未签收：饮水问题（MQ-20261207-0001），请尽快办理。',
      '您有一件诉求已超期未签收：饮水问题（M…',
    ],
    ['phrase2', '差评待核实', '差评待核实'],
    ['phrase2', '已超期!', '已超期'],
    ['phrase2', '一二三四五六七', '一二三四五'],
    ['character_string3', 'MQ-20261207-0001 饮水', 'MQ-20261207-0001'],
    ['number5', '共 12.5 件', '12.5'],
    ['name6', '欧阳一二三四五六七八九', '欧阳一二三四五六七八'],
    ['time3', '2026-12-08T10:00:00.000Z', '2026年12月08日 18:00'],
    ['date7', '2026-12-31T17:00:00.000Z', '2027年01月01日'],
  ])('%s %p → %p', (key, value, fitted) => {
    expect(fitField(key, value)).toBe(fitted);
  });

  it('keeps a thing within 20 characters, counting Chinese characters as one each', () => {
    expect(Array.from(fitField('thing9', '水'.repeat(40)))).toHaveLength(20);
  });

  it('reads the type from the key', () => {
    expect(fieldType('character_string12')).toBe('character_string');
    expect(fieldType('thing1')).toBe('thing');
  });
});

describe('the pages a tapped message opens', () => {
  it('exist in the mini-program', () => {
    const routes = fs.readFileSync(
      path.join(__dirname, '../../../../miniapp/src/constants/routes.ts'),
      'utf8',
    );
    for (const page of Object.values(MESSAGE_PAGES)) {
      const [, pkg, rest] = /^packages\/(\w+)\/(.+)$/.exec(page)!;
      expect(routes).toContain(`root: 'packages/${pkg}'`);
      expect(routes).toContain(`'${rest}'`);
    }
  });
});

describe('the WeChat messenger', () => {
  const config = (patch: Partial<AppConfig>) =>
    ({
      nodeEnv: 'development',
      wechat: null,
      wechatApiBase: 'https://api.weixin.qq.com',
      wechatMiniprogramState: 'formal',
      ...patch,
    }) as AppConfig;
  const token = {} as WechatAccessToken;

  it('is the local stand-in in development, refused in production, the real one when configured', () => {
    expect(wechatMessengerFor(config({}), null)).toBeInstanceOf(LocalWechatMessenger);
    expect(() => wechatMessengerFor(config({ nodeEnv: 'production' }), null)).toThrow(
      /local stand-in cannot run with NODE_ENV=production/,
    );
    const real = config({
      nodeEnv: 'production',
      wechat: { appId: 'wx0123456789abcdef', secret: 'x'.repeat(32) },
    });
    expect(wechatMessengerFor(real, token)).toBeInstanceOf(HttpsWechatMessenger);
  });
});
