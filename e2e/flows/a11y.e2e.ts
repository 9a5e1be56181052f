import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, type Product, shot, startProduct } from '../harness';
import { Api, randomPhone } from '../api';
import { audit, type Finding, setElderMode, settled } from '../axe';
import { DEMO, shown, signInAtWork, useSession } from '../pages';

/**
 * axe-core on the pages a resident meets, in both modes: no serious or critical violation. What
 * it finds of lesser impact is printed, so that the note can say what is left.
 */
const PAGES: { name: string; path: string; ready: string }[] = [
  { name: 'card', path: `/c/${DEMO.card}`, ready: '我要反映' },
  { name: 'submit', path: `/submit?cardCode=${DEMO.card}`, ready: '获取验证码' },
  { name: 'mine', path: '/mine', ready: '获取验证码' },
  { name: 'home', path: '/home', ready: '长辈模式' },
  { name: 'work sign-in', path: '/work/sign-in', ready: '登录' },
];

/** Pages behind a sign-in: who opens them, and the paths (`:id` is a request made for the test). */
const SIGNED_IN: { who: 'resident' | 'cadre01' | 'shiqiao'; paths: string[] }[] = [
  { who: 'resident', paths: ['/mine', '/mine/request?id=:id', '/messages'] },
  {
    who: 'cadre01',
    paths: ['/work', '/work/request?id=:id', '/work/figures', '/work/households', '/work/record'],
  },
  {
    who: 'shiqiao',
    paths: [
      '/township',
      '/township/anomalies',
      '/township/queue',
      '/township/failed-notices',
      '/office',
      '/office/units',
      '/office/cadres',
      '/office/households',
      '/office/ledger',
      '/office/accounts',
      '/office/calendar',
      '/office/audit',
    ],
  },
];

/** What has keyboard focus, as a person would name it: its text, label or placeholder. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const input = el as HTMLInputElement;
    return (
      el.getAttribute('aria-label') ??
      (input.placeholder || (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    );
  });
}

/** Presses Tab until the focused control's name contains `name` (at most 40 times). */
async function tabTo(page: Page, name: string): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.includes(name)) return;
    seen.push(now.slice(0, 16));
  }
  throw new Error(`Tab never reached “${name}”; it went through: ${seen.join(' | ')}`);
}

