import type { Browser, Page } from 'playwright-core';
import { Api, randomPhone } from '../api';
import { launchBrowser, phonePage, type Product, shot, startProduct } from '../harness';
import { field, measure, pageText, see, shown, signInAtWork } from '../pages';

const HOMES = [
  {
    groupName: '一组',
    houseNumber: '8号',
    headName: '周玉芬',
    memberCount: 1,
    specialGroups: ['empty_nest', 'subsistence'],
    freeTags: ['独居'],
    pairing: 'kin',
  },
  {
    groupName: '一组',
    houseNumber: '15号',
    headName: '钱大山',
    memberCount: 4,
    specialGroups: [],
    freeTags: [],
    pairing: 'acquaint',
  },
  {
    groupName: '二组',
    houseNumber: '3号',
    headName: '孙桂兰',
    memberCount: 3,
    specialGroups: ['left_behind_child'],
    freeTags: [],
    pairing: 'befriend',
  },
] as const;

/**
 * A cadre's half of the contact (联户, 走访日记), on a phone: 张建国 (cadre01 of the demo county)
 * opens 我的联户, finds 周玉芬's household, writes down a visit, and turns what he found into a
 * request filed for her (代填), which then names the household.
 */
describe('我的联户 and 走访日记 in the browser', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let staff: string;
  let kinId: number;
  const phone = randomPhone();

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const api = new Api(product.baseUrl);
    staff = await api.signIn('shiqiao');
    const cadres = await api.call<{ items: { id: number; unitId: number }[] }>(
      'GET',
      `/api/office/cadres?q=${encodeURIComponent('张建国')}`,
      staff,
    );
    const cadre = cadres.items[0]!;
    for (const [i, home] of HOMES.entries()) {
      const made = await api.call<{ id: number }>('POST', '/api/office/households', staff, {
        ...home,
        unitId: cadre.unitId,
        phone: i === 0 ? phone : randomPhone(),
        cadreId: cadre.id,
      });
      if (i === 0) kinId = made.id;
    }
    page = await phonePage(browser);
    await signInAtWork(page, product.baseUrl, 'cadre01');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lists the cadre’s households from the workbench, searchable', async () => {
    await shown(page).getByText('我的联户：走访日记、在办诉求 ›').click();
    await see(shown(page).getByText('共3户，点开一户记走访')).toBeVisible();
    const text = await pageText(page);
    expect(text).toContain('东岭村一组8号');
    expect(text).toContain('户主 周玉芬 · 1人 · ' + `${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(text).toContain('空巢老人');
    expect(text).toContain('还没有走访过');
    expect(text).not.toContain(phone);
    await shot(page, 'h01-my-households');

    await field(shown(page), '户主姓名、门牌号或完整手机号').fill(phone);
    await shown(page).getByText('搜索', { exact: true }).click();
    await see(shown(page).getByText('共1户，点开一户记走访')).toBeVisible();
  });

  it('records a visit to a household, and shows it in the diary', async () => {
    await shown(page).getByText('东岭村一组8号').click();
    await see(shown(page).getByText('打电话给周玉芬')).toBeVisible();
    await see(shown(page).getByText('还没有走访记录。走访后点上面的“记一次走访”。')).toBeVisible();
    await shot(page, 'h02-household');

    await shown(page).getByText('记一次走访', { exact: true }).click();
    await shown(page).getByText('保存走访').click();
    await see(shown(page).getByText('请填写见到的人')).toBeVisible();
    await see(shown(page).getByText('请填写走访情况')).toBeVisible();
    await field(shown(page), '例如：户主本人、老伴、儿媳').fill('户主本人');
    await field(shown(page), '家里的情况、群众说了什么、有什么困难').fill(
      '老人独居，屋顶西北角漏雨，下雨天要用盆接水；身体还好，药按时吃。',
    );
    await shot(page, 'h03-visit-form');
    await shown(page).getByText('保存走访').click();
    await see(shown(page).getByText('走访日记（1次）')).toBeVisible();
    const text = await pageText(page);
    expect(text).toContain('见到：户主本人');
    expect(text).toMatch(/最近走访：\d+月\d+日（今天）/);
    await shot(page, 'h04-diary');
  });

  it('turns the visit into a request filed for the resident, which names the household', async () => {
    await shown(page).getByText('转为诉求（代登记）').click();
    const form = shown(page);
    await see(form.getByText('东岭村一组8号 · 户主周玉芬')).toBeVisible();
    await see(form.getByText('在哪里了解到的：入户走访')).toBeVisible();
    // The household's phone is filled in for the cadre.
    await page.waitForFunction(
      (p) =>
        [...document.querySelectorAll('input')].some(
          (i) => i.placeholder === '群众本人的11位手机号' && i.value === p,
        ),
      phone,
    );
    await form.getByText('实际困难', { exact: true }).click();
    await form.getByText('住房安全', { exact: true }).click();
    await field(form, '用群众自己的话写：什么地方、什么事、希望怎么解决').fill(
      '屋顶西北角漏雨，老人独居，希望村里帮忙找人修补',
    );
    await form.getByText('已向群众说明个人信息保护说明，群众同意').click();
    await shot(page, 'h05-request-from-visit');
    await form.getByText('登记', { exact: true }).click();
    await see(
      shown(page)
        .getByText(/MQ-\d{8}-\d{4}/)
        .first(),
    ).toBeVisible();
    const number = /MQ-\d{8}-\d{4}/.exec(await pageText(page))![0];
    await shot(page, 'h06-request-filed');

    await page.goBack();
    await see(shown(page).getByText(`已登记诉求 ${number} ›`)).toBeVisible();
    // The household's count is read again when the page shows: wait for it, not just the diary.
    await see(shown(page).getByText(/在办诉求1件/)).toBeVisible();
    await shot(page, 'h07-diary-with-request');
  });

  it('a 民困帮扶卡 scan submits a request that arrives with its household', async () => {
    const api = new Api(product.baseUrl);
    const card = await api.call<{ code: string }>(
      'POST',
      `/api/office/households/${kinId}/help-card`,
      staff,
      {},
    );
    const resident = await phonePage(browser);
    await resident.goto(`${product.baseUrl}/c/${card.code}`);
    await see(
      shown(resident).getByText('民困帮扶卡：张建国是您家的结亲干部，有事直接反映，不用再写地址。'),
    ).toBeVisible();
    // The public card names no household.
    expect(await pageText(resident)).not.toContain('周玉芬');
    await shot(resident, 'h09-help-card');
    await shown(resident).getByText('我要反映').first().click();
    const form = shown(resident);
    await form.getByText('实际困难', { exact: true }).click();
    await form.getByText('就医', { exact: true }).click();
    await form.locator('textarea').fill('老伴腿疼走不了路，想请村医上门看看，再问问医保怎么报销。');
    await form.getByText('请点这里表示同意', { exact: false }).click();
    await field(form, '请输入11位手机号').fill(phone);
    await form.getByText('获取验证码').click();
    const hint = await form.getByText(/测试环境验证码/).textContent();
    await field(form, '6位数字').fill(/(\d{6})/.exec(hint ?? '')![1]!);
    await form.getByText('提交', { exact: true }).click();
    const done = shown(resident)
      .getByText(/MQ-\d{8}-\d{4}/)
      .first();
    await done.waitFor();
    const number = /MQ-\d{8}-\d{4}/.exec((await done.textContent()) ?? '')![0];
    await resident.context().close();

    await page.goto(`${product.baseUrl}/work`);
    await shown(page).getByText(new RegExp(number)).first().click();
    await see(shown(page).getByText('来自联户：东岭村一组8号（户主周玉芬）')).toBeVisible();
    await shot(page, 'h10-request-from-help-card');
  });

  it('reads in 长辈模式 at the large sizes', async () => {
    await page.evaluate(() =>
      localStorage.setItem('mqlk.elderMode', JSON.stringify({ data: 'on' })),
    );
    await page.goto(`${product.baseUrl}/work/households`);
    await see(shown(page).getByText('共3户，点开一户记走访')).toBeVisible();
    const sizes = await measure(page);
    await shot(page, 'h08-my-households-elder');
    expect(sizes.smallestText).toBeGreaterThanOrEqual(18);
  });
});
