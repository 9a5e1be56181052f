import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, type Product, shot, startProduct } from '../harness';
import { Api, randomPhone } from '../api';
import { DEMO, shown, useSession } from '../pages';

/**
 * 读给我听 in the browser: the page hands the words to `speechSynthesis`. Chromium without a
 * voice would say nothing, so the page's speechSynthesis is replaced (before its own scripts) by
 * one that records what it was asked to say, starts at once, and finishes only when cancelled —
 * so the 停止朗读 state can be seen and pressed.
 */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    let current: SpeechSynthesisUtterance | null = null;
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak(u: SpeechSynthesisUtterance) {
          spoken.push({ text: u.text, lang: u.lang });
          current = u;
          setTimeout(() => u.onstart?.call(u, new Event('start') as SpeechSynthesisEvent), 50);
        },
        cancel() {
          const u = current;
          current = null;
          u?.onend?.call(u, new Event('end') as SpeechSynthesisEvent);
        },
      },
    });
    (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
  });
}

const spokenOn = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken,
  );

async function setElderMode(page: Page, on: boolean): Promise<void> {
  await page.evaluate(
    (on) => localStorage.setItem('mqlk.elderMode', JSON.stringify({ data: on ? 'on' : 'off' })),
    on,
  );
}

/** Presses 读给我听 and checks the button turns into 停止朗读 (large enough in 长辈模式 too). */
async function pressReadAloud(page: Page, elder: boolean): Promise<void> {
  const button = shown(page).locator('[role="button"]', { hasText: '读给我听' });
  await button.click();
  const stop = shown(page).locator('[role="button"]', { hasText: '停止朗读' });
  await stop.waitFor();
  await shown(page).getByText('正在朗读，再按一下就停止').waitFor();
  const box = (await stop.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(elder ? 60 : 44);
}

describe('读给我听 (H5: the browser speaks)', () => {
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

  it.each([false, true])(
    'reads the card aloud: name, post, phone digit by digit, duties (长辈模式 %s)',
    async (elder) => {
      const page = await phonePage(browser);
      await recordSpeech(page);
      await page.goto(`${product.baseUrl}/home`);
      await setElderMode(page, elder);
      await page.goto(`${product.baseUrl}/c/${DEMO.card}`);
      await shown(page).getByText('我要反映').first().waitFor();
      await shot(page, `read-aloud-card-idle${elder ? '-elder' : ''}`);
      await pressReadAloud(page, elder);

      const spoken = await spokenOn(page);
      expect(spoken).toHaveLength(1);
      expect(spoken[0]!.lang).toBe('zh-CN');
      expect(spoken[0]!.text).toMatch(
        /^这是张建国的民情联系卡。张建国，[^。]+。电话：[零幺二三四五六七八九]{3}，[零幺二三四五六七八九]{4}，[零幺二三四五六七八九]{4}。负责的工作：/,
      );
      await shot(page, `read-aloud-card${elder ? '-elder' : ''}`);

      await shown(page).locator('[role="button"]', { hasText: '停止朗读' }).click();
      await shown(page).locator('[role="button"]', { hasText: '读给我听' }).waitFor();
      await page.context().close();
    },
  );

  it.each([false, true])(
    "reads a request's status, next step and deadline to the resident (长辈模式 %s)",
    async (elder) => {
      const api = new Api(product.baseUrl);
      const resident = await api.resident(randomPhone());
      const request = await api.submit(resident.token, DEMO.card, '村口路灯坏了三天，晚上看不见路');
      const page = await phonePage(browser);
      await recordSpeech(page);
      await useSession(page, product.baseUrl, resident.session);
      await setElderMode(page, elder);
      await page.goto(`${product.baseUrl}/mine/request?id=${request.id}`);
      await shown(page).getByText('下一步：等办理人签收，签收以后就开始办理。').waitFor();
      await pressReadAloud(page, elder);

      const spoken = await spokenOn(page);
      expect(spoken).toHaveLength(1);
      expect(spoken[0]!.text).toMatch(
        /^您反映的.+，办理人是张建国。现在的状态：待签收。等办理人签收，签收以后就开始办理。应该在.+月.+日星期.下午6点以前签收，.+月.+日星期.下午6点以前办结。$/,
      );
      await shot(page, `read-aloud-request${elder ? '-elder' : ''}`);
      await page.context().close();
    },
  );
});
