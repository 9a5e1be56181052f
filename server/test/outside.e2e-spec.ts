import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ErrorCode, messageOf } from '@mqlk/shared';
import { Redis } from 'ioredis';
import sharp from 'sharp';
import type supertest from 'supertest';
import { DataSource } from 'typeorm';
import { classifyError } from '../src/common/error.filter';
import { parseDatabaseUrl } from '../src/config/database-url';
import { DATABASE_CONNECT_TIMEOUT_MS } from '../src/database/data-source';
import { bearer, Factory, signInResident, uniquePhone } from './factories';
import {
  createTestDatabase,
  type TestApp,
  type TestDatabase,
  startTestApp,
  testDialects,
} from './test-app';

/** What the world outside sends or does to the server: broken bodies, outages, floods. */

const errorBody = (code: ErrorCode, extra: Record<string, unknown> = {}) => ({
  code,
  message: messageOf(code),
  requestId: expect.any(String),
  ...extra,
});

describe.each(testDialects())('what clients send, on %s', (dialect) => {
  let t: TestApp;
  let resident: string;
  let cardCode: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    const f = new Factory(t.app.get(DataSource), t.config);
    const village = await f.unit('village', await f.unit('township', null));
    cardCode = (await f.cadre(village)).card.code;
    resident = await signInResident(t.http());
  });
  afterAll(() => t.close());

  describe('a malformed photo upload', () => {
    const broken = errorBody('VALIDATION_FAILED', {
      details: [{ field: 'file', message: '照片没有完整传上来，请重新上传' }],
    });
    const post = (contentType: string, body: string) =>
      t
        .http()
        .post('/api/photos')
        .set(bearer(resident))
        .set('content-type', contentType)
        .send(body);
    const part =
      'Content-Disposition: form-data; name="file"; filename="a.jpg"\r\n' +
      'Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 not all of a photo';

    it('answers 400 when the multipart content type has no boundary', async () => {
      const res = await post('multipart/form-data', `--x\r\n${part}\r\n--x--\r\n`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(broken);
    });

    it('answers 400 when the body ends inside a part', async () => {
      const res = await post('multipart/form-data; boundary=mqlk', `--mqlk\r\n${part}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(broken);
    });

    it('answers 400 when the body ends inside a part’s headers', async () => {
      const res = await post('multipart/form-data; boundary=mqlk', '--mqlk\r\nContent-Disposi');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(broken);
    });

    it('logs none of these as an unhandled error', () => {
      expect(t.logs().filter((l) => l.msg === 'unhandled error')).toEqual([]);
    });
  });

  describe('the Idempotency-Key of a submission', () => {
    const submit = (key: string | null) => {
      const req = t.http().post('/api/requests').set(bearer(resident));
      if (key !== null) void req.set('Idempotency-Key', key);
      return req.send({
        cardCode,
        category: 'difficulty',
        text: '村口的路灯坏了一个多月了，晚上很黑',
        consent: true,
      });
    };
    const refusal = (message: string) =>
      errorBody('VALIDATION_FAILED', { details: [{ field: 'Idempotency-Key', message }] });

    it('is asked for when it is missing', async () => {
      const res = await submit(null);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(refusal('提交缺少防重复标识，请刷新页面后重新提交'));
    });

    it.each(['abc', 'short12', 'has spaces in it', 'semi;colon;key', 'k'.repeat(65)])(
      'is told it is malformed when it is %p',
      async (key) => {
        const res = await submit(key);
        expect(res.status).toBe(400);
        expect(res.body).toEqual(refusal('防重复标识格式不对，应为8到64位字母或数字'));
      },
    );

    it('lets a well-formed key through', async () => {
      await submit('abcd1234').expect(201);
    });
  });
});

/**
 * A TCP stand-in for the database server that the test can pull the plug on. It forwards to the
 * real MariaDB (over its unix socket or TCP); `cut()` closes it and every open connection, as a
 * stopped server would; `start('silent')` then accepts connections and never answers, as a server
 * that hangs or a firewall that swallows packets would; `start()` forwards again, on the same port.
 */
class DatabaseProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: net.NetConnectOpts) {}

  async start(mode: 'forward' | 'silent' = 'forward'): Promise<void> {
    const server = net.createServer((client) => {
      if (mode === 'silent') {
        this.sockets.add(client);
        client.once('close', () => this.sockets.delete(client));
        return;
      }
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe('the database becoming unreachable (MariaDB)', () => {
  let db: TestDatabase;
  let proxy: DatabaseProxy;
  let t: TestApp;
  let cardCode: string;

  beforeAll(async () => {
    db = await createTestDatabase('mariadb');
    const real = parseDatabaseUrl(db.url, process.cwd());
    if (typeof real === 'string' || real.dialect === 'sqlite') throw new Error(real.toString());
    proxy = new DatabaseProxy(
      real.socketPath ? { path: real.socketPath } : { host: real.host, port: real.port },
    );
    await proxy.start();
    const auth = real.password
      ? `${encodeURIComponent(real.user)}:${encodeURIComponent(real.password)}`
      : encodeURIComponent(real.user);
    t = await startTestApp({
      // The app's own database is the proxied one; the SQLite file the helper makes stays unused.
      dialect: 'sqlite',
      env: { DATABASE_URL: `${real.dialect}://${auth}@127.0.0.1:${proxy.port}/${real.database}` },
    });
    const f = new Factory(t.app.get(DataSource), t.config);
    const village = await f.unit('village', await f.unit('township', null));
    cardCode = (await f.cadre(village)).card.code;
  });
  afterAll(async () => {
    await proxy?.cut();
    await t?.close();
    await db?.drop();
  });

  const unavailable = (res: { status: number; body: unknown; headers: Record<string, string> }) =>
    expect({ status: res.status, body: res.body }).toEqual({
      status: 503,
      body: {
        code: 'DATABASE_UNAVAILABLE',
        message: '数据库暂时连不上，请稍后再试',
        requestId: res.headers['x-request-id'],
      },
    });

  it('answers public, signed-in, posting and health calls with 503 while it is gone, then serves again', async () => {
    const resident = await signInResident(t.http());
    await t.http().get(`/api/cards/${cardCode}`).expect(200);
    await t.http().get('/api/requests/mine').set(bearer(resident)).expect(200);

    await proxy.cut();
    const started = Date.now();
    const answers = await Promise.all([
      t.http().get(`/api/cards/${cardCode}`),
      // The guard reads the account from the database before the handler runs.
      t.http().get('/api/requests/mine').set(bearer(resident)),
      t.http().post('/api/auth/sms/send').send({ phone: uniquePhone() }),
      t.http().get('/api/health'),
    ]);
    const seconds = (Date.now() - started) / 1000;
    answers.forEach(unavailable);
    expect(seconds).toBeLessThan(2);
    console.log(`MariaDB stopped: 4 calls answered 503 in ${seconds.toFixed(2)} s`);

    const logged = t.logs().filter((l) => Number(l.level) >= 40);
    expect(logged.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'database unavailable',
        url: '/api/requests/mine',
      }),
    );

    await proxy.start();
    await t.http().get(`/api/cards/${cardCode}`).expect(200);
    await t.http().get('/api/requests/mine').set(bearer(resident)).expect(200);
    await t.http().get('/api/health').expect(200);
  });

  it('classifies a query cut off halfway as the database being unavailable', async () => {
    const running = t.app.get(DataSource).query('SELECT SLEEP(5)');
    const failed = running.then(
      () => null,
      (err: unknown) => err,
    );
    await new Promise((r) => setTimeout(r, 200));
    await proxy.cut();
    const err = await failed;
    expect(err).toMatchObject({ driverError: { code: 'PROTOCOL_CONNECTION_LOST' } });
    expect(classifyError(err)).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      unexpected: false,
      outage: true,
    });
    await proxy.start();
  });

  it('answers within the connect timeout when the server takes connections but never answers', async () => {
    await proxy.cut();
    await proxy.start('silent');
    const started = Date.now();
    const answers = await Promise.all([
      t.http().get(`/api/cards/${cardCode}`),
      t.http().get('/api/health'),
    ]);
    const seconds = (Date.now() - started) / 1000;
    answers.forEach(unavailable);
    expect(seconds).toBeLessThan(DATABASE_CONNECT_TIMEOUT_MS / 1000 + 1);
    console.log(`MariaDB silent: 2 calls answered 503 in ${seconds.toFixed(2)} s`);
    await proxy.cut();
    await proxy.start();
    await t.http().get('/api/health').expect(200);
  });
});

