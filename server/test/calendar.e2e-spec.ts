import { messageOf, NATIONAL_SCHEDULE_2026, type RequestDetail } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { RequestClockEntity } from '../src/modules/request/request-clock.entity';
import { bearer, signInWithPassword } from './factories';
import { Loop, refusal } from './loop';
import { startTestApp, type TestApp, testDialects } from './test-app';

/*
 * Every date this test controls lies 28 years ahead of the real calendar (2054 for 2026, 2055 for
 * 2027): the dev clock only moves forward, so "now" must stay after the machine's real date for
 * decades, and between 1901 and 2099 the Gregorian calendar repeats its weekdays every 28 years, so
 * each date falls on the same weekday as its 2026/2027 counterpart. Only the built-in national 2026
 * schedule is read as 2026 (by `?year=2026`); 2054 and 2055 have no national schedule.
 */

/** An Asia/Shanghai wall-clock time as an ISO instant. */
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();

const DEFAULT_POLICY = {
  acceptDays: 1,
  villageDays: 3,
  townshipDays: 7,
  countyDays: 15,
  rectifyDays: 15,
};
const POLICY = { acceptDays: 2, villageDays: 5, townshipDays: 7, countyDays: 15, rectifyDays: 15 };

/** 2055-01-01 is a Friday; the county works Saturday 01-09 instead (调休). */
const SCHEDULE_2055 = {
  holidays: ['2055-01-01', '2055-01-02', '2055-01-03'],
  makeupWorkdays: ['2055-01-09'],
  source: '本县2055年节假日安排',
};

const NOTICE_TAIL = '的法定节假日和调休安排尚未录入，办理时限暂按周一至周五计算，请尽快补录。';
/** In 2054 neither that year nor the next has a schedule (the national data covers 2026 only). */
const MISSING_2054_2055 = `2054年、2055年${NOTICE_TAIL}`;

type Body = Record<string, unknown>;

/**
 * Each county's working-day calendar and deadline policy (DESIGN.md §3 "Deadlines"): the county
 * admin changes them, staff read them, and requests that reach an owner afterwards get due times
 * by them; other counties and clocks already running keep theirs. Time is placed with the dev
 * clock, which only moves forward: the cases run in order, at dates after today's.
 */
