import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type TestApp, startTestApp } from './test-app';

/** 普通链接二维码 校验文件, served at the site root from configuration (and nothing when unset). */
describe('the link-QR verification file', () => {
  describe('configured, beside the H5 build', () => {
    let t: TestApp;
    let h5: string;
    beforeAll(async () => {
      h5 = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-h5-'));
      fs.writeFileSync(path.join(h5, 'index.html'), '<!doctype html><title>民情联系卡</title>');
      t = await startTestApp({
        dialect: 'sqlite',
        env: {
          H5_DIST_DIR: h5,
          WECHAT_LINK_VERIFY_FILE: 'aB3dE5gH7j.txt',
          WECHAT_LINK_VERIFY_CONTENT: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        },
      });
    });
    afterAll(async () => {
      await t?.close();
      fs.rmSync(h5, { recursive: true, force: true });
    });

    it('answers its content as plain text at the site root', async () => {
      const res = await t.http().get('/aB3dE5gH7j.txt').expect(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe('0f1e2d3c4b5a69788796a5b4c3d2e1f0');
    });

    it('serves no other name, nor the name under another path', async () => {
      await t.http().get('/aB3dE5gH7k.txt').expect(404);
      await t.http().get('/c/aB3dE5gH7j.txt').expect(404);
      await t.http().get('/api/aB3dE5gH7j.txt').expect(404);
    });

    it('leaves the H5 build as it was: the card link still opens the app', async () => {
      const res = await t.http().get('/c/0bM6ff7tDWQaU').expect(200);
      expect(res.text).toContain('<title>民情联系卡</title>');
    });
  });

  describe('unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ dialect: 'sqlite' });
    });
    afterAll(() => t?.close());

    it('serves nothing', async () => {
      expect(t.config.wechatLinkVerify).toBeNull();
      await t.http().get('/aB3dE5gH7j.txt').expect(404);
    });
  });
});