describe('the database being busy (SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ dialect: 'sqlite' });
  });
  afterAll(() => t.close());

  it('answers 503 DATABASE_UNAVAILABLE while another process holds the write lock', async () => {
    const ds = t.app.get(DataSource);
    // Fail after 100 ms instead of the driver's 5 s (better-sqlite3 waits synchronously).
    await ds.query('PRAGMA busy_timeout = 100');
    const file = (ds.options as { database: string }).database;
    const holder = await new DataSource({ type: 'better-sqlite3', database: file }).initialize();
    try {
      await holder.query('BEGIN EXCLUSIVE');
      const res = await t.http().post('/api/auth/sms/send').send({ phone: uniquePhone() });
      expect(res.status).toBe(503);
      expect(res.body).toEqual(errorBody('DATABASE_UNAVAILABLE'));
      await holder.query('ROLLBACK');
    } finally {
      await holder.destroy();
    }
    await t.http().post('/api/auth/sms/send').send({ phone: uniquePhone() }).expect(200);
    expect(t.logs().filter((l) => l.msg === 'unhandled error')).toEqual([]);
  });
});

const HOUR_S = 3600;

/** A send as supertest makes it, from 127.0.0.1; `from` is what a proxy in front would add. */
const sendCode = (t: TestApp, from?: string) => {
  const req = t.http().post('/api/auth/sms/send');
  if (from !== undefined) void req.set('X-Forwarded-For', from);
  return req.send({ phone: uniquePhone() });
};

