import * as net from 'node:net';
import { type ErrorCode, messageOf } from '@mqlk/shared';
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