describe('accessibility: axe-core on every resident page, in both modes', () => {
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

  it('finds no serious or critical violation', async () => {
    const findings: Finding[] = [];
    let checked = 0;
    for (const elder of [false, true]) {
      const page = await phonePage(browser);
      await page.goto(`${product.baseUrl}/home`);
      await setElderMode(page, elder);
      for (const p of PAGES) {
        await page.goto(`${product.baseUrl}${p.path}`);
        await shown(page).getByText(p.ready).first().waitFor();
        findings.push(...(await audit(page, `${p.name}${elder ? ' (长辈模式)' : ''}`)));
        checked += 1;
        if (elder && p.name === 'submit') await shot(page, 'a11y-submit-elder');
      }
      await page.context().close();
    }
    const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
    const lesser = findings.filter((f) => !serious.includes(f));
    console.log(
      `axe: ${checked} page × mode checks; ${serious.length} serious/critical, ${lesser.length} lesser:\n` +
        findings
          .map((f) => `  [${f.impact}] ${f.page}: ${f.rule}\n    ${f.targets.join('\n    ')}`)
          .join('\n'),
    );
    expect(serious).toEqual([]);
  });

  it('a resident submits a request with the keyboard alone, from the card to 提交成功', async () => {
    const page = await phonePage(browser);
    await page.goto(`${product.baseUrl}/c/${DEMO.card}`);
    await shown(page).getByText('我要反映').first().waitFor();
    await tabTo(page, '我要反映');
    await page.keyboard.press('Enter');
    await shown(page).getByText('获取验证码').waitFor();

    await tabTo(page, '实际困难');
    await page.keyboard.press('Space');
    await shown(page).locator('[role="radio"][aria-checked="true"]').first().waitFor();
    await tabTo(page, '比如：什么地方');
    await page.keyboard.type('村里自来水停了三天，老人挑水很困难');
    await tabTo(page, '同意');
    await page.keyboard.press('Space');
    await shown(page).locator('[role="checkbox"][aria-checked="true"]').waitFor();
    await tabTo(page, '请输入11位手机号');
    await page.keyboard.type(randomPhone());
    await tabTo(page, '获取验证码');
    await page.keyboard.press('Enter');
    const hint = await shown(page)
      .getByText(/测试环境验证码/)
      .textContent();
    await tabTo(page, '6位数字');
    await page.keyboard.type(/(\d{6})/.exec(hint ?? '')![1]!);
    await shot(page, 'a11y-keyboard-filled');
    await tabTo(page, '提交');
    await page.keyboard.press('Enter');
    await shown(page).getByText('提交成功').waitFor();
    await shot(page, 'a11y-keyboard-submitted');
    await page.context().close();
  });

  it('a refused form says so aloud and puts focus on the first field to fix', async () => {
    const page = await phonePage(browser);
    await page.goto(`${product.baseUrl}/submit?cardCode=${DEMO.card}`);
    const form = shown(page);
    await form.getByText('获取验证码').waitFor();
    await form.getByText('提交', { exact: true }).click();
    await form.locator('[role="alert"]').first().waitFor();
    // The category is the first thing to fix: its group is marked, and focus is inside it.
    await form.locator('[role="radiogroup"][aria-invalid="true"]').first().waitFor();
    const textarea = form.locator('textarea');
    expect(await textarea.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await textarea.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('诉求内容');
    expect(
      await page.evaluate(() => {
        const el = document.activeElement;
        return `${el?.getAttribute('role')} in ${el?.closest('[role="radiogroup"]')?.getAttribute('aria-label')}`;
      }),
    ).toBe('radio in 1. 您要反映哪一类事情？');
    await page.context().close();
  });

  it('turns 长辈模式 on from a staff page, with the keyboard, and it stays on', async () => {
    const page = await phonePage(browser);
    await signInAtWork(page, product.baseUrl, 'shiqiao');
    await page.goto(`${product.baseUrl}/office/cadres`);
    await settled(page);
    const toggle = shown(page).locator('[role="switch"][aria-label="长辈模式"]');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await shown(page).locator('.mq-page--elder').waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.scrollIntoViewIfNeeded();
    await shot(page, 'a11y-office-elder-switch');
    // Another staff page reads it on.
    await page.goto(`${product.baseUrl}/township`);
    await shown(page).locator('.mq-page--elder').waitFor();
    await page.context().close();
  });

  it('finds none on the signed-in pages of residents, cadres and township staff either', async () => {
    const api = new Api(product.baseUrl);
    const resident = await api.resident(randomPhone());
    const request = await api.submit(resident.token, DEMO.card, '村口路灯坏了三天，晚上看不见路');
    const findings: Finding[] = [];
    let checked = 0;
    const started = Date.now();
    for (const elder of [false, true]) {
      for (const { who, paths } of SIGNED_IN) {
        const page = await phonePage(browser);
        await page.goto(`${product.baseUrl}/home`);
        await setElderMode(page, elder);
        if (who === 'resident') await useSession(page, product.baseUrl, resident.session);
        else await signInAtWork(page, product.baseUrl, who);
        for (const path of paths) {
          await page.goto(`${product.baseUrl}${path.replace(':id', String(request.id))}`);
          await settled(page);
          findings.push(...(await audit(page, `${who} ${path}${elder ? ' (长辈模式)' : ''}`)));
          checked += 1;
          console.log(`${who} ${path}${elder ? ' 长辈' : ''}: ${Date.now() - started} ms`);
        }
        await page.context().close();
      }
    }
    const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
    console.log(
      `axe, signed in: ${checked} page × mode checks; ${serious.length} serious/critical, ${findings.length - serious.length} lesser:\n` +
        findings
          .map((f) => `  [${f.impact}] ${f.page}: ${f.rule}\n    ${f.targets.join('\n    ')}`)
          .join('\n'),
    );
    expect(serious).toEqual([]);
  }, 600_000);
});
