import type { Browser, Page } from 'playwright-core';
import { Api, randomPhone } from '../api';
import { launchBrowser, newPage, phonePage, type Product, shot, startProduct } from '../harness';
import { measure, pageText, see, shown, signInAtWork } from '../pages';

/** The browser's clock, the same instant as the product's last move of its clock. */
const TODAY = '2035-01-25T10:00:00+08:00';

interface Filed {
  id: number;
  number: string;
  resident: string;
}

/**
 * Figures officials can check by hand, in the pages: a month of history in 石桥镇 made through
 * the API (requests to three cadres handled, rated 1 to 5, one left to go overdue, one escalated
 * to the township and resolved there, and a December before it), then township staff read every
 * figure, the ranking and the charts, open the requests behind 按时办结率's denominator and find as
 * many as the number said, and two cadres read their own figures in 长辈模式. The product runs
 * with a movable clock (DEV_CLOCK=true): 2034-12-04 and 2035-01-08 are Mondays of years without a
 * holiday schedule, so every deadline falls on the same weekday whenever this runs.
 */
describe('figures in a real browser: every number opens the requests behind it', () => {
  let product: Product;
  let browser: Browser;
  let api: Api;
  let onTimeDenominator: number;

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

  beforeAll(async () => {
    // Some thirty residents sign in from this one address.
    product = await startProduct({ DEV_CLOCK: 'true', SMS_LIMIT_PER_ADDRESS_PER_HOUR: '200' });
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    const cards = await cardsOf(['cadre01', 'cadre02', 'cadre03']);

    await moveClock('2034-12-04T09:00:00+08:00');
    await handledAndRated('cadre01', cards.cadre01!, [5, 5, 4, 4, 3, 2, 1]);
    await handledAndRated('cadre02', cards.cadre02!, [5, 4, 2]);

    await moveClock('2035-01-08T09:00:00+08:00');
    await handledAndRated('cadre01', cards.cadre01!, [5, 4, 4, 3, 1]);
    await handledAndRated('cadre03', cards.cadre03!, [5, 5, 5, 4, 4, 2]);
    await handledAndRated('cadre02', cards.cadre02!, [null, null]);
    // Left unaccepted: both its clocks run out and count against 张建国.
    await filed(cards.cadre01!, '村口的桥栏杆断了一截，小孩上学路过很危险。');
    // Beyond the village: escalated to 石桥镇, resolved there by its staff.
    const escalated = await filed(cards.cadre01!, '村道塌方一段，二十米长，需要镇里协调修路。');
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
    const staff = await pageAt(() =>
      newPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }),
    );
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
    await see(december).toContainText('70.0%（7/10）');
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
});
