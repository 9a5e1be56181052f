import type { Browser, CDPSession } from 'playwright-core';
import { Api, randomPhone } from '../api';
import { launchBrowser, phonePage, type Product, shot, startProduct } from '../harness';
import { DEMO, measure, pageText, shown } from '../pages';

/**
 * 村务公示栏 in a phone's browser, as a villager who scanned the poster sees it: the village's
 * resolved requests by their public summary, the monthly figures, nothing of the residents; then
 * in 长辈模式; then loaded over a slow mobile connection, with its size and time printed.
 */
describe('the village board (公示栏), in a real browser', () => {
  let product: Product;
  let browser: Browser;
  let api: Api;
  let villageId: number;
  const privateTexts: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    const staff = await api.signIn('shiqiao');
    const tree = await api.call<{ units: { id: number; name: string; kind: string }[] }>(
      'GET',
      '/api/office/units',
      staff,
    );
    villageId = tree.units.find((u) => u.name === '东岭村' && u.kind === 'village')!.id;

    const cadre = await api.signIn('cadre01');
    const cases = [
      ['村东头王大妈家自来水停了三天', '村东头自来水管道已修复，恢复供水'],
      ['三组路口路灯坏了，晚上接孩子看不见', '三组路口路灯已更换'],
      ['想问问今年的医保怎么交，孙子在外地上学', null],
    ] as const;
    for (const [text, summary] of cases) {
      const resident = await api.resident(randomPhone());
      const r = await api.submit(resident.token, DEMO.card, text);
      privateTexts.push(text);
      if (summary) {
        await api.handle(cadre, r.id, '上门查看后联系了相关单位处理', summary);
        await api.rate(resident.token, r.id, 5, '张书记很负责');
      }
    }
    privateTexts.push('上门查看后联系了相关单位处理', '张书记很负责');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows what was done, by its summary, and none of what residents wrote', async () => {
    const page = await phonePage(browser);
    await page.goto(`${product.baseUrl}/board/${villageId}`);
    await shown(page).getByText('村东头自来水管道已修复，恢复供水').waitFor();
    const text = await pageText(page);
    expect(text).toContain('东岭村');
    expect(text).toContain('石桥镇');
    expect(text).toContain('三组路口路灯已更换');
    expect(text).toContain('承办：张建国');
    expect(text).toContain('样本不足');
    for (const secret of privateTexts) expect(text).not.toContain(secret);
    await shot(page, '40-board-phone');

    await shown(page).getByText('长辈模式').click();
    await shown(page).getByText('✓ 已开启').waitFor();
    const elder = await measure(page);
    await shot(page, '41-board-elder');
    expect(elder.smallestText).toBeGreaterThanOrEqual(18);
    await page.context().close();
  });

  it('opens over a slow mobile connection: its transfer size and load time', async () => {
    const page = await phonePage(browser);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Chrome DevTools' "Slow 3G" preset: 400 ms latency, 500 kbit/s down, 500 kbit/s up.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (500 * 1024) / 8,
      uploadThroughput: (500 * 1024) / 8,
    });
    let bytes = 0;
    let requests = 0;
    let boardBytes = 0;
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
      urls.set(e.requestId, e.request.url);
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests += 1;
      if (urls.get(e.requestId)?.includes('/api/board/')) boardBytes = e.encodedDataLength;
    });
    const started = Date.now();
    await page.goto(`${product.baseUrl}/board/${villageId}`);
    await shown(page).getByText('村东头自来水管道已修复，恢复供水').waitFor({ timeout: 60000 });
    const ms = Date.now() - started;
    console.log(
      `board page on Slow 3G (400 ms, 500 kbit/s): ${requests} requests, ` +
        `${(bytes / 1024).toFixed(1)} KB transferred (the board's JSON: ${boardBytes} B), ` +
        `${(ms / 1000).toFixed(1)} s until the first summary showed`,
    );
    expect(boardBytes).toBeGreaterThan(0);
    expect(boardBytes).toBeLessThan(4096);
    await page.context().close();
  });
});
