import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_KEYS, ConfigError, loadConfig } from './config';

const cwd = '/srv/mqlk/server';
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mariadb://mqlk:pw@db.internal:3306/mqlk',
  PUBLIC_BASE_URL: 'https://mqlk.example.gov.cn/',
  TOKEN_SECRET: 'x'.repeat(48),
  PHONE_ENC_KEY: Buffer.alloc(32, 7).toString('base64'),
  SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send',
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
  WECHAT_PUSH_TOKEN: 'pushToken2026',
  S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com',
  S3_BUCKET: 'mqlk-photos-1250000000',
  S3_ACCESS_KEY: 'AKIDEXAMPLE',
  S3_SECRET_KEY: 'secret-example',
  S3_REGION: 'ap-guangzhou',
  TTS_SECRET_ID: 'AKIDttsEXAMPLE0123456789',
  TTS_SECRET_KEY: 'ttsSecretEXAMPLE0123456789',
  TENCENT_ASR_SECRET_ID: 'AKIDASREXAMPLE',
  TENCENT_ASR_SECRET_KEY: 'asr-secret-example',
};

function issuesOf(env: Record<string, string>): { key: string; message: string }[] {
  try {
    loadConfig(env, cwd);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives a working development configuration with no environment at all', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '0.0.0.0',
      port: 3000,
      database: {
        dialect: 'sqlite',
        file: path.join(cwd, 'data/mqlk.sqlite'),
        migrationsRun: true,
      },
      publicBaseUrl: 'http://localhost:3000',
      h5DistDir: '/srv/mqlk/miniapp/h5/dist',
      uploadDir: path.join(cwd, 'data/uploads'),
      logLevel: 'info',
      wechat: null,
      redis: null,
      smsLimits: { perAddressPerHour: 20, perHour: 2000 },
      trustProxy: false,
    });
    expect(config.phoneEncKey).toHaveLength(32);
    expect(config.tokenSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reads a complete production configuration', () => {
    const config = loadConfig(PRODUCTION, cwd);
    expect(config).toMatchObject({
      nodeEnv: 'production',
      database: {
        dialect: 'mariadb',
        host: 'db.internal',
        port: 3306,
        user: 'mqlk',
        password: 'pw',
        database: 'mqlk',
        migrationsRun: false,
      },
      publicBaseUrl: 'https://mqlk.example.gov.cn',
      wechat: { appId: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef' },
      s3: {
        endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
        bucket: 'mqlk-photos-1250000000',
        accessKey: 'AKIDEXAMPLE',
        secretKey: 'secret-example',
        region: 'ap-guangzhou',
      },
    });
    expect(config.phoneEncKey.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('accepts the phone key as hex too', () => {
    const config = loadConfig({ PHONE_ENC_KEY: 'ab'.repeat(32) }, cwd);
    expect(config.phoneEncKey.equals(Buffer.alloc(32, 0xab))).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', WECHAT_APPID: ' ', WECHAT_SECRET: '' }, cwd).port).toBe(3000);
  });

  it('reports every bad key at once, with the value unless it is a secret', () => {
    expect(
      issuesOf({
        PORT: '70000',
        NODE_ENV: 'staging',
        LOG_LEVEL: 'loud',
        DATABASE_MIGRATIONS_RUN: 'yes',
        PHONE_ENC_KEY: 'c2hvcnQ=',
        TOKEN_SECRET: 'short',
      }),
    ).toEqual([
      { key: 'NODE_ENV', message: 'must be one of development, test, production (got "staging")' },
      { key: 'PORT', message: 'must be a port number from 1 to 65535 (got "70000")' },
      { key: 'DATABASE_MIGRATIONS_RUN', message: 'must be true or false (got "yes")' },
      { key: 'TOKEN_SECRET', message: 'must be at least 32 characters' },
      {
        key: 'PHONE_ENC_KEY',
        message:
          'must be 32 bytes as base64 (44 chars) or hex (64 chars), e.g. `openssl rand -base64 32`',
      },
      {
        key: 'LOG_LEVEL',
        message: 'must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      },
    ]);
  });

  it('says which keys production requires', () => {
    expect(issuesOf({ NODE_ENV: 'production' }).map((i) => i.key)).toEqual([
      'DATABASE_URL',
      'PUBLIC_BASE_URL',
      'TOKEN_SECRET',
      'PHONE_ENC_KEY',
      'SMS_GATEWAY_URL',
      'WECHAT_APPID',
      'WECHAT_SECRET',
      'WECHAT_PUSH_TOKEN',
      'TENCENT_ASR_SECRET_ID',
      'TENCENT_ASR_SECRET_KEY',
      'S3_ENDPOINT',
      'S3_BUCKET',
      'S3_ACCESS_KEY',
      'S3_SECRET_KEY',
      'TTS_SECRET_ID',
      'TTS_SECRET_KEY',
    ]);
  });

  it('reads the link-QR verification file, and refuses a bad name or half of it', () => {
    expect(
      loadConfig(
        { WECHAT_LINK_VERIFY_FILE: 'aB3dE5gH7j.txt', WECHAT_LINK_VERIFY_CONTENT: 'abc123' },
        cwd,
      ).wechatLinkVerify,
    ).toEqual({ fileName: 'aB3dE5gH7j.txt', content: 'abc123' });
    expect(loadConfig({}, cwd).wechatLinkVerify).toBeNull();
    expect(
      issuesOf({ WECHAT_LINK_VERIFY_FILE: '../etc/passwd', WECHAT_LINK_VERIFY_CONTENT: 'a b' }),
    ).toEqual([
      {
        key: 'WECHAT_LINK_VERIFY_FILE',
        message:
          'must be the verification file name from WeChat\'s console, e.g. a1B2c3D4e5.txt (got "../etc/passwd")',
      },
      {
        key: 'WECHAT_LINK_VERIFY_CONTENT',
        message: 'must be the verification file\'s content, letters and digits (got "a b")',
      },
    ]);
    expect(issuesOf({ WECHAT_LINK_VERIFY_FILE: 'aB3dE5gH7j.txt' })).toEqual([
      {
        key: 'WECHAT_LINK_VERIFY_CONTENT',
        message: 'WECHAT_LINK_VERIFY_FILE and WECHAT_LINK_VERIFY_CONTENT must be set together',
      },
    ]);
  });

  it('reads the 消息推送 token and key, required in production, a key only with its token', () => {
    expect(loadConfig(PRODUCTION, cwd).wechatPush).toEqual({
      token: 'pushToken2026',
      aesKey: null,
    });
    const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(
      loadConfig({ WECHAT_PUSH_TOKEN: 'tok', WECHAT_PUSH_AES_KEY: aesKey }, cwd).wechatPush,
    ).toEqual({ token: 'tok', aesKey });
    expect(loadConfig({}, cwd).wechatPush).toBeNull();
    const { WECHAT_PUSH_TOKEN: _, ...withoutToken } = PRODUCTION;
    expect(issuesOf(withoutToken).map((i) => i.key)).toEqual(['WECHAT_PUSH_TOKEN']);
    expect(issuesOf({ WECHAT_PUSH_AES_KEY: aesKey })).toEqual([
      { key: 'WECHAT_PUSH_TOKEN', message: 'WECHAT_PUSH_AES_KEY needs WECHAT_PUSH_TOKEN' },
    ]);
    expect(issuesOf({ WECHAT_PUSH_TOKEN: 'a b', WECHAT_PUSH_AES_KEY: 'short' })).toEqual([
      { key: 'WECHAT_PUSH_TOKEN', message: 'must be 3 to 32 letters or digits' },
      { key: 'WECHAT_PUSH_AES_KEY', message: 'must be the 43-character EncodingAESKey' },
    ]);
  });

  it('reads the text-to-speech keys, with the region and the voice defaulted', () => {
    expect(loadConfig(PRODUCTION, cwd).tts).toEqual({
      secretId: 'AKIDttsEXAMPLE0123456789',
      secretKey: 'ttsSecretEXAMPLE0123456789',
      region: 'ap-guangzhou',
      voiceType: 101001,
    });
    expect(loadConfig({}, cwd).tts).toBeNull();
    expect(issuesOf({ TTS_SECRET_ID: 'AKIDttsEXAMPLE0123456789' })).toEqual([
      { key: 'TTS_SECRET_KEY', message: 'TTS_SECRET_ID and TTS_SECRET_KEY must be set together' },
    ]);
  });

  it('requires https in production', () => {
    expect(issuesOf({ ...PRODUCTION, PUBLIC_BASE_URL: 'http://mqlk.example.gov.cn' })).toEqual([
      {
        key: 'PUBLIC_BASE_URL',
        message: 'must be https:// in production (WeChat only opens https links)',
      },
    ]);
  });

  it('wants the WeChat AppID and secret together', () => {
    expect(issuesOf({ WECHAT_APPID: 'wx0123456789abcdef' })).toEqual([
      { key: 'WECHAT_SECRET', message: 'WECHAT_APPID and WECHAT_SECRET must be set together' },
    ]);
  });

  it('refuses the local transcription stand-in in production', () => {
    const { TENCENT_ASR_SECRET_ID: _id, TENCENT_ASR_SECRET_KEY: _key, ...rest } = PRODUCTION;
    expect(issuesOf(rest)).toEqual([
      {
        key: 'TENCENT_ASR_SECRET_ID',
        message:
          'required when NODE_ENV=production (voice requests are transcribed by Tencent Cloud ASR; the local stand-in only marks them)',
      },
      {
        key: 'TENCENT_ASR_SECRET_KEY',
        message: 'required when NODE_ENV=production (the key of TENCENT_ASR_SECRET_ID)',
      },
    ]);
  });

  it('wants the ASR id and key together, with a default region and engine', () => {
    expect(issuesOf({ TENCENT_ASR_SECRET_ID: 'AKID' })).toEqual([
      {
        key: 'TENCENT_ASR_SECRET_KEY',
        message: 'TENCENT_ASR_SECRET_ID and TENCENT_ASR_SECRET_KEY must be set together',
      },
    ]);
    expect(loadConfig(PRODUCTION, cwd).asr).toEqual({
      secretId: 'AKIDASREXAMPLE',
      secretKey: 'asr-secret-example',
      region: 'ap-shanghai',
      engine: '16k_zh',
    });
    expect(loadConfig({}, cwd).asr).toBeNull();
  });

  it('wants the S3 settings together, with a default region', () => {
    const s3 = {
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_BUCKET: 'photos',
      S3_ACCESS_KEY: 'minio',
      S3_SECRET_KEY: 'minio-secret',
    };
    expect(loadConfig(s3, cwd).s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'photos',
      accessKey: 'minio',
      secretKey: 'minio-secret',
      region: 'us-east-1',
    });
    expect(loadConfig({}, cwd).s3).toBeNull();
    const together = 'S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY must be set together';
    expect(issuesOf({ S3_BUCKET: 'photos', S3_SECRET_KEY: 'x' })).toEqual([
      { key: 'S3_ENDPOINT', message: together },
      { key: 'S3_ACCESS_KEY', message: together },
    ]);
  });

  it('reads the SMS limits and where their counters live', () => {
    const config = loadConfig(
      {
        SMS_LIMIT_PER_ADDRESS_PER_HOUR: '5',
        SMS_LIMIT_PER_HOUR: '300',
        REDIS_URL: 'redis://:pw@redis.internal:6379/2',
      },
      cwd,
    );
    expect(config.smsLimits).toEqual({ perAddressPerHour: 5, perHour: 300 });
    expect(config.redis).toEqual({ url: 'redis://:pw@redis.internal:6379/2', keyPrefix: 'mqlk:' });
    expect(
      loadConfig({ REDIS_URL: 'rediss://redis.internal', REDIS_KEY_PREFIX: 'mqlk-county:' }, cwd)
        .redis,
    ).toEqual({ url: 'rediss://redis.internal', keyPrefix: 'mqlk-county:' });
    expect(
      issuesOf({
        SMS_LIMIT_PER_ADDRESS_PER_HOUR: '0',
        SMS_LIMIT_PER_HOUR: 'lots',
        REDIS_URL: 'http://:hunter2@redis',
        REDIS_KEY_PREFIX: 'has space',
      }),
    ).toEqual([
      {
        key: 'REDIS_URL',
        message: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
      },
      {
        key: 'REDIS_KEY_PREFIX',
        message: 'must be up to 64 letters, digits, or : _ . - (got "has space")',
      },
      {
        key: 'SMS_LIMIT_PER_ADDRESS_PER_HOUR',
        message: 'must be a whole number of sends per hour, at least 1 (got "0")',
      },
      {
        key: 'SMS_LIMIT_PER_HOUR',
        message: 'must be a whole number of sends per hour, at least 1 (got "lots")',
      },
    ]);
  });

  it.each([
    ['false', false],
    ['true', true],
    ['1', 1],
    ['10.0.0.5', '10.0.0.5'],
    ['10.0.0.5, 10.1.0.0/16,loopback', '10.0.0.5, 10.1.0.0/16,loopback'],
    ['fd00::/8', 'fd00::/8'],
  ])('reads TRUST_PROXY=%p as %p', (given, trustProxy) => {
    expect(loadConfig({ TRUST_PROXY: given }, cwd).trustProxy).toEqual(trustProxy);
  });

  it('refuses a TRUST_PROXY that is none of those', () => {
    expect(issuesOf({ TRUST_PROXY: 'yes please' })).toEqual([
      {
        key: 'TRUST_PROXY',
        message:
          'must be false, true, the number of proxies in front of the server, or their addresses (10.0.0.1,10.1.0.0/16) (got "yes please")',
      },
    ]);
  });

  it('puts every problem in the error message, one line per key', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'postgres://u:secret@h/db' }, cwd)).toThrow(
      'Invalid configuration (2 problems):\n' +
        '  - PORT: must be a port number from 1 to 65535 (got "x")\n' +
        '  - DATABASE_URL: unsupported scheme "postgres:" (use sqlite:, mysql:// or mariadb://)\n' +
        'See server/.env.example for every key.',
    );
  });
});