describe.each(testDialects())('county calendars on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let other: Loop;
  let db: DataSource;
  let adminName: string;
  let adminId: number;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    other = await Loop.start(t);
    db = t.app.get(DataSource);
    const admin = await l.f.account('admin', l.w.county, '县管理员');
    adminName = admin.username!;
    adminId = admin.id;
    await at('2054-12-10T09:00'); // a Thursday
  });
  afterAll(() => t?.close());

  /** Sessions last 12 hours of the moved clock: everyone signs in again after a jump. */
  const as = async (username: string | null) => {
    const key = username ?? '';
    if (!tokens.has(key)) tokens.set(key, await signInWithPassword(t.http(), username));
    return tokens.get(key)!;
  };
  const admin = () => as(adminName);
  const staffA = () => as(l.w.staffA.username);

  async function at(local: string) {
    const token = await signInWithPassword(t.http(), l.w.countyStaff.username);
    await t
      .http()
      .post('/api/dev/clock')
      .set(bearer(token))
      .send({ at: `${local}:00+08:00` })
      .expect(200);
    tokens.clear();
  }

  const call = async (token: string, path: string, body: object | null, status: number) => {
    const req = body === null ? t.http().get(path) : t.http().post(path).send(body);
    const res = await req.set(bearer(token));
    if (res.status !== status)
      throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  };
  const read = async (token: string, query = '') =>
    call(token, `/api/office/calendar${query}`, null, 200);

  const submit = async (loop: Loop): Promise<RequestDetail> =>
    loop.submit(await loop.resident(), {}, loop.w.cadreA.card.code);

  const auditOf = (action: string) =>
    db.getRepository(AuditLogEntity).find({
      where: { action, targetType: 'county', targetId: l.w.county.id },
      order: { id: 'ASC' },
    });

  let before: RequestDetail;

  it('shows staff their county: the national 2026 schedule, the default policy, 2054 and 2055 missing', async () => {
    before = await submit(l);
    const county = { countyId: l.w.county.id, countyName: l.w.county.name };
    // This year (the clock's) has no schedule; the notice names it and the next.
    expect(await read(await staffA())).toEqual({
      ...county,
      year: 2054,
      hasSchedule: false,
      missingNotice: MISSING_2054_2055,
      scheduleSource: null,
      days: [],
      policy: DEFAULT_POLICY,
    });
    const calendar = await read(await staffA(), '?year=2026');
    expect(calendar).toEqual({
      ...county,
      year: 2026,
      hasSchedule: true,
      missingNotice: MISSING_2054_2055,
      scheduleSource: NATIONAL_SCHEDULE_2026.source,
      days: expect.arrayContaining([
        { date: '2026-10-01', working: false, source: 'schedule', note: null },
        { date: '2026-10-10', working: true, source: 'schedule', note: null },
      ]),
      policy: DEFAULT_POLICY,
    });
    expect(await read(await staffA(), '?year=2055')).toMatchObject({
      year: 2055,
      hasSchedule: false,
      scheduleSource: null,
      days: [],
    });
    expect(await read(await admin(), '?year=2026')).toEqual(calendar);
    // Before any change: Thursday 09:00, one working day to accept, three to resolve.
    expect(before).toMatchObject({
      acceptDueAt: sh('2054-12-11T18:00'),
      dueAt: sh('2054-12-15T18:00'),
    });
  });

  it('lets only the admin change it', async () => {
    for (const token of [await staffA(), await as(l.w.countyStaff.username)]) {
      expect(await call(token, '/api/office/calendar/years/2055', SCHEDULE_2055, 403)).toEqual(
        refusal('FORBIDDEN'),
      );
      expect(
        await call(
          token,
          '/api/office/calendar/days',
          { date: '2055-01-05', kind: 'holiday' },
          403,
        ),
      ).toEqual(refusal('FORBIDDEN'));
      expect(await call(token, '/api/office/calendar/policy', POLICY, 403)).toEqual(
        refusal('FORBIDDEN'),
      );
    }
    const cadre = await as(l.w.cadreA.user.username);
    expect(await call(cadre, '/api/office/calendar', null, 403)).toEqual(refusal('FORBIDDEN'));
    expect(await auditOf('calendar.year')).toEqual([]);
  });

  it('answers bad input with 400 and the problems in Chinese, changing nothing', async () => {
    const token = await admin();
    const invalid = (details: { field: string; message: string }[]) => ({
      code: 'VALIDATION_FAILED',
      message: messageOf('VALIDATION_FAILED'),
      details,
      requestId: expect.any(String),
    });
    expect(
      await call(
        token,
        '/api/office/calendar/years/2055',
        { holidays: ['2054-10-01', '2055-01-01'], makeupWorkdays: ['2055-01-04', '2055-01-01'] },
        400,
      ),
    ).toEqual(
      invalid([
        { field: 'holidays', message: '2055年放假日期 2054-10-01 不在2055年内' },
        { field: 'makeupWorkdays', message: '2055年安排中 2055-01-01 既是放假日又是调休上班日' },
        {
          field: 'makeupWorkdays',
          message: '2055年调休上班日期 2055-01-04 本来就是工作日（周一至周五），应为周六或周日',
        },
      ]),
    );
    expect(await call(token, '/api/office/calendar/years/1999', SCHEDULE_2055, 400)).toEqual(
      invalid([{ field: 'year', message: '年份应为2000至2100年之间的四位数字' }]),
    );
    expect(
      await call(token, '/api/office/calendar/days', { date: '2055-02-30', kind: 'holiday' }, 400),
    ).toEqual(invalid([{ field: 'date', message: '日期格式应为 2027-01-01' }])); // a fixed example
    expect(
      await call(token, '/api/office/calendar/policy', { ...POLICY, villageDays: 0 }, 400),
    ).toEqual(invalid([{ field: 'villageDays', message: '村级办结时限至少1个工作日' }]));
    expect(await call(token, '/api/office/calendar?year=1999', null, 400)).toEqual(
      invalid([{ field: 'year', message: '年份应为2000至2100年之间的四位数字' }]),
    );
    expect(await read(token, '?year=2055')).toMatchObject({
      hasSchedule: false,
      policy: DEFAULT_POLICY,
    });
  });

  it('takes the admin’s 2055 schedule, a local holiday and a policy, each on the audit log', async () => {
    const token = await admin();
    const afterYear = await call(token, '/api/office/calendar/years/2055', SCHEDULE_2055, 200);
    expect(afterYear).toMatchObject({
      year: 2055,
      hasSchedule: true,
      // Next year is entered now; the clock's own year (2054) is still missing.
      missingNotice: `2054年${NOTICE_TAIL}`,
      scheduleSource: SCHEDULE_2055.source,
      days: [
        { date: '2055-01-01', working: false, source: 'schedule', note: null },
        { date: '2055-01-09', working: true, source: 'schedule', note: null },
      ],
    });
    const afterDay = await call(
      token,
      '/api/office/calendar/days',
      { date: '2055-01-05', kind: 'holiday', note: '本地节日' },
      200,
    );
    expect(afterDay.days).toEqual([
      { date: '2055-01-01', working: false, source: 'schedule', note: null },
      { date: '2055-01-05', working: false, source: 'local', note: '本地节日' },
      { date: '2055-01-09', working: true, source: 'schedule', note: null },
    ]);
    const afterPolicy = await call(token, '/api/office/calendar/policy', POLICY, 200);
    expect(afterPolicy).toMatchObject({ year: 2054, policy: POLICY });
    // Staff read what the admin wrote.
    expect(await read(await staffA(), '?year=2055')).toEqual({ ...afterDay, policy: POLICY });

    const row = {
      actorUserId: adminId,
      actorName: '县管理员',
      targetType: 'county',
      targetId: l.w.county.id,
      unitPath: `/${l.w.county.id}/`,
    };
    expect(await auditOf('calendar.year')).toEqual([
      expect.objectContaining({
        ...row,
        detail: { year: 2055, holidays: 3, makeupWorkdays: 1, source: SCHEDULE_2055.source },
      }),
    ]);
    expect(await auditOf('calendar.day')).toEqual([
      expect.objectContaining({
        ...row,
        detail: { date: '2055-01-05', kind: 'holiday', note: '本地节日' },
      }),
    ]);
    expect(await auditOf('calendar.policy')).toEqual([
      expect.objectContaining({ ...row, detail: { from: '1/3/7/15/15', ...POLICY } }),
    ]);
  });

  it('gives a request submitted afterwards due times by the county’s calendar and policy', async () => {
    await at('2055-01-04T09:00'); // a Monday
    const r = await submit(l);
    // Accept in 2 working days, the local holiday (Tue 01-05) skipped: Wed 06, Thu 07.
    // Resolve in 5 (village): Wed 06, Thu 07, Fri 08, the make-up Saturday 09, Mon 11.
    expect(r).toMatchObject({
      acceptDueAt: sh('2055-01-07T18:00'),
      dueAt: sh('2055-01-11T18:00'),
      deadlineText: '签收：还剩2个工作日',
    });
    const clocks = await db
      .getRepository(RequestClockEntity)
      .find({ where: { requestId: r.id }, order: { id: 'ASC' } });
    expect(clocks.map((c) => [c.kind, c.dueAt.toISOString(), c.warnAt?.toISOString()])).toEqual([
      ['accept', sh('2055-01-07T18:00'), sh('2055-01-06T18:00')],
      ['resolve', sh('2055-01-11T18:00'), sh('2055-01-09T18:00')],
    ]);
    // The calendar page now names the year the clock stands in.
    expect(await read(await staffA())).toMatchObject({
      year: 2055,
      hasSchedule: true,
      missingNotice: `2056年${NOTICE_TAIL}`,
    });

    // Another county keeps the defaults, Monday to Friday in a year without a schedule.
    const elsewhere = await submit(other);
    expect(elsewhere).toMatchObject({
      acceptDueAt: sh('2055-01-05T18:00'),
      dueAt: sh('2055-01-07T18:00'),
    });
    // A clock started before the change keeps its due time.
    const cadre = await as(l.w.cadreA.user.username);
    expect(await l.get(cadre, before.id)).toMatchObject({
      acceptDueAt: before.acceptDueAt,
      dueAt: before.dueAt,
    });
  });

  it('takes a local change back with default, for the next request at once', async () => {
    const token = await admin();
    const calendar = await call(
      token,
      '/api/office/calendar/days',
      { date: '2055-01-05', kind: 'default' },
      200,
    );
    expect(calendar.days).toEqual([
      { date: '2055-01-01', working: false, source: 'schedule', note: null },
      { date: '2055-01-09', working: true, source: 'schedule', note: null },
    ]);
    expect((await auditOf('calendar.day')).at(-1)).toMatchObject({
      detail: { date: '2055-01-05', kind: 'default', removed: true },
    });
    const r = await submit(l);
    expect(r).toMatchObject({ acceptDueAt: sh('2055-01-06T18:00'), dueAt: sh('2055-01-09T18:00') });
  });
});
