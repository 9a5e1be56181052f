import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INLINED_CARD_ID, type InlinedCard, SERVER_CARD_ID } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { CadreEntity } from '../src/modules/cadre/cadre.entity';
import { Factory } from './factories';
import { type TestApp, startTestApp } from './test-app';

const INDEX =
  '<!doctype html><html><head><title>民情联系卡</title></head><body><div id="app"></div><script src="/js/app.js"></script></body></html>';

describe('the H5 build at /', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-h5-'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
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

  describe('the QR link /c/<code> (issue 11)', () => {
    let f: Factory;
    let w: Awaited<ReturnType<Factory['world']>>;
    beforeAll(async () => {
      f = new Factory(t.app.get(DataSource), t.config);
      w = await f.world();
    });

    const inlined = (html: string): InlinedCard => {
      const m = new RegExp(
        `<script type="application/json" id="${INLINED_CARD_ID}">([^<]*)</script>`,
      ).exec(html);
      expect(m).not.toBeNull();
      return JSON.parse(m![1]!) as InlinedCard;
    };

    it('sends the card drawn and as data, escaped, and counts the opening once', async () => {
      const { cadre, card } = await f.cadre(w.villageA, '林</span><script>alert(1)</script>');
      await t.app
        .get(DataSource)
        .getRepository(CadreEntity)
        .update(cadre.id, { duties: '走访 & 联系 "群众"' });
      const res = await t.http().get(`/c/${card.code}`).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const html = res.text;
      expect(html).toContain(`<main id="${SERVER_CARD_ID}"`);
      expect(html).toContain('林&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).toContain('走访 &amp; 联系 &quot;群众&quot;');
      expect(html).toContain(`href="/submit?cardCode=${card.code}"`);
      expect(html).toMatch(/<style>body\{margin:0\}#mqlk-ssr\{/);
      // the app's own script still loads after the drawn card
      expect(html.indexOf(SERVER_CARD_ID)).toBeLessThan(html.indexOf('/js/app.js'));
      const answer = inlined(html);
      const api = await t.http().get(`/api/cards/${card.code}`).expect(200);
      expect(answer).toEqual({ code: card.code, card: api.body });
      const [row] = (await t.app
        .get(DataSource)
        .query('SELECT SUM(scans) AS n FROM card_scan_day WHERE card_id = ?', [card.id])) as {
        n: number | string;
      }[];
      // the page and the API call above: one each
      expect(Number(row!.n)).toBe(2);
    });

    it('sends a refusal as data, with nothing drawn, for the app to explain', async () => {
      const revoked = await f.card(w.cadreA.cadre, 'revoked');
      const gone = inlined((await t.http().get(`/c/${revoked.code}`).expect(200)).text);
      expect(gone).toEqual({
        code: revoked.code,
        error: { code: 'CARD_REVOKED', message: expect.any(String), status: 410 },
      });
      const bad = await t.http().get('/c/not-a-code').expect(200);
      expect(bad.text).not.toContain(SERVER_CARD_ID);
      expect(inlined(bad.text)).toMatchObject({ error: { code: 'CARD_CODE_INVALID' } });
    });
  });
});
