import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { Api } from '../api';
import { audit, type Finding, setElderMode, settled } from '../axe';
import { launchBrowser, phonePage, type Product, shot, startProduct } from '../harness';
import { DEMO, see, shown, signInAtWork, useSession } from '../pages';

/** The local WeChat stand-in flags words with 违规样例 (risky, 辱骂), as WeChat flags abuse. */
const FLAGGED = '邻居天天在村口骂人违规样例，请村里来调解一下';

interface Detail {
  id: number;
  number: string;
  contentHolds: { state: string }[];
}

/**
 * 内容安全 in a real browser: a resident's words that WeChat flags reach the cadre as a request
 * without them; township staff find it in 内容待审, see WeChat's reason and release it; the
 * cadre then reads the words. The resident is told, gently, that part is being looked at.
 */
describe('content security in a real browser: held words, the 内容待审 queue, release', () => {
  let product: Product;
  let browser: Browser;
  let api: Api;
  let request: Detail;
  let resident: { token: string };
  const findings: Finding[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    // A resident who opened the mini-program in WeChat: their openid is what WeChat checks under.
    resident = await api.call<{ token: string }>('POST', '/api/auth/wechat/sign-in', null, {
      code: `content-flow-${randomBytes(4).toString('hex')}`,
    });
    request = await api.call<Detail>(
      'POST',
      '/api/requests',
      resident.token,
      {
        cardCode: DEMO.card,
        category: 'difficulty',
        subTopic: 'dispute',
        text: FLAGGED,
        consent: true,
      },
      { 'idempotency-key': randomBytes(12).toString('hex') },
    );
    // The words are checked right after the submission, off the resident's wait.
    const staff = await api.signIn('shiqiao');
    for (let i = 0; i < 50; i++) {
      const seen = await api.call<Detail>('GET', `/api/requests/${request.id}`, staff);
      if (seen.contentHolds.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const open = async (page: Page, path: string, name: string) => {
    await page.goto(`${product.baseUrl}${path}`);
    await settled(page);
    findings.push(...(await audit(page, name)));
  };

  it('the cadre gets the request at once, without the held words, and can act on it', async () => {
    const cadre = await phonePage(browser);
    await signInAtWork(cadre, product.baseUrl, 'cadre01');
    const item = shown(cadre).locator('.mq-request-item', { hasText: request.number });
    await see(item).toBeVisible();
    await see(item.getByText('（文字内容待乡镇审核）')).toBeVisible();
    await shot(cadre, 'content-01-cadre-inbox');
    await open(cadre, `/work/request?id=${request.id}`, 'cadre request (held)');
    const page = shown(cadre);
    await see(page.getByText(/群众的文字内容正由乡镇工作人员审核/)).toBeVisible();
    expect(await page.innerText()).not.toContain('违规样例');
    expect(await page.innerText()).not.toContain('辱骂');
    // Never blocked: the cadre can sign for it while staff look at the words.
    await see(page.getByText('签收', { exact: true }).first()).toBeVisible();
    await shot(cadre, 'content-02-cadre-request-held');
    await setElderMode(cadre, true);
    await open(cadre, `/work/request?id=${request.id}`, 'cadre request (held, 长辈模式)');
    await shot(cadre, 'content-03-cadre-request-held-elder');
    await cadre.context().close();
  });

  it('the resident is told part of it is being looked at, not why', async () => {
    const page = await phonePage(browser);
    await useSession(page, product.baseUrl, resident);
    await open(page, `/mine/request?id=${request.id}`, 'resident request (held)');
    await see(shown(page).getByText(/您提交的部分内容需要工作人员核实后再转交干部/)).toBeVisible();
    await see(shown(page).getByText(FLAGGED)).toBeVisible();
    expect(await shown(page).innerText()).not.toContain('辱骂');
    await shot(page, 'content-04-resident-request');
    await page.context().close();
  });

  it('township staff find it in 内容待审, read the reason, and release it; the cadre then reads it', async () => {
    const staff = await phonePage(browser);
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
    await open(staff, '/township/queue', 'staff queue');
    const queue = shown(staff);
    await queue.getByText('内容待审').first().click();
    const item = queue.locator('.mq-request-item', { hasText: request.number });
    await see(item).toBeVisible();
    await shot(staff, 'content-05-staff-queue');

    await open(staff, `/work/request?id=${request.id}`, 'staff request (held)');
    const page = shown(staff);
    await see(page.getByText(FLAGGED)).toBeVisible();
    await see(page.getByText('辱骂').first()).toBeVisible();
    await page.getByText('内容审核').first().scrollIntoViewIfNeeded();
    await shot(staff, 'content-06-staff-review');

    // 不予转交 needs a reason: the message says so and nothing is lost.
    await page.getByText('不予转交', { exact: true }).last().click();
    await see(page.getByText('请填写不予转交的理由').first()).toBeVisible();
    await shot(staff, 'content-07-staff-withhold-needs-reason');
    await page.locator('textarea').last().fill('误判：是反映邻里纠纷，需要村里调解');
    await page.getByText('放行', { exact: true }).last().click();
    await see(page.getByText(/已放行/).first()).toBeVisible();
    await see(page.getByText('误判：是反映邻里纠纷，需要村里调解').first()).toBeVisible();
    await shot(staff, 'content-08-staff-released');
    await setElderMode(staff, true);
    await open(staff, `/work/request?id=${request.id}`, 'staff request (reviewed, 长辈模式)');
    await shot(staff, 'content-09-staff-reviewed-elder');
    await staff.context().close();

    const cadre = await phonePage(browser);
    await signInAtWork(cadre, product.baseUrl, 'cadre01');
    await cadre.goto(`${product.baseUrl}/work/request?id=${request.id}`);
    await see(shown(cadre).getByText(FLAGGED)).toBeVisible();
    expect(await shown(cadre).innerText()).not.toContain('误判');
    await shot(cadre, 'content-10-cadre-reads-released');
    await cadre.context().close();
  });

  it('axe finds no serious or critical violation on the pages with holds', () => {
    const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
    console.log(
      `axe, content security: ${findings.length} finding(s) over 6 page × mode checks:\n` +
        findings.map((f) => `  [${f.impact}] ${f.page}: ${f.rule}`).join('\n'),
    );
    expect(serious).toEqual([]);
  });
});
