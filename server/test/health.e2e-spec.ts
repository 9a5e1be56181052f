import { messageOf } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { type TestApp, startTestApp, testDialects } from './test-app';

describe.each(testDialects())('GET /api/health on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ dialect });
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers 200 when the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
    // Polled every few seconds by load balancers: no log line for a healthy answer. And the boot
    // itself warns about nothing (e.g. a deprecated route syntax).
    expect(t.logs().filter((l) => l.msg === 'request completed' || Number(l.level) >= 40)).toEqual(
      [],
    );
  });

  it('answers 503 DATABASE_UNAVAILABLE when the database is gone', async () => {
    await t.app.get(DataSource).destroy();
    const res = await t.http().get('/api/health').expect(503);
    expect(res.body).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      message: messageOf('DATABASE_UNAVAILABLE'),
      requestId: res.headers['x-request-id'],
    });
    expect(t.logs()).toContainEqual(
      expect.objectContaining({ msg: 'database did not answer the health check' }),
    );
  });
});
