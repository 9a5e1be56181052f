import { type Notice, retryDelaySeconds, MAX_DELIVERY_ATTEMPTS } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { CLOCK, ControllableClock } from '../src/common/clock/clock';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { UserAccountEntity } from '../src/modules/user/user-account.entity';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { NoticeDispatcher } from '../src/modules/notice/notice-dispatcher';
import { NoticeDeliveryEntity } from '../src/modules/notice/notice-delivery.entity';
import { NoticeEntity } from '../src/modules/notice/notice.entity';
import { bearer, signInWithPassword, TEST_PASSWORD } from './factories';
import { FakeServices } from './fake-services';
import { Loop, refusal } from './loop';
import { startTestApp, type TestApp, testDialects } from './test-app';

/** An Asia/Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`);

const TEMPLATES = {
  WECHAT_TEMPLATE_PROGRESS: 'tplProgress-0001:matter=thing1,status=phrase2,time=time3,note=thing4',
  WECHAT_TEMPLATE_NEW_REQUEST: 'tplNewRequest-0001:matter=thing1,status=phrase2,time=time3',
  WECHAT_TEMPLATE_REMINDER: 'tplReminder-0001:matter=thing2,status=phrase1,time=time4,note=thing5',
};

/**
 * Time moves the work, with the clock moved instead of waited for: warnings, overdue alerts, the
 * rating window, 督办 reminders, and every notice written with its cause and delivered once by the
 * real WeChat and SMS clients (talking to a local stand-in of the outside world).
 */
