import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { Api, randomPhone } from '../api';
import { launchBrowser, newPage, phonePage, type Product, shot, startProduct } from '../harness';
import { DEMO, measure, pageText, see, shown, signInAtWork, useSession } from '../pages';

/**
 * Time moves the work, seen in the pages: a request left unaccepted warns its cadre, then shows in
 * the township's 已超期 count; each move and alert lands in the 消息 page of whoever it concerns,
 * with the unread count on their home page. The product runs with a movable clock
 * (DEV_CLOCK=true): 8 January 2035 is a Monday in a year without a holiday schedule, so the
 * dates read the same whenever this runs.
 */
describe('notices and deadlines in a real browser', () => {
  let product: Product;
  let browser: Browser;
  let api: Api;

  /** Moves the product's clock as township staff (signed in afresh: a jump ends sessions). */
  const moveClock = async (at: string) =>
    api.call<{ sweep: Record<string, number> }>(
      'POST',
      '/api/dev/clock',
      await api.signIn('shiqiao'),
      {
        at,
      },
    );

  beforeAll(async () => {
    product = await startProduct({ DEV_CLOCK: 'true' });
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    await moveClock('2035-01-08T09:00:00+08:00');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const unreadOf = async (token: string) =>
    (await api.call<{ unread: number }>('GET', '/api/notices/summary', token)).unread;

  it('an unaccepted request warns the cadre, then is overdue in the staff queue with the alert sent', async () => {
    const resident = await api.resident(randomPhone());
    const r = await api.submit(resident.token, DEMO.card, '村东头自来水停了三天了，老人挑水很困难');

    // Monday 18:00: the accept clock is due tomorrow at 18:00.
    const warned = await moveClock('2035-01-08T18:00:30+08:00');
    expect(warned.sweep.dueSoonWarned).toBeGreaterThanOrEqual(1);
    const cadre = await phonePage(browser);
    await signInAtWork(cadre, product.baseUrl, 'cadre01');
    const inbox = shown(cadre);
    const item = inbox.locator('.mq-request-item', { hasText: r.number });
    await see(item.getByText('即将超期', { exact: false })).toBeVisible();
    const token = await api.signIn('cadre01');
    const unread = await unreadOf(token);
    expect(unread).toBeGreaterThanOrEqual(2);
    await see(inbox.getByText(`消息（${unread}条未读）`)).toBeVisible();
    await shot(cadre, 'n01-cadre-inbox-due-soon');

    await inbox.getByText(`消息（${unread}条未读）`).click();
    const messages = shown(cadre);
    const warning = messages.locator('.notice-item', {
      hasText: `即将超期：饮水问题（${r.number}）`,
    });
    await see(warning).toBeVisible();
    await see(warning.getByText('未读', { exact: false })).toBeVisible();
    await see(
      messages.locator('.notice-item', { hasText: `新诉求待签收：饮水问题（${r.number}）` }),
    ).toBeVisible();
    await shot(cadre, 'n02-cadre-messages');
    // Opening a notice reads it and opens its request.
    await warning.click();
    await shown(cadre).locator('.mq-request-header').waitFor();
    expect(await pageText(cadre)).toContain(r.number);
    expect(await unreadOf(token)).toBe(unread - 1);

    // Tuesday 18:01: overdue. The township's staff see it counted at the top of their queue.
    const alerted = await moveClock('2035-01-09T18:01:00+08:00');
    expect(alerted.sweep.overdueAlerted).toBeGreaterThanOrEqual(1);
    const staff = await newPage(browser, {
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
    const staffToken = await api.signIn('shiqiao');
    const counts = await api.call<{ overdue: number; dueSoon: number; supervised: number }>(
      'GET',
      '/api/staff/requests/counts',
      staffToken,
    );
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    await staff.goto(`${product.baseUrl}/township/queue`);
    const queue = shown(staff);
    const overdueTile = queue.locator('.queue-counts__urgent > *', { hasText: '已超期' });
    await see(overdueTile.getByText(`${counts.overdue}件`)).toBeVisible();
    await overdueTile.click();
    await see(queue.locator('.mq-request-item', { hasText: r.number })).toBeVisible();
    await see(
      queue
        .locator('.mq-request-item', { hasText: r.number })
        .getByText('已超期未签收', { exact: false }),
    ).toBeVisible();
    await shot(staff, 'n03-staff-queue-overdue');
    const staffNotices = await api.call<{ items: { body: string }[] }>(
      'GET',
      '/api/notices?pageSize=100',
      staffToken,
    );
    expect(staffNotices.items.map((n) => n.body)).toContain(
      `张建国的一件诉求已超期未签收：饮水问题（${r.number}），请督办。`,
    );
    await staff.goto(`${product.baseUrl}/township/failed-notices`);
    await see(shown(staff).getByText('没有发送失败的通知')).toBeVisible();
    await shot(staff, 'n04-staff-failed-empty');
    await staff.context().close();
    await cadre.context().close();
  });

  it('the resident finds every step in 消息, with the unread count on the home page, in 长辈模式 too', async () => {
    const resident = await api.resident(randomPhone());
    const r = await api.submit(resident.token, DEMO.card, '路灯坏了一个月，晚上走路看不见');
    await api.handle(await api.signIn('cadre01'), r.id, '已联系供电所换好路灯');
    expect(await unreadOf(resident.token)).toBe(2);

    const page = await phonePage(browser);
    await useSession(page, product.baseUrl, resident.session);
    await page.goto(`${product.baseUrl}/home`);
    const home = shown(page);
    await see(home.getByText('我的消息（2条未读）')).toBeVisible();
    await shot(page, 'n05-resident-home-unread');
    await home.getByText('我的消息（2条未读）').click();
    const messages = shown(page);
    await see(messages.getByText('您反映的饮水问题已办结，请评价。')).toBeVisible();
    await see(messages.getByText(/您反映的饮水问题已由张建国签收，正在办理。/)).toBeVisible();
    await shot(page, 'n06-resident-messages');

    await page.goto(`${product.baseUrl}/home`);
    await shown(page).getByText('长辈模式').click();
    await shown(page).getByText('✓ 已开启').waitFor();
    await shown(page).getByText('我的消息（2条未读）').click();
    await see(shown(page).getByText('全部标为已读')).toBeVisible();
    const elder = await measure(page);
    await shot(page, 'n07-resident-messages-elder');
    expect(elder.smallestText).toBeGreaterThanOrEqual(18);
    expect(Math.min(elder.smallestTap.width, elder.smallestTap.height)).toBeGreaterThanOrEqual(60);
    await shown(page).getByText('全部标为已读').click();
    await see(shown(page).getByText('✓ 消息都已读过')).toBeVisible();
    expect(await unreadOf(resident.token)).toBe(0);
    await page.context().close();
  });
});

/**
 * An SMS gateway on a local port that can be told to fail notices (sign-in codes always go, and
 * are kept for the test to read): the 发送失败 list and its retry, seen by staff.
 */
class Gateway {
  codes = new Map<string, string>();
  notices: { phone: string; text: string; ref: string }[] = [];
  failNotices = true;
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const sms = JSON.parse(body) as {
        phone: string;
        template: string;
        params: Record<string, string>;
        ref?: string;
      };
      if (sms.template === 'notice' && this.failNotices) {
        res.writeHead(500).end('{"error":"gateway down"}');
        return;
      }
      if (sms.template === 'sign_in_code') this.codes.set(sms.phone, sms.params.code!);
      if (sms.template === 'notice') {
        this.notices.push({ phone: sms.phone, text: sms.params.text!, ref: sms.ref! });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
    return this;
  }

  stop(): Promise<unknown> {
    return new Promise((resolve) => this.server.close(resolve));
  }
}

describe('notices that could not be sent, in a real browser', () => {
  let product: Product;
  let browser: Browser;
  let api: Api;
  let gateway: Gateway;

  const moveClock = async (body: { at: string } | { advanceMinutes: number }) =>
    api.call<{ dispatch: Record<string, number> }>(
      'POST',
      '/api/dev/clock',
      await api.signIn('shiqiao'),
      body,
    );

  beforeAll(async () => {
    gateway = await new Gateway().start();
    product = await startProduct({ DEV_CLOCK: 'true', SMS_GATEWAY_URL: gateway.url });
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    await moveClock({ at: '2035-01-08T09:00:00+08:00' });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await gateway?.stop();
  });

  it("a cadre's overdue SMS that keeps failing is listed for staff with its reason, and sent once after 重新发送", async () => {
    const phone = randomPhone();
    await api.call('POST', '/api/auth/sms/send', null, { phone });
    const { token } = await api.call<{ token: string }>('POST', '/api/auth/sms/sign-in', null, {
      phone,
      code: gateway.codes.get(phone),
    });
    const r = await api.submit(token, DEMO.card, '桥上的护栏断了，孩子上学很危险');

    // Overdue: the alert to 张建国 by SMS fails, and is tried again after 30 s, 2, 10, 30 min, 2 h.
    await moveClock({ at: '2035-01-09T18:01:00+08:00' });
    for (const minutes of [1, 3, 11, 31, 121]) await moveClock({ advanceMinutes: minutes });

    const staff = await newPage(browser, {
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
    await staff.goto(`${product.baseUrl}/township/queue`);
    await shown(staff)
      .getByText(/发送失败的通知（\d+条）/)
      .click();
    const list = shown(staff);
    const item = list.locator('.failed-item', { hasText: r.number });
    await see(item).toBeVisible();
    await see(item.getByText('短信网关出错（HTTP 500）', { exact: false })).toBeVisible();
    await see(item.getByText('张建国', { exact: false })).toBeVisible();
    await shot(staff, 'n08-staff-failed-list');

    gateway.failNotices = false;
    await item.getByText('重新发送').click();
    await see(item.getByText('已重新加入发送队列', { exact: false })).toBeVisible();
    await shot(staff, 'n09-staff-failed-retried');
    await moveClock({ advanceMinutes: 1 });
    const sent = gateway.notices.filter((n) => n.text.includes(r.number));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toBe(
      `【民情联系卡】您有一件诉求已超期未签收：饮水问题（${r.number}），请尽快办理。`,
    );
    await staff.context().close();
  });
});
