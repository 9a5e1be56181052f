import type { RequestDetail } from '@mqlk/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { CLOCK, type ControllableClock } from '../src/common/clock/clock';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { bearer, signInWithPassword, uniquePhone } from './factories';
import { Loop, refusal } from './loop';
import { startTestApp, type TestApp, testDialects } from './test-app';

/** An Asia/Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}:00+08:00`);

const HEADER = [
  '编号',
  '提交日期',
  '渠道',
  '类别',
  '具体事项',
  '反映内容',
  '群众',
  '联系电话',
  '首接干部',
  '当前办理人',
  '办理层级',
  '办结期限',
  '状态',
  '办结日期',
  '办理结果',
  '评价',
];

type Row = Record<string, unknown>;

const minute = (value: unknown) => (value as Date).toISOString().slice(0, 16);

/**
 * 民情台账 through the real app: what a township's staff download is their township's requests,
 * filtered as asked, with residents' details masked and their words unable to run as formulas,
 * and every export on the audit log.
 */
describe.each(testDialects())('the ledger export (%s)', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let clock: ControllableClock;
  let db: DataSource;
  let villageA2: Awaited<ReturnType<Loop['f']['unit']>>;
  let admin: { username: string | null };
  const phone1 = uniquePhone();
  let r1: RequestDetail;
  let r2: RequestDetail;
  let rA2: RequestDetail;
  let r3: RequestDetail;
  let rB: RequestDetail;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    clock = t.app.get(CLOCK);
    db = t.app.get(DataSource);
    l = await Loop.start(t);
    villageA2 = await l.f.unit('village', l.w.townA);
    const cadreA2 = await l.f.cadre(villageA2);
    admin = await l.f.account('admin', l.w.county, '县管理员');

    clock.set(sh('2026-12-07T09:00')); // a Monday
    r1 = await l.submit(await l.resident(phone1), { contactPhone: phone1 });
    r2 = await l.submit(await l.resident(), {
      category: 'shortcoming',
      subTopic: 'roads',
      text: '=1+1 村口的路灯坏了好几天，晚上走路看不见',
    });
    rA2 = await l.submit(
      await l.resident(),
      { category: 'suggestion', subTopic: 'sanitation', text: '建议在村里多放几个垃圾桶' },
      cadreA2.card.code,
    );
    rB = await l.submit(await l.resident(), {}, l.w.cadreB.card.code);

    clock.set(sh('2026-12-08T10:00'));
    const resident3 = await l.resident();
    r3 = await l.submit(resident3);
    await l.handle(await signInWithPassword(t.http(), l.w.cadreA.user.username), r3.id);
    await l.rate(resident3, r3.id, 4);
  });
  afterAll(() => t?.close());

  const download = (token: string, query = '') =>
    t
      .http()
      .get(`/api/office/ledger${query}`)
      .set(bearer(token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** The ledger as `account` downloads it (a fresh session: the clock moves days ahead). */
  const ledger = async (account: { username: string | null }, query = '') => {
    const res = await download(await signInWithPassword(t.http(), account.username), query);
    expect(res.status).toBe(200);
    const body = res.body as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    );
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows: Row[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(HEADER.map((h, i) => [h, values[i] ?? null])));
    });
    return { res, sheet, header, rows, numbers: rows.map((r) => r['编号']) };
  };

  const refused = async (account: { username: string | null }, query: string, status: number) => {
    const res = await t
      .http()
      .get(`/api/office/ledger${query}`)
      .set(bearer(await signInWithPassword(t.http(), account.username)));
    expect(res.status).toBe(status);
    return res.body as unknown;
  };

  it('gives the township its requests, one row each, with the Chinese header', async () => {
    const { res, sheet, header, rows, numbers } = await ledger(l.w.staffA);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="ledger-until-2026-12-08.xlsx"; filename*=UTF-8''${encodeURIComponent('民情台账-截至2026-12-08.xlsx')}`,
    );
    expect(sheet.name).toBe('民情台账');
    expect(header).toEqual(HEADER);
    expect(numbers).toEqual([r1.number, r2.number, rA2.number, r3.number]);

    const tail = phone1.slice(7);
    expect(rows[0]).toEqual({
      编号: r1.number,
      提交日期: expect.any(Date),
      渠道: '扫码反映',
      类别: '实际困难',
      具体事项: '饮水',
      反映内容: '村东头自来水停了三天了，请帮忙看看',
      群众: '群*',
      联系电话: `${phone1.slice(0, 3)}****${tail}`,
      首接干部: l.w.cadreA.cadre.name,
      当前办理人: l.w.cadreA.user.displayName,
      办理层级: '村级',
      办结期限: new Date('2026-12-10T18:00:00Z'),
      状态: '待签收',
      办结日期: null,
      办理结果: null,
      评价: '未评价',
    });
    // Shanghai wall-clock times as Excel dates (the test clock runs on from where it was set).
    expect(minute(rows[0]!['提交日期'])).toBe('2026-12-07T09:00');
    expect(minute(rows[3]!['办结日期'])).toBe('2026-12-08T10:00');
    expect(rows[3]).toMatchObject({
      编号: r3.number,
      状态: '已关闭',
      办理结果: '已解决：已联系供水站修好了管道',
      评价: '满意',
    });
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const { rows } = await ledger(l.w.staffA, '?category=shortcoming');
    expect(rows.map((r) => [r['编号'], r['反映内容']])).toEqual([
      [r2.number, "'=1+1 村口的路灯坏了好几天，晚上走路看不见"],
    ]);
  });

  it('filters by status, category, unit and submission date (local days, both ends included)', async () => {
    const numbers = async (query: string) => (await ledger(l.w.staffA, query)).numbers;
    expect(await numbers('?status=closed')).toEqual([r3.number]);
    expect(await numbers('?status=submitted')).toEqual([r1.number, r2.number, rA2.number]);
    expect(await numbers('?category=suggestion')).toEqual([rA2.number]);
    expect(await numbers(`?unitId=${villageA2.id}`)).toEqual([rA2.number]);
    expect(await numbers(`?unitId=${l.w.villageA.id}`)).toEqual([r1.number, r2.number, r3.number]);
    expect(await numbers('?from=2026-12-08&to=2026-12-08')).toEqual([r3.number]);
    expect(await numbers('?to=2026-12-07')).toEqual([r1.number, r2.number, rA2.number]);
    expect(await numbers('?from=2026-12-09')).toEqual([]);
    expect(
      await numbers(`?unitId=${l.w.villageA.id}&status=submitted&category=difficulty`),
    ).toEqual([r1.number]);
  });

  it('never shows another township’s requests; the county sees both', async () => {
    expect((await ledger(l.w.staffB)).numbers).toEqual([rB.number]);
    expect((await ledger(l.w.countyStaff)).numbers).toEqual([
      r1.number,
      r2.number,
      rA2.number,
      rB.number,
      r3.number,
    ]);
  });

  it('shows an admin the states after a resolution as 已办结, and filters them the same way', async () => {
    const { rows } = await ledger(admin, `?unitId=${l.w.villageA.id}&status=resolved`);
    expect(rows.map((r) => [r['编号'], r['状态'], r['评价']])).toEqual([
      [r3.number, '已办结', '已评价'],
    ]);
    expect((await ledger(admin, '?status=closed')).numbers).toEqual([]);
  });

  it('refuses a cadre, a unit outside the scope, and a bad filter', async () => {
    expect(await refused(l.w.cadreA.user, '', 403)).toEqual(refusal('FORBIDDEN'));
    expect(await refused(l.w.staffA, `?unitId=${l.w.villageB.id}`, 403)).toEqual(
      refusal('OUT_OF_SCOPE'),
    );
    expect(await refused(l.w.staffA, '?status=lost', 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'status', message: '状态不对' }],
    });
    expect(await refused(l.w.staffA, '?from=2026-12-08&to=2026-12-01', 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'from', message: '开始日期不能晚于结束日期' }],
    });
  });

  it('puts every export on the audit log, with its filters', async () => {
    const before = await db
      .getRepository(AuditLogEntity)
      .count({ where: { action: 'ledger.export' } });
    await ledger(l.w.staffA, `?unitId=${l.w.villageA.id}&from=2026-12-01&category=difficulty`);
    const rows = await db
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'ledger.export' }, order: { id: 'DESC' } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({
      actorUserId: l.w.staffA.id,
      actorName: l.w.staffA.displayName,
      targetType: 'ledger',
      targetId: null,
      unitPath: l.w.villageA.path,
      detail: {
        fromDate: '2026-12-01',
        toDate: null,
        status: null,
        category: 'difficulty',
        unitId: l.w.villageA.id,
        overdue: null,
        rows: 2,
      },
    });
  });

  it('lists the overdue requests once their first clock has run out (moves the clock: runs last)', async () => {
    expect((await ledger(l.w.staffA, '?overdue=true')).numbers).toEqual([]);
    // 签收 was due 18:00 on the first working day after submission (Tuesday 12-08).
    clock.set(sh('2026-12-08T18:01'));
    expect((await ledger(l.w.staffA, '?overdue=true')).numbers).toEqual([
      r1.number,
      r2.number,
      rA2.number,
    ]);
    await l.move(await signInWithPassword(t.http(), l.w.cadreA.user.username), r1.id, 'accept', {
      version: r1.version,
    });
    // Accepted late: its resolve clock (3 working days, Thursday 18:00) has not run out.
    expect((await ledger(l.w.staffA, '?overdue=true')).numbers).toEqual([r2.number, rA2.number]);
  });
});
