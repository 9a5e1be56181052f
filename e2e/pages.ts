import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** The demo county's fixed cards and sign-ins (server/src/database/seed/demo-data.ts). */
export const DEMO = {
  /** 张建国, 东岭村 (石桥镇): cadre01 */
  card: '0bM6ff7tDWQaU',
  password: 'Demo@2026',
} as const;

/** The native input inside Taro's `taro-input-core` wrapper, which carries the placeholder too. */
export const field = (scope: Locator, placeholder: string): Locator =>
  scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);

/** Taro's H5 router keeps earlier pages in the DOM, hidden: act only on the page being shown. */
export const shown = (page: Page): Locator => page.locator('.taro_page_show').last();

export async function signInAtWork(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/work/sign-in`);
  await field(shown(page), '请输入账号').fill(username);
  await field(shown(page), '请输入密码').fill(DEMO.password);
  await shown(page).getByText('登录', { exact: true }).click();
  await shown(page).getByText('退出登录').waitFor();
}

/** Playwright's web-first assertion, without pulling in its test runner. */
export function see(locator: Locator) {
  return {
    toBeVisible: () => locator.waitFor({ state: 'visible', timeout: 15000 }),
    toContainText: async (text: string) => {
      await locator.filter({ hasText: text }).first().waitFor({ timeout: 15000 });
    },
  };
}

/** The text of the page being shown, as a person reads it. */
export const pageText = async (page: Page): Promise<string> =>
  (await shown(page).innerText()).replace(/\s+/g, ' ').trim();

/** A resident signs in on 我反映的事情 with an SMS code (the trial stand-in shows it on the page). */
export async function signInResident(page: Page, base: string, phone: string): Promise<void> {
  await page.goto(`${base}/mine`);
  const mine = shown(page);
  await field(mine, '请输入11位手机号').fill(phone);
  await mine.getByText('获取验证码').click();
  const hint = await mine.getByText(/测试环境验证码/).textContent();
  await field(mine, '6位数字').fill(/(\d{6})/.exec(hint ?? '')![1]!);
  await mine.getByText('查看我反映的事情').last().click();
  await shown(page)
    .getByText(/MQ-\d{8}-\d{4}/)
    .first()
    .waitFor();
}

/**
 * Signs a page in with a session made through the API, the way the app keeps one (Taro storage
 * under `mqlk.session`), for flows where the sign-in itself is not what is being shown.
 */
export async function useSession(page: Page, base: string, session: unknown): Promise<void> {
  await page.goto(`${base}/home`);
  await page.evaluate(
    (s) => localStorage.setItem('mqlk.session', JSON.stringify({ data: s })),
    session,
  );
}

export interface Sizes {
  smallestText: number;
  smallestTap: { width: number; height: number; text: string };
}

/** The smallest text and the smallest tap target on the page as the browser laid it out. */
export function measure(page: Page): Promise<Sizes> {
  return page.evaluate(() => {
    const root = [...document.querySelectorAll('.taro_page_show')].pop()!;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const texts = [...root.querySelectorAll('*')].filter(
      (el) =>
        visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
    );
    const taps = [...root.querySelectorAll('.mq-btn, .mq-call, .mq-elder-switch')].filter(visible);
    const smallest = taps
      .map((el) => ({
        width: el.getBoundingClientRect().width,
        height: el.getBoundingClientRect().height,
        text: (el.textContent ?? '').trim().slice(0, 12),
      }))
      .sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height))[0]!;
    return {
      smallestText: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
      smallestTap: smallest,
    };
  });
}

/** A small PNG with a gradient, for the pages that take a photo. */
export function samplePng(width = 96, height = 64): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data.set([40, 110 + (((i / 4) % width) % 140), 200, 255], i);
  }
  return PNG.sync.write(png);
}