const expectSmsLimited = (res: {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}) => {
  expect({ status: res.status, body: res.body }).toEqual({
    status: 429,
    body: {
      code: 'SMS_RATE_LIMITED',
      message: '获取验证码的次数太多了，请过一会儿再试',
      requestId: res.headers['x-request-id'],
    },
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(HOUR_S);
};

describe.each(testDialects())('SMS code sends per hour, counted in memory, on %s', (dialect) => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await startTestApp({ dialect, env: { SMS_LIMIT_PER_ADDRESS_PER_HOUR: '3' } });
    // Behind one load balancer, which appends the client's address to X-Forwarded-For.
    proxied = await startTestApp({
      dialect,
      env: { TRUST_PROXY: '1', SMS_LIMIT_PER_ADDRESS_PER_HOUR: '2', SMS_LIMIT_PER_HOUR: '5' },
    });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it('refuses the next send from one address with 429 SMS_RATE_LIMITED', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await sendCode(direct).expect(200);
      expect(res.headers['x-ratelimit-limit']).toBe('3');
      remaining.push(res.headers['x-ratelimit-remaining'] ?? '');
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await sendCode(direct);
    expectSmsLimited(refused);
    expect(refused.headers).toMatchObject({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
    });
    console.log(
      'SMS limit headers on a 429:',
      Object.fromEntries(
        Object.entries(refused.headers).filter(([k]) => /ratelimit|retry-after/.test(k)),
      ),
    );
  });

  it('does not believe X-Forwarded-For unless TRUST_PROXY says so', async () => {
    expectSmsLimited(await sendCode(direct, '203.0.113.77'));
  });

  it('limits only the sends: a code already sent still signs in', async () => {
    const phone = uniquePhone();
    const fresh = await startTestApp({ dialect, env: { SMS_LIMIT_PER_ADDRESS_PER_HOUR: '1' } });
    try {
      const sent = await fresh.http().post('/api/auth/sms/send').send({ phone }).expect(200);
      expectSmsLimited(await sendCode(fresh));
      await fresh
        .http()
        .post('/api/auth/sms/sign-in')
        .send({ phone, code: sent.body.devCode })
        .expect(200);
    } finally {
      await fresh.close();
    }
  });

  it('counts each client behind the proxy on its own, and all of them against the overall limit', async () => {
    await sendCode(proxied, '198.51.100.1').expect(200);
    await sendCode(proxied, '198.51.100.1').expect(200);
    expectSmsLimited(await sendCode(proxied, '198.51.100.1'));
    await sendCode(proxied, '198.51.100.2').expect(200);
    // A client cannot choose its address by sending the header itself: the proxy appends the
    // address it saw, and that last one is the one believed.
    await sendCode(proxied, '198.51.100.1, 198.51.100.2').expect(200);
    await sendCode(proxied, '198.51.100.3').expect(200);
    // 5 sends in this hour: the overall limit refuses a sixth, from any address.
    expectSmsLimited(await sendCode(proxied, '198.51.100.4'));
    expectSmsLimited(await sendCode(proxied, '198.51.100.5'));
  });
});