describe('.env.example', () => {
  const example = fs.readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8');
  const env = Object.fromEntries(
    [...example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1] as string, m[2] as string]),
  );

  it('documents every key the server reads, and no other', () => {
    expect(Object.keys(env).sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('is a valid configuration as it stands', () => {
    expect(() => loadConfig(env, cwd)).not.toThrow();
  });
});

describe('the H5 build directory', () => {
  it('defaults to where `taro build --type h5` writes it (miniapp/config/index.ts outputRoot)', () => {
    const taroConfig = fs.readFileSync(
      path.join(__dirname, '..', '..', '..', 'miniapp', 'config', 'index.ts'),
      'utf8',
    );
    const h5Output = /outputRoot:\s*process\.env\.TARO_ENV === 'h5' \? '([^']+)'/.exec(taroConfig);
    expect(h5Output?.[1]).toBeDefined();
    const serverDir = path.join(__dirname, '..', '..');
    expect(loadConfig({}, serverDir).h5DistDir).toBe(
      path.join(serverDir, '..', 'miniapp', h5Output![1]!),
    );
  });

  describe('time and notices', () => {
    it('refuses the movable clock in production', () => {
      expect(issuesOf({ ...PRODUCTION, DEV_CLOCK: 'true' })).toEqual([
        {
          key: 'DEV_CLOCK',
          message:
            'a movable clock cannot run with NODE_ENV=production: deadlines must follow real time',
        },
      ]);
    });

    it('reads a subscribe-message template with the key of each slot', () => {
      const config = loadConfig(
        {
          WECHAT_TEMPLATE_REMINDER: 'AbCdEfGhIj-123:matter=thing2,status=phrase1,time=time4',
        },
        cwd,
      );
      expect(config.wechatTemplates).toEqual({
        progress: null,
        newRequest: null,
        reminder: {
          id: 'AbCdEfGhIj-123',
          fields: { matter: 'thing2', status: 'phrase1', time: 'time4' },
        },
      });
    });

    it('says how a template is written when it is not', () => {
      expect(issuesOf({ WECHAT_TEMPLATE_PROGRESS: 'AbCdEfGhIj-123' })).toEqual([
        {
          key: 'WECHAT_TEMPLATE_PROGRESS',
          message:
            'must be <template id>:matter=thing1,status=phrase2,time=time3,note=thing4 (the slots the template has) (got "AbCdEfGhIj-123")',
        },
      ]);
    });

    it('runs the jobs by default, every minute and every two seconds', () => {
      const config = loadConfig({}, cwd);
      expect(config.jobs).toEqual({
        enabled: true,
        sweepIntervalMs: 60_000,
        dispatchIntervalMs: 2000,
      });
      expect(config.devClock).toBe(false);
      expect(config.smsNoticesPerPhonePerDay).toBe(5);
      expect(issuesOf({ SWEEP_INTERVAL_SECONDS: '0' })[0]!.key).toBe('SWEEP_INTERVAL_SECONDS');
    });
  });
});
