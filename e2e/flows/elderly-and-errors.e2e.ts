import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  phonePage,
  type Product,
  SCREENSHOT_DIR,
  shot,
  startProduct,
} from '../harness';
import { DEMO, measure, shown } from '../pages';

const CARD = DEMO.card;

describe('适老化 and refusals, in a real browser', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('the card page meets the 长辈模式 sizes: text ≥ 18 px, tap targets ≥ 60 × 60 px (44 otherwise)', async () => {
    const page = await phonePage(browser);
    await page.goto(`${product.baseUrl}/c/${CARD}`);
    await shown(page).getByText('我要反映').first().waitFor();
    const normal = await measure(page);
    expect(Math.min(normal.smallestTap.width, normal.smallestTap.height)).toBeGreaterThanOrEqual(
      44,
    );

    await shown(page).getByText('长辈模式').click();
    await shown(page).getByText('✓ 已开启').waitFor();
    const elder = await measure(page);
    await shot(page, '10-card-elder');
    expect(elder.smallestText).toBeGreaterThanOrEqual(18);
    expect(Math.min(elder.smallestTap.width, elder.smallestTap.height)).toBeGreaterThanOrEqual(60);
    console.log(
      `card page sizes — normal: text ≥ ${normal.smallestText}px, taps ≥ ${JSON.stringify(normal.smallestTap)}; 长辈模式: text ≥ ${elder.smallestText}px, taps ≥ ${JSON.stringify(elder.smallestTap)}`,
    );
    await page.context().close();
  });

  it('a mistyped card code gets a clear message', async () => {
    const page = await phonePage(browser);
    const typo = CARD.slice(0, 5) + (CARD[5] === 'f' ? 'g' : 'f') + CARD.slice(6);
    await page.goto(`${product.baseUrl}/c/${typo}`);
    await shown(page)
      .getByText(/二维码|编码|卡片/)
      .first()
      .waitFor();
    await shot(page, '11-card-mistyped');
    await page.goto(`${product.baseUrl}/c/cfC5aK6PAiVf8`);
    await shown(page).getByText(/停用/).first().waitFor();
    await shot(page, '12-card-revoked');
    await page.context().close();
  });

  it('the QR link shows the card with the HTML alone, before (or without) the app', async () => {
    const page = await phonePage(browser, { javaScriptEnabled: false });
    await page.goto(`${product.baseUrl}/c/${CARD}`);
    const drawn = page.locator('#mqlk-ssr');
    await drawn.getByText('我要反映').waitFor();
    expect(await drawn.getByText('我要反映').getAttribute('href')).toBe(`/submit?cardCode=${CARD}`);
    expect(await drawn.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/16-card-drawn-by-server.png` });
    // Drawn where the app draws it: the app takes over without the page moving.
    const drawnAt = await drawn.getByText('我要反映').boundingBox();
    await page.context().close();
    const app = await phonePage(browser);
    await app.goto(`${product.baseUrl}/c/${CARD}`);
    const button = shown(app).locator('.card-page__report');
    await button.waitFor();
    expect(await app.locator('#mqlk-ssr').count()).toBe(0);
    expect(await button.boundingBox()).toEqual(drawnAt);
    await app.context().close();
  });

  it('re-opened with the network down, the card opened last time shows at once, and says so', async () => {
    const page = await phonePage(browser);
    await page.goto(`${product.baseUrl}/c/${CARD}`);
    await shown(page).getByText('我要反映').first().waitFor();
    const name = await shown(page).locator('.card-page__name').textContent();
    await page.route('**/api/cards/**', (route) => route.abort('internetdisconnected'));
    // The QR link's page now comes with the card in it (issue 11); the kept card is for the app
    // asking on its own, as the mini-program always does: the card page's own route.
    await page.goto(`${product.baseUrl}/c?code=${CARD}`);
    await shown(page).getByText('网络不好，下面是您上次打开时的联系卡。').waitFor();
    expect(await shown(page).locator('.card-page__name').textContent()).toBe(name);
    await shown(page).getByText('我要反映').first().waitFor();
    await shot(page, '15-card-kept-offline');
    await page.context().close();
  });

  it('a refused submission says what is wrong in Chinese and keeps what was typed', async () => {
    const page = await phonePage(browser);
    await page.goto(`${product.baseUrl}/submit?cardCode=${CARD}`);
    const form = shown(page);
    await form.getByText('获取验证码').waitFor();
    await form.getByText('实际困难', { exact: true }).click();
    await form.locator('textarea').fill('停水了');
    await form.getByText('提交', { exact: true }).click();
    await form.getByText('诉求内容至少要5个字，现在只有3个字').waitFor();
    await form.getByText('请先阅读并同意个人信息保护说明').first().waitFor();
    expect(await form.locator('textarea').inputValue()).toBe('停水了');
    await shot(page, '13-submit-refused');

    // The server refuses too (here: a wrong SMS code), and the form keeps everything.
    await form.locator('textarea').fill('停水三天了，请尽快派人来修');
    await form.getByText('请点这里表示同意', { exact: false }).click();
    await form.locator('input[placeholder="请输入11位手机号"]').fill('13955556666');
    await form.getByText('获取验证码').click();
    const sent = (await form.getByText(/测试环境验证码/).textContent()) ?? '';
    await form
      .locator('input[placeholder="6位数字"]')
      .fill(sent.includes('000000') ? '111111' : '000000');
    await form.getByText('提交', { exact: true }).click();
    await form.getByText('验证码不正确或已过期，请重新获取').first().waitFor();
    expect(await form.locator('textarea').inputValue()).toBe('停水三天了，请尽快派人来修');
    await shot(page, '14-submit-wrong-code');
    await page.context().close();
  });
});