describe.each(testDialects())('time moves the work (%s)', (dialect) => {
  let t: TestApp;
  let fake: FakeServices;
  let clock: ControllableClock;
  let jobs: JobsService;
  let db: DataSource;

  beforeAll(async () => {
    fake = await new FakeServices().start();
    t = await startTestApp({
      dialect,
      env: {
        WECHAT_APPID: 'wx0123456789abcdef',
        WECHAT_SECRET: 'a'.repeat(32),
        WECHAT_API_BASE: fake.url,
        SMS_GATEWAY_URL: `${fake.url}/sms`,
        ...TEMPLATES,
      },
    });
    clock = t.app.get(CLOCK);
    jobs = t.app.get(JobsService);
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  const at = (local: string) => clock.set(sh(local));
  const http = () => t.http();

  /** A resident signed in inside WeChat (the fake WeChat gives an openid per code). */
  const wechatResident = async (code: string) => {
    const res = await http().post('/api/auth/wechat/sign-in').send({ code }).expect(200);
    return res.body.token as string;
  };

  /** A cadre or staff member signing in inside WeChat: their openid is bound for reminders. */
  const signInInWechat = async (username: string | null, code: string) => {
    const res = await http()
      .post('/api/auth/staff/sign-in')
      .send({ username, password: TEST_PASSWORD, wechatCode: code })
      .expect(200);
    return res.body.token as string;
  };

  /** A fresh session: cadre and staff sessions last 12 hours, and tests move days ahead. */
  const signIn = (username: string | null) => signInWithPassword(http(), username);

  const noticesOf = async (token: string): Promise<Notice[]> =>
    (await http().get('/api/notices?pageSize=100').set(bearer(token)).expect(200)).body.items;

  const kindsOf = async (token: string) => (await noticesOf(token)).map((n) => n.kind).sort();

  const counts = async (token: string) =>
    (await http().get('/api/staff/requests/counts').set(bearer(token)).expect(200)).body;

  const queue = async (token: string, name: string) =>
    (await http().get(`/api/staff/requests?queue=${name}`).set(bearer(token)).expect(200)).body;

  /** Every delivery of these notices, with its notice. */
  const deliveriesOf = async (requestId: number) =>
    db
      .getRepository(NoticeDeliveryEntity)
      .createQueryBuilder('d')
      .innerJoin(NoticeEntity, 'n', 'n.id = d.notice_id')
      .where('n.request_id = :requestId', { requestId })
      .orderBy('d.id')
      .getMany();

  it('warns of an unaccepted request, then alerts the owner and the township when it is overdue', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T09:00'); // a Monday
    const resident = await wechatResident(`r-${l.w.cadreA.cadre.id}`);
    const cadre = await signInInWechat(l.w.cadreA.user.username, `c-${l.w.cadreA.cadre.id}`);
    const staffA = await l.as(l.w.staffA);
    const staffB = await l.as(l.w.staffB);
    const r = await l.submit(resident);

    const first = await jobs.runNow();
    expect(first.sweep).toEqual({
      ratingsClosed: 0,
      dueSoonWarned: 0,
      overdueAlerted: 0,
      supervisionReminded: 0,
    });
    expect(await kindsOf(cadre)).toEqual(['new_request']);
    const [arrived] = await noticesOf(cadre);
    expect(arrived!.body).toBe(
      `您有一件新诉求待签收：饮水问题（${r.number}），请在12月8日18:00前签收。`,
    );
    // The new-request message reached the cadre's WeChat, its fields fitted to WeChat's rules.
    const openid = FakeServices.openidOf(`c-${l.w.cadreA.cadre.id}`);
    expect(fake.wechat.filter((w) => w.touser === openid)).toEqual([
      expect.objectContaining({
        template_id: 'tplNewRequest-0001',
        page: `packages/work/request/index?id=${r.id}`,
        data: {
          thing1: { value: '饮水问题' },
          phrase2: { value: '待签收' },
          time3: { value: '2026年12月08日 18:00' },
        },
      }),
    ]);

    // 18:00 the day before the accept clock runs out: the warning.
    at('2026-12-07T17:59');
    expect((await jobs.runNow()).sweep.dueSoonWarned).toBe(0);
    at('2026-12-07T18:00');
    expect((await jobs.runNow()).sweep.dueSoonWarned).toBe(1);
    expect((await jobs.runNow()).sweep.dueSoonWarned).toBe(0); // idempotent
    expect(await kindsOf(cadre)).toEqual(['due_soon', 'new_request']);
    expect((await noticesOf(cadre))[0]!.body).toBe(
      `您有一件诉求即将超期：饮水问题（${r.number}）需在12月8日18:00前签收。`,
    );
    const inbox = (await http().get('/api/inbox').set(bearer(cadre)).expect(200)).body.items;
    expect(inbox[0]).toMatchObject({
      id: r.id,
      deadline: 'due_soon',
      deadlineText: '签收：还剩1个工作日',
    });
    expect(await counts(staffA)).toMatchObject({ dueSoon: 1, overdue: 0 });
    expect((await queue(staffA, 'due_soon')).items.map((x: { id: number }) => x.id)).toEqual([
      r.id,
    ]);

    // One millisecond after 18:00 on the due day: overdue, alerted once to the owner and staff A.
    at('2026-12-08T18:00:00.001');
    const alert = await jobs.runNow();
    expect(alert.sweep.overdueAlerted).toBe(1);
    expect((await jobs.runNow()).sweep.overdueAlerted).toBe(0);
    // The sessions of cadres and staff last 12 hours: sign in again a day later.
    const cadre2 = await signInInWechat(l.w.cadreA.user.username, `c-${l.w.cadreA.cadre.id}`);
    const staffA2 = await signIn(l.w.staffA.username);
    const staffB2 = await signIn(l.w.staffB.username);
    const county = await signIn(l.w.countyStaff.username);
    await http().get('/api/notices').set(bearer(staffB)).expect(401);
    expect(await kindsOf(cadre2)).toEqual(['due_soon', 'new_request', 'overdue']);
    expect((await noticesOf(cadre2))[0]!.body).toBe(
      `您有一件诉求已超期未签收：饮水问题（${r.number}），请尽快办理。`,
    );
    expect(await kindsOf(staffA2)).toEqual(['overdue_staff']);
    expect((await noticesOf(staffA2))[0]!.body).toBe(
      `${l.w.cadreA.user.displayName}的一件诉求已超期未签收：饮水问题（${r.number}），请督办。`,
    );
    expect(await kindsOf(staffB2)).toEqual([]);
    expect(await kindsOf(county)).toEqual([]);
    expect(await counts(staffA2)).toMatchObject({ dueSoon: 0, overdue: 1 });
    expect(await counts(staffB2)).toMatchObject({ dueSoon: 0, overdue: 0 });
    expect((await queue(staffA2, 'overdue')).items).toEqual([
      expect.objectContaining({ id: r.id, deadline: 'overdue', deadlineText: '已超期未签收' }),
    ]);

    // The cadre's overdue alert also went by SMS, to the phone on their card, exactly once.
    const deliveries = await deliveriesOf(r.id);
    const smsDelivered = deliveries.filter((d) => d.channel === 'sms' && d.status === 'delivered');
    expect(smsDelivered).toHaveLength(1);
    const sent = fake.sms.filter((s) => s.ref === `d${smsDelivered[0]!.id}`);
    expect(sent).toEqual([
      expect.objectContaining({
        template: 'notice',
        params: {
          text: `【民情联系卡】您有一件诉求已超期未签收：饮水问题（${r.number}），请尽快办理。`,
        },
      }),
    ]);
    // Staff have no WeChat bound here: skipped, with the reason, not failed.
    expect(deliveries.find((d) => d.status === 'skipped')?.lastError).toBe(
      '对方没有在微信里登录过小程序',
    );
    expect(deliveries.every((d) => d.status === 'delivered' || d.status === 'skipped')).toBe(true);
  });

  it('closes a resolved request that nobody rated after 7 days, and tells the resident of progress', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T10:00');
    const resident = await wechatResident(`rr-${l.w.cadreA.cadre.id}`);
    const r = await l.submit(resident);
    at('2026-12-07T11:00');
    const cadre = await l.as(l.w.cadreA.user);
    await l.handle(cadre, r.id);
    await jobs.runNow();
    // The SMS waits a minute to see whether WeChat reached the resident.
    clock.advance(61_000);
    await jobs.runNow();
    const mine = await noticesOf(resident);
    expect(mine.map((n) => n.body)).toEqual([
      '您反映的饮水问题已办结，请评价。',
      `您反映的饮水问题已由${l.w.cadreA.user.displayName}签收，正在办理。`,
    ]);
    // The resident is in WeChat: progress by WeChat, the SMS skipped on purpose.
    const deliveries = await deliveriesOf(r.id);
    const toResident = deliveries.filter((d) => mine.some((n) => n.id === d.noticeId));
    expect(toResident.map((d) => [d.channel, d.status, d.lastError])).toEqual([
      ['wechat', 'delivered', null],
      ['sms', 'skipped', '已通过微信通知'],
      ['wechat', 'delivered', null],
      ['sms', 'skipped', '已通过微信通知'],
    ]);

    const resolvedAt = new Date((await l.get(resident, r.id)).resolvedAt!);
    const windowEnd = resolvedAt.getTime() + 7 * 24 * 3600_000;
    clock.set(new Date(windowEnd - 50)); // just inside 7 × 24 hours: still open for a rating
    expect((await jobs.runNow()).sweep.ratingsClosed).toBe(0);
    clock.set(new Date(windowEnd + 1));
    expect((await jobs.runNow()).sweep.ratingsClosed).toBe(1);
    expect((await jobs.runNow()).sweep.ratingsClosed).toBe(0);
    const closed = await l.get(resident, r.id);
    expect(closed.status).toBe('closed');
    expect(closed.rateUntil).toBeNull();
    expect(closed.timeline.at(-1)).toMatchObject({
      action: 'expire_rating',
      actorLabel: '系统',
      fromStatus: 'resolved',
      toStatus: 'closed',
    });
    const late = await l.move(resident, r.id, 'rate', { level: 5, solved: 'solved' }, 409);
    expect(late).toEqual(refusal('RATING_NOT_OPEN'));
  });

  it('reminds the owner of a 督办 a working day later, once, while the request is open', async () => {
    const l = await Loop.start(t);
    at('2026-12-08T09:00');
    const resident = await wechatResident(`rs-${l.w.cadreA.cadre.id}`);
    const r = await l.submit(resident);
    const staffA = await l.as(l.w.staffA);
    const cadre = await l.as(l.w.cadreA.user);
    await l.move(staffA, r.id, 'supervise', { note: '群众反映多次，请今天联系' });
    expect((await noticesOf(cadre)).map((n) => n.body)).toContain(
      `您办理的饮水问题（${r.number}）被督办：群众反映多次，请今天联系`,
    );
    expect(await counts(staffA)).toMatchObject({ supervised: 1 });
    at('2026-12-09T17:59');
    expect((await jobs.runNow()).sweep.supervisionReminded).toBe(0);
    at('2026-12-09T18:00');
    expect((await jobs.runNow()).sweep.supervisionReminded).toBe(1);
    expect((await jobs.runNow()).sweep.supervisionReminded).toBe(0);
    const cadre2 = await signIn(l.w.cadreA.user.username);
    expect((await kindsOf(cadre2)).filter((k) => k.startsWith('supervise'))).toEqual([
      'supervise_reminder',
      'supervised',
    ]);
  });

  it('retries a failing SMS with growing delays, lists it for staff in scope, and sends it once after a retry', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T09:00');
    const r = await l.submit(await wechatResident(`rf-${l.w.cadreA.cadre.id}`));
    fake.smsStatus = 500;
    at('2026-12-08T18:01');
    const dispatcher = t.app.get(NoticeDispatcher);
    expect((await jobs.runNow()).dispatch.retrying).toBeGreaterThanOrEqual(1);
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      // Not before its delay…
      clock.advance(retryDelaySeconds(attempt - 1) * 1000 - 5000);
      expect((await dispatcher.runOnce()).retrying + (await dispatcher.runOnce()).failed).toBe(0);
      // …and then.
      clock.advance(6000);
      const pass = await dispatcher.runOnce();
      expect(attempt < MAX_DELIVERY_ATTEMPTS ? pass.retrying : pass.failed).toBe(1);
    }
    expect(fake.sms.filter((s) => s.params.text?.includes(r.number))).toEqual([]);

    const staffA = await l.as(l.w.staffA);
    const staffB = await l.as(l.w.staffB);
    const failed = (await http().get('/api/staff/failed-notices').set(bearer(staffA)).expect(200))
      .body;
    expect(failed).toMatchObject({ total: 1 });
    expect(failed.items[0]).toMatchObject({
      kind: 'overdue',
      channel: 'sms',
      status: 'failed',
      recipientName: l.w.cadreA.user.displayName,
      requestId: r.id,
      requestNumber: r.number,
      attempts: MAX_DELIVERY_ATTEMPTS,
      lastError: '短信网关出错（HTTP 500）',
    });
    expect(await counts(staffA)).toMatchObject({ failedNotices: 1 });
    expect(
      (await http().get('/api/staff/failed-notices').set(bearer(staffB)).expect(200)).body.total,
    ).toBe(0);
    const id = failed.items[0].id as number;
    // Another township's staff cannot see it, nor retry it.
    await http()
      .post(`/api/staff/failed-notices/${id}/retry`)
      .set(bearer(staffB))
      .send({})
      .expect(404);
    const cadre = await l.as(l.w.cadreA.user);
    await http()
      .post(`/api/staff/failed-notices/${id}/retry`)
      .set(bearer(cadre))
      .send({})
      .expect(403);

    fake.smsStatus = 200;
    const retried = await http()
      .post(`/api/staff/failed-notices/${id}/retry`)
      .set(bearer(staffA))
      .send({})
      .expect(200);
    expect(retried.body).toMatchObject({ id, status: 'pending', attempts: 0 });
    const again = await http()
      .post(`/api/staff/failed-notices/${id}/retry`)
      .set(bearer(staffA))
      .send({})
      .expect(409);
    expect(again.body).toEqual(refusal('DELIVERY_NOT_FAILED'));
    expect(
      await db
        .getRepository(AuditLogEntity)
        .find({ where: { targetId: id, targetType: 'notice_delivery' } }),
    ).toEqual([expect.objectContaining({ actorUserId: l.w.staffA.id, action: 'notice.retry' })]);

    expect((await dispatcher.runOnce()).delivered).toBeGreaterThanOrEqual(1);
    await dispatcher.runOnce();
    expect(fake.sms.filter((s) => s.ref === `d${id}`)).toHaveLength(1);
    expect(
      (await http().get('/api/staff/failed-notices').set(bearer(staffA)).expect(200)).body.total,
    ).toBe(0);
  });

  it('tells staff of a bad review and the county of a second one, and the rated cadre neither', async () => {
    const l = await Loop.start(t);
    at('2026-12-10T09:00');
    const resident = await wechatResident(`rb-${l.w.cadreA.cadre.id}`);
    const r = await l.submit(resident);
    const cadre = await l.as(l.w.cadreA.user);
    const staffA = await l.as(l.w.staffA);
    const county = await l.as(l.w.countyStaff);
    await l.handle(cadre, r.id);
    await l.rate(resident, r.id, 1, '根本没人来');
    expect(await kindsOf(staffA)).toEqual(['bad_review']);
    const review = await l.get(staffA, r.id);
    await l.move(staffA, r.id, 'verify', {
      version: review.version,
      founded: true,
      finding: '核实属实，请三天内上门处理',
    });
    expect((await noticesOf(cadre)).map((n) => n.kind)).toEqual(['rectify', 'new_request']);
    expect((await noticesOf(cadre))[0]!.body).toMatch(
      /^您有一件诉求需要整改：饮水问题（.+），请在12月31日18:00前整改办结。$/,
    );
    await l.handle(cadre, r.id);
    await l.rate(resident, r.id, 2);
    expect(await kindsOf(county)).toEqual(['flagged']);
    const cadreKinds = await kindsOf(cadre);
    expect(cadreKinds).not.toContain('bad_review');
    expect(cadreKinds).not.toContain('flagged');
  });

  it('never tells the cadre a conduct complaint is about, not even that it is overdue', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T09:00');
    const r = await l.submit(await wechatResident(`rc-${l.w.cadreA.cadre.id}`), {
      category: 'conduct',
      subTopic: 'attitude',
    });
    at('2026-12-08T18:01');
    await jobs.runNow();
    const cadre = await l.as(l.w.cadreA.user);
    expect(await kindsOf(cadre)).toEqual([]);
    const staffA = await l.as(l.w.staffA);
    // The complaint went to a township staff member; staff A (the first of the township) holds it.
    expect((await noticesOf(staffA)).some((n) => n.requestId === r.id)).toBe(true);
  });

  it('keeps each reader to their own notices, and marks them read', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T09:00');
    const resident = await wechatResident(`rn-${l.w.cadreA.cadre.id}`);
    for (let i = 0; i < 3; i++) await l.submit(resident);
    const cadre = await l.as(l.w.cadreA.user);
    const other = await l.as(l.w.cadreB.user);
    const summary = async (token: string) =>
      (await http().get('/api/notices/summary').set(bearer(token)).expect(200)).body;
    expect(await summary(cadre)).toEqual({ unread: 3 });
    const page = (await http().get('/api/notices?pageSize=2').set(bearer(cadre)).expect(200)).body;
    expect(page).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    const [newest] = page.items as Notice[];
    // Someone else's id changes nothing.
    expect(
      (
        await http()
          .post('/api/notices/read')
          .set(bearer(other))
          .send({ ids: [newest!.id] })
          .expect(200)
      ).body,
    ).toEqual({ marked: 0, unread: 0 });
    expect(
      (
        await http()
          .post('/api/notices/read')
          .set(bearer(cadre))
          .send({ ids: [newest!.id] })
          .expect(200)
      ).body,
    ).toEqual({ marked: 1, unread: 2 });
    const unread = (await http().get('/api/notices?unread=true').set(bearer(cadre)).expect(200))
      .body;
    expect(unread.total).toBe(2);
    expect(
      (await http().post('/api/notices/read').set(bearer(cadre)).send({}).expect(200)).body,
    ).toEqual({
      marked: 2,
      unread: 0,
    });
    const bad = await http()
      .post('/api/notices/read')
      .set(bearer(cadre))
      .send({ ids: ['x'] })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await http().get('/api/notices').expect(401);
  });

  it('shares one WeChat token, renews it when WeChat refuses it, and takes a refusal as normal', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T09:00');
    const resident = await wechatResident(`rw-${l.w.cadreA.cadre.id}`);
    const r = await l.submit(resident);
    const before = fake.tokenFetches;
    fake.expireTokens();
    fake.refused.add(FakeServices.openidOf(`rw-${l.w.cadreA.cadre.id}`));
    const cadre = await l.as(l.w.cadreA.user);
    await l.handle(cadre, r.id);
    await jobs.runNow();
    // One renewal for all sends after WeChat refused the old token.
    expect(fake.tokenFetches).toBe(before + 1);
    const toResident = (await deliveriesOf(r.id)).filter((d) => d.channel === 'wechat');
    expect(toResident.map((d) => [d.status, d.lastError])).toContainEqual([
      'skipped',
      '对方未订阅或订阅次数已用完',
    ]);
    expect(toResident.some((d) => d.status === 'failed')).toBe(false);
  });

  it('lets nobody into a work account by WeChat: the same WeChat signs in as a resident', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T09:00');
    await signInInWechat(l.w.cadreA.user.username, `shared-phone-${l.w.cadreA.cadre.id}`);
    const res = await http()
      .post('/api/auth/wechat/sign-in')
      .send({ code: `shared-phone-${l.w.cadreA.cadre.id}` })
      .expect(200);
    expect(res.body.user).toMatchObject({ role: 'resident', cadreId: null });
    await http().get('/api/inbox').set(bearer(res.body.token)).expect(403);
    // And the cadre's reminders still reach that WeChat.
    const r = await l.submit(res.body.token);
    await jobs.runNow();
    expect(fake.wechat.filter((w) => w.page.endsWith(`=${r.id}`))).toContainEqual(
      expect.objectContaining({
        touser: FakeServices.openidOf(`shared-phone-${l.w.cadreA.cadre.id}`),
        template_id: 'tplNewRequest-0001',
      }),
    );
  });

  it('never shows staff the failed notices of bad reviews of their own work, nor a complaint about them', async () => {
    const l = await Loop.start(t);
    at('2026-12-07T09:00');
    // A second staff member of township A, whose WeChat refuses every message (WeChat says 47003).
    const staffA2 = await l.f.account('staff', l.w.townA);
    await signInInWechat(staffA2.username, `failing-${staffA2.id}`);
    fake.failing.add(FakeServices.openidOf(`failing-${staffA2.id}`));
    // Staff A holds a request (escalated to the township) and it is rated 1.
    const resident = await wechatResident(`ro-${staffA2.id}`);
    const r = await l.submit(resident);
    const cadre = await l.as(l.w.cadreA.user);
    const staffA = await l.as(l.w.staffA);
    const got = await l.get(cadre, r.id);
    await l.move(cadre, r.id, 'escalate', { version: got.version, reason: '需要乡镇协调水务站' });
    await l.handle(staffA, r.id);
    await l.rate(resident, r.id, 1);
    await jobs.runNow();
    const failedOf = async (token: string) =>
      (await http().get('/api/staff/failed-notices').set(bearer(token)).expect(200)).body.items as {
        id: number;
        kind: string;
        requestId: number;
      }[];
    const staffA2Token = await signIn(staffA2.username);
    const seen = await failedOf(await l.as(l.w.countyStaff));
    const badReview = seen.find((x) => x.requestId === r.id && x.kind === 'bad_review');
    expect(badReview).toBeDefined();
    expect(await failedOf(staffA2Token)).toContainEqual(
      expect.objectContaining({ id: badReview!.id }),
    );
    // The rated owner: not in the list, not in the count, not retryable.
    const own = (await failedOf(staffA)).filter((x) => x.requestId === r.id);
    expect(own.map((x) => x.kind)).not.toContain('bad_review');
    await http()
      .post(`/api/staff/failed-notices/${badReview!.id}/retry`)
      .set(bearer(staffA))
      .send({})
      .expect(404);

    // A 乡镇干部 on a card who is also a staff account is the subject of a conduct complaint.
    // The complaint goes to staff A, whose WeChat now refuses messages too.
    await signInInWechat(l.w.staffA.username, `failing-a-${staffA2.id}`);
    fake.failing.add(FakeServices.openidOf(`failing-a-${staffA2.id}`));
    const subject = await l.f.cadre(l.w.townA);
    await db.getRepository(UserAccountEntity).update(subject.user.id, { role: 'staff' });
    const complaint = await l.submit(
      await wechatResident(`rc2-${staffA2.id}`),
      { category: 'conduct', subTopic: 'attitude' },
      subject.card.code,
    );
    await jobs.runNow();
    const subjectToken = await signIn(subject.user.username);
    expect((await failedOf(staffA2Token)).some((x) => x.requestId === complaint.id)).toBe(true);
    expect((await failedOf(subjectToken)).some((x) => x.requestId === complaint.id)).toBe(false);
  });

  it('answers the template ids the mini-program subscribes to, to anyone', async () => {
    const res = await http().get('/api/notices/templates').expect(200);
    expect(res.body).toEqual({
      progress: 'tplProgress-0001',
      newRequest: 'tplNewRequest-0001',
      reminder: 'tplReminder-0001',
    });
  });

  it('moves the development clock only forward, for staff only, and runs the jobs at the new time', async () => {
    const l = await Loop.start(t);
    at('2026-12-20T09:00');
    const staff = await signIn(l.w.staffA.username);
    const move = (body: object, token: string | null = staff) => {
      const req = http().post('/api/dev/clock');
      return (token ? req.set(bearer(token)) : req).send(body);
    };
    await move({ advanceMinutes: 60 }, null).expect(401);
    await move({ advanceMinutes: 60 }, await signIn(l.w.cadreA.user.username)).expect(403);
    const res = await move({ advanceMinutes: 60 }).expect(200);
    expect(res.body.now.slice(0, 16)).toBe('2026-12-20T02:00');
    expect(res.body.sweep).toEqual(expect.objectContaining({ ratingsClosed: expect.any(Number) }));
    const back = await move({ at: '2026-12-01T00:00:00+08:00' }).expect(400);
    expect(back.body.details).toEqual([{ field: 'at', message: '时间只能往后拨' }]);
    const far = await move({ advanceMinutes: 1e12 }).expect(400);
    expect(far.body.details).toEqual([{ field: 'advanceMinutes', message: '一次最多拨十年' }]);
    await move({ at: '2999-01-01T00:00:00Z' }).expect(400);
    await move({}).expect(400);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});

describe('the development clock without DEV_CLOCK', () => {
  it('does not exist', async () => {
    const t = await startTestApp({ env: { DEV_CLOCK: 'false' } });
    try {
      const l = await Loop.start(t);
      const staff = await signInWithPassword(t.http(), l.w.staffA.username);
      const res = await t
        .http()
        .post('/api/dev/clock')
        .set(bearer(staff))
        .send({ advanceMinutes: 1 })
        .expect(404);
      expect(res.body).toEqual(refusal('NOT_FOUND'));
    } finally {
      await t.close();
    }
  });
});
