import type { Browser, Locator, Page } from 'playwright-core';
import { Api } from '../api';
import { launchBrowser, newPage, type Product, shot, startProduct } from '../harness';
import { field, pageText, see, shown, signInAtWork } from '../pages';

/** The household the form registers (石桥镇 / 东岭村). */
const HOUSEHOLD = {
  group: '三组',
  houseNumber: '12号',
  address: '东岭村三组12号',
  head: '王秀兰',
  phone: '13900001234',
  masked: '139****1234',
  members: '3',
};

/** Opens a chooser (unit or cadre) inside `scope` and picks the option named so. */
async function choose(scope: Locator, chooser: string, option: string) {
  await scope.locator(`${chooser} .office-units-chooser__current`).first().click();
  await scope.locator('.office-units-chooser__option', { hasText: option }).first().click();
}

/**
 * The office's 联户台账, every step in the pages: township staff open it from 管理后台 (empty,
 * saying what to do), register a household linked 结亲 to a cadre, find it by its full phone,
 * open it (the full number shown and the opening on the audit log), re-pair it (调整结对), read
 * 走访覆盖率, and — 91 days later on the product's movable clock — find it in 90天未走访.
 */
describe('the office 联户台账 in a real browser', () => {
  let product: Product;
  let browser: Browser;
  let staff: Page;
  let api: Api;

  beforeAll(async () => {
    product = await startProduct({ DEV_CLOCK: 'true' });
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    staff = await newPage(browser, { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const tab = (label: string) => shown(staff).locator('.mq-tabs__tab', { hasText: label });

  it('staff open 联户台账 from 管理后台 and are told how to start', async () => {
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
    await staff.goto(`${product.baseUrl}/office`);
    await shown(staff).getByText('联户台账 ›').click();
    await see(shown(staff).locator('.office-page__title', { hasText: '联户台账' })).toBeVisible();
    await see(shown(staff).getByText(/这里还没有登记联户/)).toBeVisible();
    expect(staff.url()).toContain('/office/households');
    await shot(staff, 'households-office-empty');
  });

  it('registers a household linked 结亲 to a cadre, and finds it in the list by its phone', async () => {
    await shown(staff).getByText('＋ 新增联户').first().click();
    const form = shown(staff).locator('.new-household');
    await choose(form, '.office-form__wide', '东岭村');
    await field(form, '例如：三组（社区可不填）').fill(HOUSEHOLD.group);
    await field(form, '例如：12号').fill(HOUSEHOLD.houseNumber);
    await field(form, '例如：王秀兰').fill(HOUSEHOLD.head);
    await field(form, '户主或家人的11位手机号').fill(HOUSEHOLD.phone);
    await field(form, '例如：4').fill(HOUSEHOLD.members);
    await form.locator('.office-check', { hasText: '低保' }).click();
    await form.locator('.office-check', { hasText: '空巢老人' }).click();
    await field(form, '例如：独居 退役军人').fill('独居');
    await choose(form, '.cadre-picker', '张建国');
    await form.locator('.office-chips__chip', { hasText: '结亲' }).click();
    await shot(staff, 'households-office-new');

    await form.getByText('保存联户').click();
    await see(
      form.getByText(`✓ 已新增联户：${HOUSEHOLD.address}，户主${HOUSEHOLD.head}，张建国 · 结亲`),
    ).toBeVisible();
    await form.getByText('收起').click();

    const row = shown(staff).locator('.office-table__row', { hasText: HOUSEHOLD.address });
    await see(row).toBeVisible();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    for (const part of [HOUSEHOLD.head, HOUSEHOLD.masked, '3人', '低保', '空巢老人', '独居']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('张建国 · 结亲');
    expect(text).toContain('从未走访');
    expect(text).not.toContain(HOUSEHOLD.phone);

    await field(shown(staff), '姓名、门牌号或完整手机号').fill(HOUSEHOLD.phone);
    await shown(staff).getByText('搜索', { exact: true }).click();
    await see(shown(staff).getByText('共1户，点一行查看完整信息、修改或调整结对')).toBeVisible();
    await shot(staff, 'households-office-list');
  });

  it('opens the household: the full phone, its opening on the audit log, then 调整结对', async () => {
    await shown(staff).locator('.office-table__row', { hasText: HOUSEHOLD.address }).click();
    await see(shown(staff).getByText(HOUSEHOLD.phone, { exact: true })).toBeVisible();
    await see(shown(staff).getByText(/打开本户已记入操作日志/)).toBeVisible();
    await shot(staff, 'households-office-detail');

    const views = await api.call<{ items: { summary: string; actorName: string }[] }>(
      'GET',
      '/api/office/audit?action=household.view',
      await api.signIn('admin'),
    );
    expect(views.items.length).toBe(1);

    await shown(staff).getByText('调整结对', { exact: true }).click();
    const move = shown(staff).locator('.household-move');
    await choose(move, '.cadre-picker', '李秀英');
    await move.locator('.office-chips__chip', { hasText: '结友' }).click();
    await field(move, '例如：原结对干部调岗').fill('张建国分管片区调整');
    await shot(staff, 'households-office-move');
    await move.getByText('保存结对').click();
    await see(shown(staff).getByText('✓ 已调整结对：李秀英 · 结友')).toBeVisible();
    expect(await pageText(staff)).toContain('李秀英 · 结友');

    await shown(staff).getByText('‹ 返回联户列表').click();
    await see(
      shown(staff).locator('.office-table__row', { hasText: '李秀英 · 结友' }),
    ).toBeVisible();
  });

  it('走访覆盖率: the cadre has one linked household, not yet visited this quarter', async () => {
    await tab('走访覆盖率').click();
    await see(shown(staff).getByText('本季度已走访 0/1 户 · 0.0%')).toBeVisible();
    const row = shown(staff).locator('.office-table__row', { hasText: '李秀英' });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('东岭村');
    // 覆盖率 and 特殊群体 (the household is 低保): 0 of 1 each; no visits.
    expect(text).toMatch(/0\/1户 · 0\.0%.*0\/1户 · 0\.0%.*0次.*0次/);
    await shot(staff, 'households-office-coverage');
  });

  it('90天未走访: none yet; 91 days on, the household is listed as never visited', async () => {
    await tab('90天未走访').click();
    await see(shown(staff).getByText('没有90天以上未走访的联户')).toBeVisible();

    await api.call('POST', '/api/dev/clock', await api.signIn('shiqiao'), {
      advanceMinutes: 91 * 24 * 60,
    });
    // The jump ends sessions: sign in again.
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
    await staff.goto(`${product.baseUrl}/office/households`);
    await tab('90天未走访').click();
    const row = shown(staff).locator('.office-table__row', { hasText: HOUSEHOLD.address });
    await see(row).toBeVisible();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    for (const part of ['从未走访', '低保', '李秀英 · 结友', HOUSEHOLD.masked]) {
      expect(text).toContain(part);
    }
    await shot(staff, 'households-office-unvisited');

    await row.click();
    await see(shown(staff).getByText(HOUSEHOLD.phone, { exact: true })).toBeVisible();
    await shown(staff).getByText('‹ 返回90天未走访').click();
    await see(shown(staff).getByText('共1户')).toBeVisible();
  });

  it('on a phone the list turns into cards, each with its labels', async () => {
    await staff.setViewportSize({ width: 390, height: 844 });
    await tab('联户台账').click();
    const row = shown(staff).locator('.office-table__row', { hasText: HOUSEHOLD.address });
    await see(row).toBeVisible();
    expect(await row.locator('.office-table__label', { hasText: '结对干部' }).isVisible()).toBe(
      true,
    );
    await shot(staff, 'households-office-phone');
  });
});
