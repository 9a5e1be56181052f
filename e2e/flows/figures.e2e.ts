import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { Api, randomPhone } from '../api';
import {
  launchBrowser,
  newPage,
  phonePage,
  type Product,
  SCREENSHOT_DIR,
  shot,
  startProduct,
} from '../harness';
import { measure, pageText, see, shown, signInAtWork } from '../pages';

/** Where the 月报 the page hands over is kept, beside the screenshots. */
const DOWNLOAD_DIR = path.join(SCREENSHOT_DIR, '..', 'downloads');

/** The browser's clock, the same instant as the product's last move of its clock. */
const TODAY = '2035-01-25T10:00:00+08:00';

interface Filed {
  id: number;
  number: string;
  resident: string;
}

/** Clicks what starts a download and keeps the file under .artifacts/downloads. */
async function downloadBy(page: Page, click: () => Promise<void>, name: string) {
  const started = page.waitForEvent('download', { timeout: 30000 });
  await click();
  const download: Download = await started;
  fs.mkdirSync(DOWNLOAD_DIR, { recursive: true });
  const file = path.join(DOWNLOAD_DIR, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

/** A desktop browser, as township and county staff use 统计指标. */
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' } as const;

/**
 * Figures officials can check by hand, in the pages: a month of history in 石桥镇 made through
 * the API (requests to three cadres handled, rated 1 to 5, one left to go overdue, one escalated
 * to the township and resolved there, and a December before it), then township staff read every
 * figure, the ranking and the charts, open the requests behind 按时办结率's denominator and find as
 * many as the number said, and two cadres read their own figures in 长辈模式. County staff read the
 * anomaly flags that history raises (ratings seconds after each resolution, a burst for one cadre,
 * one resident account rating three cadres in December), open the work township staff did
 * themselves, and download December's 月报 from the figures page. The product runs
 * with a movable clock (DEV_CLOCK=true): 2034-12-04 and 2035-01-08 are Mondays of years without a
 * holiday schedule, so every deadline falls on the same weekday whenever this runs.
 */
describe('figures in a real browser: every number opens the requests behind it', () => {
  let product: Product;
  let browser: Browser;
  let api: Api;
  let onTimeDenominator: number;
  /** the resident who rated three cadres' requests in December */
  let manyCadresPhone: string;
  /** resolved by 石桥镇's staff themselves */
  let escalatedNumber: string;

  /** Moves the product's clock as township staff (a jump ends every session). */
  const moveClock = async (at: string) =>
    api.call('POST', '/api/dev/clock', await api.signIn('shiqiao'), { at });

  /** The active card of each demo cadre, read from 管理后台 as the township's staff. */
  async function cardsOf(usernames: string[]): Promise<Record<string, string>> {
    const staff = await api.signIn('shiqiao');
    const cadres = await api.call<{ items: { id: number; username: string | null }[] }>(
      'GET',
      '/api/office/cadres?pageSize=50',
      staff,
    );
    const cards: Record<string, string> = {};
    for (const username of usernames) {
      const cadre = cadres.items.find((c) => c.username === username);
      if (!cadre) throw new Error(`no cadre ${username} in 石桥镇`);
      const detail = await api.call<{ cards: { code: string; status: string }[] }>(
        'GET',
        `/api/office/cadres/${cadre.id}`,
        staff,
      );
      cards[username] = detail.cards.find((c) => c.status === 'active')!.code;
    }
    return cards;
  }

  /** A new resident reports through a card. */
  async function filed(card: string, text: string): Promise<Filed> {
    const resident = await api.resident(randomPhone());
    const r = await api.submit(resident.token, card, text);
    return { id: r.id, number: r.number, resident: resident.token };
  }

  /** Each request accepted and resolved by the cadre, then rated by its resident. */
  async function handledAndRated(cadre: string, card: string, levels: (number | null)[]) {
    const token = await api.signIn(cadre);
    for (const [i, level] of levels.entries()) {
      const r = await filed(card, `村里第${i + 1}件事：路灯不亮，晚上走路不方便，请帮忙修一下。`);
      await api.handle(token, r.id);
      if (level !== null) await api.rate(r.resident, r.id, level);
    }
  }

  /** One resident reports through each cadre's card; each cadre resolves, the resident rates 5. */
  async function oneAccountRates(cards: Record<string, string>): Promise<string> {
    const phone = randomPhone();
    const resident = await api.resident(phone);
    for (const [i, [cadre, card]] of Object.entries(cards).entries()) {
      const r = await api.submit(
        resident.token,
        card,
        `家门口第${i + 1}处自来水管漏水好几天了，请帮忙找人修一下。`,
      );
      await api.handle(await api.signIn(cadre), r.id);
      await api.rate(resident.token, r.id, 5);
    }
    return phone;
  }

  beforeAll(async () => {
    // Some thirty residents sign in from this one address.
    product = await startProduct({ DEV_CLOCK: 'true', SMS_LIMIT_PER_ADDRESS_PER_HOUR: '200' });
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    const cards = await cardsOf(['cadre01', 'cadre02', 'cadre03']);

    await moveClock('2034-12-04T09:00:00+08:00');
    await handledAndRated('cadre01', cards.cadre01!, [5, 5, 4, 4, 3, 2, 1]);
    await handledAndRated('cadre02', cards.cadre02!, [5, 4, 2]);
    // A flag for the county: one account rates the requests of three cadres.
    manyCadresPhone = await oneAccountRates(cards);

    await moveClock('2035-01-08T09:00:00+08:00');
    await handledAndRated('cadre01', cards.cadre01!, [5, 4, 4, 3, 1]);
    await handledAndRated('cadre03', cards.cadre03!, [5, 5, 5, 4, 4, 2]);
    await handledAndRated('cadre02', cards.cadre02!, [null, null]);
    // Left unaccepted: both its clocks run out and count against 张建国.
    await filed(cards.cadre01!, '村口的桥栏杆断了一截，小孩上学路过很危险。');
    // Beyond the village: escalated to 石桥镇, resolved there by its staff.
    const escalated = await filed(cards.cadre01!, '村道塌方一段，二十米长，需要镇里协调修路。');
    escalatedNumber = escalated.number;
    await api.move(await api.signIn('cadre01'), escalated.id, 'escalate', {
      reason: '塌方有二十米长，需要镇里协调交通站和资金。',
    });
    await api.handle(await api.signIn('shiqiao'), escalated.id, '镇交通站已组织抢修，道路恢复通行');
    await api.rate(escalated.resident, escalated.id, 4);

    // Every January deadline (签收 by the 9th, 办结 by the 11th) has passed.
    await moveClock(TODAY);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** A page whose own clock reads the product's day, so 本月 is January 2035 there too. */
  async function pageAt(make: () => Promise<Page>): Promise<Page> {
    const page = await make();
    await page.clock.setFixedTime(new Date(TODAY));
    return page;
  }

  /** Non-blank pixels on a chart's canvas: it was drawn, not only laid out. */
  const inkOf = (page: Page, index: number) =>
    shown(page)
      .locator('.figures-chart__canvas canvas')
      .nth(index)
      .evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
        return ink;
      });

  it('township staff read every figure of every cadre, the ranking and the charts', async () => {
    const staff = await pageAt(() => newPage(browser, DESKTOP));
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
    await shown(staff).getByText('乡镇工作台').click();
    const page = shown(staff);
    await see(page.getByText('石桥镇 · 2035年1月1日至2035年1月25日 · 每行一个干部')).toBeVisible();

    const zhang = page.locator('.figures-table__row', { hasText: '张建国' });
    await see(zhang.locator('.figures-table__cell--satisfaction')).toContainText('80.0%（4/5）');
    await see(zhang.locator('.figures-table__cell--badReviewRate')).toContainText('20.0%（1/5）');
    const wang = page.locator('.figures-table__row', { hasText: '王志强' });
    await see(wang.locator('.figures-table__cell--satisfaction')).toContainText('83.3%（5/6）');
    // 李秀英 resolved two and has no rating this month: 暂无数据, never 0%.
    const li = page.locator('.figures-table__row', { hasText: '李秀英' });
    await see(li.locator('.figures-table__cell--satisfaction')).toContainText('暂无数据');
    await see(li.locator('.figures-table__cell--resolved')).toContainText('2');

    const ranking = page.locator('.figures-ranking');
    await see(ranking.locator('.figures-ranking__row').first()).toContainText('第1名');
    const ranked = await ranking.locator('.figures-ranking__row').allInnerTexts();
    expect(ranked.map((r) => r.replace(/\s+/g, ''))).toEqual([
      expect.stringMatching(/^第1名王志强.*n=6$/),
      expect.stringMatching(/^第2名张建国.*n=5$/),
    ]);
    await see(ranking.locator('.figures-ranking__apart')).toContainText('李秀英（n = 0）');

    await see(page.getByText('近12个月走势')).toBeVisible();
    const december = page.locator('.figures-numbers__row', { hasText: '2034年12月' });
    // December: 7 of 10 ratings satisfied, and the three 5s of one account.
    await see(december).toContainText('76.9%（10/13）');
    await see(page.locator('.figures-numbers--levels')).toContainText('乡镇级办结');
    // The ranking, the levels of resolution, the categories and the trend are drawn.
    expect(await shown(staff).locator('.figures-chart__canvas canvas').count()).toBe(4);
    for (let i = 0; i < 4; i++) expect(await inkOf(staff, i)).toBeGreaterThan(500);
    await shot(staff, 'f01-township-figures');

    // 按时办结率's denominator: as many requests as the number says.
    const onTime = zhang.locator('.figures-table__cell--onTime');
    const parts = await onTime.locator('.mq-figure__num').allInnerTexts();
    expect(parts).toHaveLength(2);
    onTimeDenominator = Number(parts[1]);
    expect(onTimeDenominator).toBeGreaterThanOrEqual(6);
    await onTime.locator('.mq-figure__num').nth(1).click();
    const list = shown(staff);
    await see(list.getByText('按时办结率的分母')).toBeVisible();
    await see(
      list.getByText(`✓ 共${onTimeDenominator}条，与统计页上的数字 ${onTimeDenominator} 一致`),
    ).toBeVisible();
    await see(list.getByText('张建国 · 2035年1月1日至2035年1月25日')).toBeVisible();
    const rows = list.locator('.figure-requests__row:not(.figure-requests__heading)');
    expect(await rows.count()).toBe(onTimeDenominator);
    await see(list.getByText('⚠ 超时').first()).toBeVisible();
    await see(list.getByText('✓ 按时').first()).toBeVisible();
    await see(list.getByText(`共${onTimeDenominator}条，已全部显示`)).toBeVisible();
    await shot(staff, 'f02-on-time-denominator');

    // The staff request page opens from the list.
    const number = (await rows.first().locator('.figure-requests__open').innerText()).slice(0, 16);
    await rows.first().click();
    await shown(staff).locator('.mq-request-header').waitFor();
    expect(await pageText(staff)).toContain(number);
    await staff.context().close();
  });

  it('a cadre reads their own figures in 长辈模式, ratings only in aggregate', async () => {
    const cadre = await pageAt(() => phonePage(browser));
    await cadre.goto(`${product.baseUrl}/home`);
    await cadre.evaluate(() =>
      localStorage.setItem('mqlk.elderMode', JSON.stringify({ data: 'on' })),
    );
    await signInAtWork(cadre, product.baseUrl, 'cadre01');
    await shown(cadre)
      .getByText(/我的指标/)
      .click();
    const mine = shown(cadre);
    await see(mine.getByText('张建国 · 2035年1月1日至2035年1月25日')).toBeVisible();
    await see(mine.locator('.my-figures__line--satisfaction').first()).toContainText(
      '80.0%（4/5）',
    );
    await see(mine.locator('.my-figures__line--onTime').first()).toContainText(
      `/${onTimeDenominator}）`,
    );
    const text = await pageText(cadre);
    expect(text).not.toMatch(/非常不满意|差评核实/);
    const sizes = await measure(cadre);
    expect(sizes.smallestText).toBeGreaterThanOrEqual(18);
    await shot(cadre, 'f03-cadre-own-figures');

    // Its own 按时办结率 opens the same requests; a rating figure opens nothing.
    await mine.locator('.my-figures__line--onTime .mq-figure__num').nth(1).click();
    await see(
      shown(cadre).getByText(
        `✓ 共${onTimeDenominator}条，与统计页上的数字 ${onTimeDenominator} 一致`,
      ),
    ).toBeVisible();
    expect(await pageText(cadre)).not.toMatch(/评价|满意/);
    await shot(cadre, 'f04-cadre-on-time-denominator');
    await cadre.context().close();
  });

  it('a cadre with fewer than 5 ratings sees 评价不足5条，暂不显示', async () => {
    const cadre = await pageAt(() => phonePage(browser));
    await signInAtWork(cadre, product.baseUrl, 'cadre02');
    await shown(cadre)
      .getByText(/我的指标/)
      .click();
    const mine = shown(cadre);
    await see(mine.getByText('李秀英 · 2035年1月1日至2035年1月25日')).toBeVisible();
    await see(mine.locator('.my-figures__hidden')).toContainText('评价不足5条，暂不显示');
    await see(mine.locator('.my-figures__line--resolved').first()).toContainText('2');
    const december = mine.locator('.my-figures__month', { hasText: '2034年12月' });
    await see(december.locator('.my-figures__line--satisfaction')).toContainText(
      '评价不足5条，暂不显示',
    );
    await shot(cadre, 'f05-cadre-too-few-ratings');
    await cadre.context().close();
  });
  it('county staff read the anomaly flags with the requests behind each, as hints only', async () => {
    const county = await pageAt(() => newPage(browser, DESKTOP));
    await signInAtWork(county, product.baseUrl, 'qingshan');
    // From the 管理后台 bar, where 统计指标 is.
    await shown(county)
      .getByText(/^管理后台：/)
      .click();
    await shown(county).locator('.office-nav__link', { hasText: '评价异常' }).click();
    const page = shown(county);
    await see(page.getByText('仅供核查，不改变任何指标')).toBeVisible();
    // The last 30 days: January's ratings came seconds after each resolution, in one burst.
    await see(
      page.getByText(/^青山县 · 最近30天：2034年12月27日至2035年1月25日 · 共\d+条提示$/),
    ).toBeVisible();
    const burst = page.locator('.anomaly-card', { hasText: '王志强在60分钟内收到6条评价' });
    await see(burst).toContainText('短时间内集中收到评价');
    await see(burst).toContainText('同一名干部在60分钟内收到5条或更多评价。');
    // Five requests first, then all six.
    const burstRows = burst.locator('.office-table__row:not(.office-table__head)');
    expect(await burstRows.count()).toBe(5);
    await burst.getByText('显示全部6条 ▼').click();
    expect(await burstRows.count()).toBe(6);
    const instant = page.locator('.anomaly-card', { hasText: '办结后几秒内就评价，反复出现' });
    await see(instant.first()).toContainText('⚠ 办结后');
    expect(await pageText(county)).not.toContain('同一账号评价多名干部的诉求');
    await shot(county, 'f06-anomalies-last-30-days');

    // December: one resident account rated the requests of three cadres.
    await page.getByText('上月', { exact: true }).click();
    await see(
      page.getByText(/^青山县 · 2034年12月1日至2034年12月31日 · 共\d+条提示$/),
    ).toBeVisible();
    const many = page.locator('.anomaly-card', { hasText: '同一账号评价多名干部的诉求' });
    const masked = `${manyCadresPhone.slice(0, 3)}****${manyCadresPhone.slice(7)}`;
    await see(many).toContainText(`评价账号${masked}`);
    await see(many).toContainText('同一评价账号评价了3名干部的3条诉求');
    const rows = many.locator('.office-table__row:not(.office-table__head)');
    expect(await rows.count()).toBe(3);
    const owners = (await rows.allInnerTexts()).join(' ');
    for (const name of ['张建国', '李秀英', '王志强']) expect(owners).toContain(name);
    await shot(county, 'f07-anomalies-december');

    // A number opens the staff request page.
    const number = (await rows.first().locator('.anomaly-card__number').innerText()).trim();
    await rows.first().click();
    await shown(county).locator('.mq-request-header').waitFor();
    expect(await pageText(county)).toContain(number);
    await county.context().close();
  });

  it('county staff open the work township staff did themselves, and download December’s 月报', async () => {
    const county = await pageAt(() => newPage(browser, DESKTOP));
    await signInAtWork(county, product.baseUrl, 'qingshan');
    await shown(county).getByText('乡镇工作台').click();
    const page = shown(county);
    await see(page.getByText('青山县 · 2035年1月1日至2035年1月25日 · 每行一个干部')).toBeVisible();

    // 石桥镇党政办 resolved the escalated request itself: its row opens that request.
    const staffRow = page.locator('.figures-table__row', { hasText: '石桥镇党政办' });
    await see(staffRow).toContainText('乡镇工作人员直接办理');
    const resolved = staffRow.locator('.figures-table__cell--resolved .mq-figure__num');
    expect(await resolved.innerText()).toBe('1');
    await resolved.click();
    const list = shown(county);
    await see(list.getByText('✓ 共1条，与统计页上的数字 1 一致')).toBeVisible();
    await see(list.getByText('石桥镇党政办 · 2035年1月1日至2035年1月25日')).toBeVisible();
    expect(await pageText(county)).toContain(escalatedNumber);
    await shot(county, 'f08-staff-row-requests');
    await list.getByText('‹ 返回统计').click();

    // December's figures on the page, then December's report from the same page.
    await shown(county).getByText('上月', { exact: true }).click();
    const figures = shown(county);
    await see(
      figures.getByText('青山县 · 2034年12月1日至2034年12月31日 · 每行一个干部'),
    ).toBeVisible();
    const total = figures.locator('.figures-table__row--total');
    const satisfaction = await total
      .locator('.figures-table__cell--satisfaction .mq-figure__main')
      .innerText();
    expect(satisfaction).toBe('76.9%');

    const report = figures.locator('.monthly-report');
    await see(report.getByText('青山县')).toBeVisible();
    await see(report.getByText('2034年12月')).toBeVisible();
    const pdf = await downloadBy(
      county,
      () => report.getByText('下载月报（PDF，可打印）').click(),
      'monthly-report.pdf',
    );
    expect(pdf.suggested).toBe('青山县-2034年12月-月报.pdf');
    await see(report.getByText('✓ 青山县-2034年12月-月报.pdf', { exact: false })).toBeVisible();
    const xlsx = await downloadBy(
      county,
      () => report.getByText('下载月报（Excel）').click(),
      'monthly-report.xlsx',
    );
    expect(xlsx.suggested).toBe('青山县-2034年12月-月报.xlsx');
    expect(fs.readFileSync(xlsx.file).subarray(0, 2).toString()).toBe('PK');
    await shot(county, 'f09-figures-monthly-report');

    expect(fs.readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf.file,
      path.join(SCREENSHOT_DIR, 'f10-monthly-report-page1'),
    ]);
    const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
    expect(text).toContain('青山县');
    expect(text).toContain('2034年12月');
    // The page's figure, in the report: 满意率 76.9% (10/13).
    expect(text).toContain(satisfaction);
    expect(text.replace(/\s+/g, '')).toContain('10/13');

    // This month is not over: the server refuses it, in Chinese (the page offers past months only).
    const refused = await fetch(`${product.baseUrl}/api/office/reports/monthly.pdf?month=2035-01`, {
      headers: { authorization: `Bearer ${await api.signIn('qingshan')}` },
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'month', message: '月报只能生成已经结束的月份，本月和以后的月份还不行' }],
    });
    await county.context().close();
  });

  it('county staff page through more cadres than one page holds, 20 to a page', async () => {
    // Twenty more cadres in a village of 石桥镇, added by its staff: the county has over 20 now.
    const token = await api.signIn('shiqiao');
    const tree = await api.call<{ units: { id: number; kind: string; name: string }[] }>(
      'GET',
      '/api/office/units',
      token,
    );
    const village = tree.units.find((u) => u.kind === 'village')!;
    for (let i = 1; i <= 20; i++) {
      await api.call('POST', '/api/office/cadres', token, {
        unitId: village.id,
        name: `新干部${String(i).padStart(2, '0')}`,
        post: '网格员',
        phone: randomPhone(),
        duties: '联系本网格群众',
        dutyDays: '每周一',
        username: `newcadre${i}`,
      });
    }

    const county = await pageAt(() => newPage(browser, DESKTOP));
    await signInAtWork(county, product.baseUrl, 'qingshan');
    await shown(county).getByText('乡镇工作台').click();
    const page = shown(county);
    const pager = page.locator('.figures-page__pager');
    await see(pager).toContainText('第1/2页');
    const count = Number(/共(\d+)个干部/.exec(await pager.innerText())![1]);
    expect(count).toBeGreaterThan(20);
    // The total row and 20 cadres on the first page; the rest on the second.
    const bodyRows = page.locator(
      '.figures-table__row:not(.figures-table__head):not(.figures-table__groups)',
    );
    expect(await bodyRows.count()).toBe(21);
    await pager.getByText('下一页 ›').click();
    await see(pager).toContainText(`第2/2页，共${count}个干部`);
    await see(page.locator('.figures-table__row', { hasText: '新干部20' })).toBeVisible();
    expect(await bodyRows.count()).toBe(1 + count - 20);
    await shot(county, 'f11-figures-second-page');
    // The ranking covers every cadre whatever the page: the new ones, unrated, under 样本不足.
    await see(page.locator('.figures-ranking')).toContainText('新干部01');
    await pager.getByText('‹ 上一页').click();
    await see(pager).toContainText('第1/2页');
    await county.context().close();
  });
});
