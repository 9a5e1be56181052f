import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type TestApp, startTestApp } from './test-app';

describe('the H5 build at /', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-h5-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>民情联系卡</title>');
    fs.mkdirSync(path.join(dir, 'js'));
    fs.writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'js', 'big.js'), `console.log('${'民情联系卡'.repeat(2000)}')`);
    t = await startTestApp({ env: { H5_DIST_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for deep links such as the QR link', async () => {
    for (const url of ['/', '/c/Ab3dEf9hJk2mX', '/pages/card/index?code=x']) {
      const res = await t.http().get(url).expect(200);
      expect(res.text).toContain('<title>民情联系卡</title>');
    }
  });

  it('serves the build’s files', async () => {
    const res = await t.http().get('/js/app.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('compresses what it sends to phones on a weak signal', async () => {
    const res = await t.http().get('/js/big.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toContain('民情联系卡');
    const plain = await t.http().get('/js/big.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('answers a missing file with NOT_FOUND rather than index.html', async () => {
    const res = await t.http().get('/js/missing.js').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('leaves /api to the API', async () => {
    await t.http().get('/api/health').expect(200);
    const res = await t.http().get('/api/not-a-route').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('refuses paths that leave the build directory', async () => {
    const res = await t.http().get('/js/..%2f..%2fetc%2fpasswd.txt');
    expect([403, 404]).toContain(res.status);
    expect(res.text).not.toMatch(/root:/);
  });
});