describe('SMS code sends counted in Redis', () => {
  const prefix = `mqlk-test-${randomBytes(4).toString('hex')}:`;
  let redis: Redis;
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    const url = process.env.TEST_REDIS_URL;
    if (!url) {
      throw new Error(
        'TEST_REDIS_URL is not set. Run the tests through `pnpm --filter @mqlk/server test` ' +
          '(scripts/test-db.mjs provides a Redis: the local one on 127.0.0.1:6379, or a throwaway ' +
          'redis-server), or install Redis: `apt-get install -y redis-server`.',
      );
    }
    redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    const env = {
      REDIS_URL: url,
      REDIS_KEY_PREFIX: prefix,
      TRUST_PROXY: '1',
      SMS_LIMIT_PER_ADDRESS_PER_HOUR: '2',
      SMS_LIMIT_PER_HOUR: '5',
    };
    // Two instances behind one load balancer, sharing one Redis.
    one = await startTestApp({ env });
    two = await startTestApp({ env });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  it('shares the counts between instances, per address and overall', async () => {
    await sendCode(one, '198.51.100.1').expect(200);
    await sendCode(two, '198.51.100.1').expect(200);
    expectSmsLimited(await sendCode(one, '198.51.100.1'));
    expectSmsLimited(await sendCode(two, '198.51.100.1'));
    await sendCode(two, '198.51.100.2').expect(200);
    await sendCode(one, '198.51.100.2').expect(200);
    await sendCode(one, '198.51.100.3').expect(200);
    expectSmsLimited(await sendCode(two, '198.51.100.3'));
    expectSmsLimited(await sendCode(one, '198.51.100.4'));

    const keys = (await redis.keys(`${prefix}*`)).sort();
    const counts = Object.fromEntries(
      await Promise.all(keys.map(async (k) => [k.slice(prefix.length), await redis.get(k)])),
    );
    console.log('Redis rate-limit keys:', counts);
    // Refused sends still count against their address, but not against everybody's budget.
    expect(Object.values(counts).sort()).toEqual(['1', '2', '2', '4', '7'].sort());
    for (const key of keys) {
      expect(key.startsWith(`${prefix}rl:`)).toBe(true);
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(HOUR_S * 1000);
    }
  });
});

describe('SMS code sends while Redis does not answer', () => {
  it('still sends codes, and warns in the log', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const t = await startTestApp({
      dialect: 'sqlite',
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, SMS_LIMIT_PER_ADDRESS_PER_HOUR: '1' },
    });
    try {
      const started = Date.now();
      await sendCode(t).expect(200);
      await sendCode(t).expect(200);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(t.logs()).toContainEqual(
        expect.objectContaining({
          level: 40,
          msg: 'rate-limit store did not answer: SMS send not counted',
        }),
      );
    } finally {
      await t.close();
    }
  });
});

describe('security headers', () => {
  // What Taro puts inline in the H5 index.html (it sizes rem by the screen width).
  const inlineScript = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
  const inlineHash = `'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`;
  const csp =
    "default-src 'self';base-uri 'self';" +
    `script-src 'self' ${inlineHash};script-src-attr 'none';` +
    "style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;media-src 'self' blob:;" +
    "connect-src 'self' blob:;font-src 'self' data:;object-src 'none';form-action 'self';" +
    "frame-ancestors 'none'";
  let dir: string;
  let t: TestApp;
  let cardCode: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-h5-'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><title>民情联系卡</title><script>${inlineScript}</script>` +
        '<script defer="defer" src="/js/app.js"></script><div id="app"></div>',
    );
    fs.mkdirSync(path.join(dir, 'js'));
    fs.writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log(1)');
    t = await startTestApp({ env: { H5_DIST_DIR: dir } });
    const f = new Factory(t.app.get(DataSource), t.config);
    cardCode = (await f.cadre(await f.unit('village', null))).card.code;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (headers: Record<string, string>) => {
    expect(headers).toMatchObject({
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
    // Only production sits behind https; HSTS on http://localhost would pin the browser to https.
    expect(headers['strict-transport-security']).toBeUndefined();
  };

  it('are on an API answer', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expectSecurityHeaders(res.headers);
    console.log(`CSP: ${res.headers['content-security-policy']}`);
  });

  it('are on an error answer', async () => {
    const missing = await t.http().get('/api/no-such-thing').expect(404);
    expectSecurityHeaders(missing.headers);
    expect(missing.headers['cache-control']).toBe('no-store');
    const refused = await t.http().get('/api/requests/mine').expect(401);
    expectSecurityHeaders(refused.headers);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('are on the H5 index and its files, with the hash that lets its inline script run', async () => {
    for (const url of ['/', `/c/${cardCode}`, '/js/app.js', '/js/missing.js']) {
      const res = await t.http().get(url);
      expectSecurityHeaders(res.headers);
    }
  });

  it('keep personal data out of caches: no-store on /api, except health and the card view', async () => {
    const resident = await signInResident(t.http());
    const cases: [string, supertest.Test, string][] = [
      ['health', t.http().get('/api/health'), 'no-cache'],
      ['card view', t.http().get(`/api/cards/${cardCode}`), 'no-cache'],
      ['missing card', t.http().get('/api/cards/Ab3dEf9hJk2mX'), 'no-cache'],
      ['me', t.http().get('/api/auth/me').set(bearer(resident)), 'no-store'],
      ['my requests', t.http().get('/api/requests/mine').set(bearer(resident)), 'no-store'],
      ['SMS send', t.http().post('/api/auth/sms/send').send({ phone: uniquePhone() }), 'no-store'],
      ['API document', t.http().get('/api/docs-json'), 'no-store'],
    ];
    const seen = await Promise.all(
      cases.map(async ([name, req]) => [name, (await req).headers['cache-control']]),
    );
    expect(seen).toEqual(cases.map(([name, , expected]) => [name, expected]));

    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const uploaded = await t
      .http()
      .post('/api/photos')
      .set(bearer(resident))
      .attach('file', photo, 'a.jpg')
      .expect(201);
    expect(uploaded.headers['cache-control']).toBe('no-store');
    const raw = await t.http().get(uploaded.body.url).expect(200);
    expect(raw.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(raw.headers);
  });
});

describe('security headers in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      dialect: 'sqlite',
      env: {
        NODE_ENV: 'production',
        PUBLIC_BASE_URL: 'https://mqlk.example.gov.cn',
        TOKEN_SECRET: 'x'.repeat(48),
        PHONE_ENC_KEY: Buffer.alloc(32, 7).toString('base64'),
        SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send',
        WECHAT_APPID: 'wx0123456789abcdef',
        WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
        WECHAT_PUSH_TOKEN: 'pushToken2026',
        S3_ENDPOINT: 'https://mqlk-photos-1250000000.cos.ap-guangzhou.myqcloud.com',
        S3_BUCKET: 'mqlk-photos-1250000000',
        S3_ACCESS_KEY: 'AKIDEXAMPLE',
        S3_SECRET_KEY: 'secret-example',
        S3_REGION: 'ap-guangzhou',
        TTS_SECRET_ID: 'AKIDttsEXAMPLE0123456789',
        TTS_SECRET_KEY: 'ttsSecretEXAMPLE0123456789',
        TENCENT_ASR_SECRET_ID: 'AKIDASREXAMPLE',
        TENCENT_ASR_SECRET_KEY: 'asr-secret-example',
      },
    });
  });
  afterAll(() => t?.close());

  it('pin https with HSTS and let the page show photos from the photo store', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const directives = (res.headers['content-security-policy'] ?? '').split(';');
    expect(directives).toContain(
      "img-src 'self' data: blob: https://mqlk-photos-1250000000.cos.ap-guangzhou.myqcloud.com",
    );
    expect(directives).toContain('upgrade-insecure-requests');
    expect(directives).toContain("frame-ancestors 'none'");
  });
});
