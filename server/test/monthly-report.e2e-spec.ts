import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  FIGURE_LABELS,
  type FigureRequest,
  formatRate,
  type RequestDetail,
  type UnitFigures,
} from '@mqlk/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { CLOCK, type ControllableClock } from '../src/common/clock/clock';
import type { AppConfig } from '../src/config/config';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { FIGURE_LINES } from '../src/modules/report/report-tables';
import { bearer, signInWithPassword } from './factories';
import { Loop, refusal } from './loop';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(120_000);

/** An Asia/Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}:00+08:00`);

const SCREENSHOTS = path.resolve(__dirname, '../../.artifacts/screenshots');
const MONTH = '2026-10';
const PERIOD = 'from=2026-10-01&to=2026-10-31';

type Account = { username: string | null };
type Cells = unknown[];

/** A sheet's rows as arrays of values (exceljs counts from 1; the first slot is dropped). */
function rowsOf(sheet: ExcelJS.Worksheet): Cells[] {
  const rows: Cells[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The rows under the header row that starts with `first`, up to the next blank row. */
function tableUnder(sheet: ExcelJS.Worksheet, first: string): Cells[] {
  const rows = rowsOf(sheet);
  const header = rows.findIndex((r) => r[0] === first);
  expect(header).toBeGreaterThan(-1);
  const out: Cells[] = [];
  for (const row of rows.slice(header + 1)) {
    if (row.length === 0 || row.every((c) => c === null || c === undefined)) break;
    out.push(row);
  }
  return out;
}

/** A URL for the test's database, for a command started beside the app. */
function databaseUrl(c: AppConfig['database']): string {
  if (c.dialect === 'sqlite') return `sqlite:${c.file}`;
  const auth =
    encodeURIComponent(c.user) + (c.password ? `:${encodeURIComponent(c.password)}` : '');
  const socket = c.socketPath ? `?socketPath=${encodeURIComponent(c.socketPath)}` : '';
  return `${c.dialect}://${auth}@${c.host}:${c.port}/${c.database}${socket}`;
}

/**
 * 月报 through the real app: a month of history made with the moved clock (on-time and late
 * handling, a request never accepted, bad reviews pending, founded, rectified, and one found
 * unfounded), then the township's and the county's report for it, whose numbers must be the
 * figures API's for that month; the refusals; and the command that writes both files.
 */
describe('the monthly report (月报)', () => {
  let t: TestApp;
  let l: Loop;
  let clock: ControllableClock;
  let db: DataSource;
  let f: Loop['f'];
  let county: Awaited<ReturnType<Loop['f']['unit']>>;
  let town: Awaited<ReturnType<Loop['f']['unit']>>;
  let otherTown: Awaited<ReturnType<Loop['f']['unit']>>;
  let wang: Awaited<ReturnType<Loop['f']['cadre']>>;
  let li: Awaited<ReturnType<Loop['f']['cadre']>>;
  let staff: Awaited<ReturnType<Loop['f']['account']>>;
  let otherStaff: Awaited<ReturnType<Loop['f']['account']>>;
  let countyStaff: Awaited<ReturnType<Loop['f']['account']>>;
  const r: Record<string, RequestDetail> = {};

  const as = (account: Account) => signInWithPassword(t.http(), account.username);

  /** Submitted through `cadre`'s card, accepted and resolved by them, and rated `level`. */
  const rated = async (
    cadre: typeof wang,
    level: 1 | 2 | 3 | 4 | 5,
  ): Promise<{ r: RequestDetail; resident: string }> => {
    const resident = await l.resident();
    const request = await l.submit(resident, {}, cadre.card.code);
    await l.handle(await as(cadre.user), request.id);
    await l.rate(resident, request.id, level);
    return { r: request, resident };
  };

  const verify = async (id: number, founded: boolean) => {
    const token = await as(staff);
    const { version } = await l.get(token, id);
    await l.move(
      token,
      id,
      'verify',
      founded
        ? { version, founded: true, finding: '经核实情况属实，请整改' }
        : { version, founded: false, reason: 'malicious', note: '经核实与事实不符' },
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(CLOCK);
    db = t.app.get(DataSource);
    l = await Loop.start(t);
    f = l.f;
    county = await f.unit('county', null, '青山县');
    town = await f.unit('township', county, '石桥镇');
    otherTown = await f.unit('township', county, '白沙镇');
    const east = await f.unit('village', town, '东岭村');
    const west = await f.unit('village', town, '西溪村');
    wang = await f.cadre(east, '王秀英');
    li = await f.cadre(west, '李建国');
    staff = await f.account('staff', town, '张主任');
    otherStaff = await f.account('staff', otherTown, '白沙镇办公室');
    countyStaff = await f.account('staff', county, '县民情办');

    // Monday 12 October 2026: handled the same day, rated at once.
    clock.set(sh('2026-10-12T09:00'));
    r.good = (await rated(wang, 5)).r;
    await rated(wang, 4);
    r.pending = (await rated(wang, 1)).r;
    r.founded = (await rated(wang, 2)).r;
    await verify(r.founded.id, true);
    const rectified = await rated(wang, 1);
    r.rectified = rectified.r;
    await verify(r.rectified.id, true);
    await l.handle(await as(wang.user), r.rectified.id, '已重新协调，水管已接通');
    await l.rate(rectified.resident, r.rectified.id, 4);
    r.unfounded = (await rated(wang, 1)).r;
    await verify(r.unfounded.id, false);
    for (const level of [5, 5, 4, 3, 3] as const) await rated(li, level);
    // Never accepted: its accept and resolve clocks run out (Tuesday, Thursday 18:00).
    r.untouched = await l.submit(await l.resident(), {}, li.card.code);
    // Accepted at once, resolved a week late.
    r.late = await l.submit(await l.resident(), {}, wang.card.code);
    const late = await l.get(await as(wang.user), r.late.id);
    await l.move(await as(wang.user), r.late.id, 'accept', { version: late.version });

    clock.set(sh('2026-10-22T10:00'));
    await l.handle(await as(wang.user), r.late.id);

    // The report is asked for once October is over.
    clock.set(sh('2026-11-02T09:00'));
  });
  afterAll(() => t?.close());

  const get = async (account: Account, url: string, status = 200) =>
    t
      .http()
      .get(url)
      .set(bearer(await as(account)))
      .expect(status);

  const download = async (account: Account, query: string) => {
    const res = await t
      .http()
      .get(`/api/office/reports/monthly.${query}`)
      .set(bearer(await as(account)))
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { res, body: res.body as Buffer };
  };

  const workbook = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    );
    return wb;
  };

  const figures = async (account: Account, unitId: number, level: string) =>
    (await get(account, `/api/stats/units?unitId=${unitId}&${PERIOD}&level=${level}&pageSize=100`))
      .body as UnitFigures;

  const behind = async (unitId: number, figure: string, part: string) =>
    (
      await get(
        staff,
        `/api/stats/requests?unitId=${unitId}&${PERIOD}&figure=${figure}&part=${part}&pageSize=100`,
      )
    ).body.items as FigureRequest[];

  it('gives the township its month as a workbook whose numbers are the figures API’s', async () => {
    const { res, body } = await download(staff, `xlsx?unitId=${town.id}&month=${MONTH}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="monthly-report-${town.id}-2026-10.xlsx"; filename*=UTF-8''${encodeURIComponent('石桥镇-2026年10月-月报.xlsx')}`,
    );
    const wb = await workbook(body);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '指标',
      '排名-村（社区）',
      '排名-干部',
      '办结层级',
      '超期清单',
      '差评',
    ]);

    const api = await figures(staff, town.id, 'cadre');
    expect(api.total).toMatchObject({
      received: 13,
      ratings: 10,
      badReviewRate: { numerator: 2, denominator: 10 },
      rectification: { numerator: 1, denominator: 2 },
    });
    const lines = tableUnder(wb.getWorksheet('指标')!, '指标');
    expect(lines.map((line) => line[0])).toEqual(FIGURE_LINES.map(([name]) => FIGURE_LABELS[name]));
    for (const [name] of FIGURE_LINES) {
      const [, value, numerator, denominator] = lines.find(
        (line) => line[0] === FIGURE_LABELS[name],
      )!;
      const figure = api.total[name];
      if (typeof figure === 'number') {
        expect([name, value]).toEqual([name, figure]);
      } else if ('numerator' in figure) {
        expect([name, value, numerator, denominator]).toEqual([
          name,
          figure.value ?? '暂无数据',
          figure.numerator,
          figure.denominator,
        ]);
      } else {
        expect([name, value, denominator]).toEqual([
          name,
          figure.value ?? '暂无数据',
          figure.count,
        ]);
      }
    }

    // The cadres' ranking: Wang with 5 ratings (the unfounded one counts nowhere), Li with 5.
    const ranked = tableUnder(wb.getWorksheet('排名-干部')!, '名次');
    expect(ranked.map((row) => [row[0], row[1], Number(row[3]).toFixed(6), row[5]])).toEqual(
      api.ranking.ranked.map((e) => [e.rank, e.name, (e.score * 100).toFixed(6), e.rated]),
    );
    expect(ranked.map((row) => row[1]).sort()).toEqual(['李建国', '王秀英']);
    const villages = await figures(staff, town.id, 'village');
    expect(tableUnder(wb.getWorksheet('排名-村（社区）')!, '名次').map((row) => row[1])).toEqual(
      villages.ranking.ranked.map((e) => e.name),
    );

    const levels = tableUnder(wb.getWorksheet('办结层级')!, '层级');
    expect(levels).toEqual([
      [
        '村级',
        api.total.resolutionLevels.village.numerator,
        api.total.resolutionLevels.village.value,
      ],
      ['乡镇级', 0, 0],
      ['县级', 0, 0],
      ['合计', api.total.resolved],
    ]);

    // The overdue list: the base of 按时办结率 less its numerator.
    const missed = (await behind(town.id, 'onTime', 'denominator')).filter(
      (i) => i.clock === 'missed',
    );
    expect(missed).toHaveLength(api.total.onTime.denominator - api.total.onTime.numerator);
    const overdue = tableUnder(wb.getWorksheet('超期清单')!, '序号');
    expect(overdue.map((row) => row[1])).toEqual(missed.map((i) => i.number));
    expect(overdue.map((row) => row[1]).sort()).toEqual(
      [r.late!.number, r.untouched!.number].sort(),
    );
    expect(overdue.find((row) => row[1] === r.untouched!.number)).toEqual([
      expect.any(Number),
      r.untouched!.number,
      new Date('2026-10-15T00:00:00Z'),
      new Date('2026-10-12T00:00:00Z'),
      '实际困难',
      '李建国',
      '待签收',
    ]);

    // The bad reviews: those 差评率 counts and those found founded; the unfounded one nowhere.
    const counted = await behind(town.id, 'badReviewRate', 'numerator');
    const founded = await behind(town.id, 'rectification', 'denominator');
    const bad = tableUnder(wb.getWorksheet('差评')!, '序号');
    expect(new Set(bad.map((row) => row[1]))).toEqual(
      new Set([...counted, ...founded].map((i) => i.number)),
    );
    expect(bad.map((row) => [row[1], row[5], row[6], row[7]])).toEqual([
      [r.pending!.number, '非常不满意', '待核实', '差评核实中'],
      [r.founded!.number, '不满意', '核实属实，整改中', '整改中'],
      [r.rectified!.number, '非常不满意', '核实属实，已整改；再次评价：满意', '已关闭'],
    ]);
  });

  it('gives the same month as an A4 PDF with the numbers in it, and page numbers', async () => {
    const { res, body } = await download(staff, `pdf?unitId=${town.id}&month=${MONTH}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="monthly-report-${town.id}-2026-10.pdf"; filename*=UTF-8''${encodeURIComponent('石桥镇-2026年10月-月报.pdf')}`,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-report-'));
    const pdf = path.join(dir, 'report.pdf');
    fs.writeFileSync(pdf, body);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const api = await figures(staff, town.id, 'cadre');
    expect(text).toContain('石桥镇 民情月报');
    expect(text).toContain('2026年10月（2026-10-01 至 2026-10-31）');
    expect(text).toContain(formatRate(api.total.satisfaction));
    expect(text).toContain(r.untouched!.number);
    expect(text).toContain(r.rectified!.number);
    expect(text).not.toContain(r.unfounded!.number);
    expect(text).toContain('样本不足');
    // pdftotext drops the spaces between Chinese and digits.
    expect(text.replace(/ /g, '')).toContain(`第1页/共${pages}页`);

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(SCREENSHOTS, 'report-monthly-p1'),
    ]);
    expect(fs.statSync(path.join(SCREENSHOTS, 'report-monthly-p1.png')).size).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the county its month, its townships ranked', async () => {
    const { res, body } = await download(countyStaff, `xlsx?unitId=${county.id}&month=${MONTH}`);
    expect(res.status).toBe(200);
    const wb = await workbook(body);
    expect(wb.worksheets.map((s) => s.name)).toContain('排名-乡镇（街道）');
    const api = await figures(countyStaff, county.id, 'township');
    const lines = tableUnder(wb.getWorksheet('指标')!, '指标');
    expect(lines.find((line) => line[0] === '满意率')!.slice(1, 4)).toEqual([
      api.total.satisfaction.value,
      api.total.satisfaction.numerator,
      api.total.satisfaction.denominator,
    ]);
    // One township has ratings (石桥镇), the others none: 样本不足 is listed under the ranking.
    const rows = rowsOf(wb.getWorksheet('排名-乡镇（街道）')!);
    expect(rows.some((row) => row[0] === '样本不足（评价不足5条，不参加排名）')).toBe(true);
    expect(tableUnder(wb.getWorksheet('排名-乡镇（街道）')!, '名次').map((row) => row[1])).toEqual([
      '石桥镇',
    ]);
  });

  it('puts every download on the audit log', async () => {
    const rows = await db
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'report.monthly' }, order: { id: 'ASC' } });
    expect(rows.slice(0, 2)).toEqual([
      expect.objectContaining({
        actorUserId: staff.id,
        actorName: '张主任',
        targetType: 'org_unit',
        targetId: town.id,
        unitPath: town.path,
        detail: {
          unitId: town.id,
          name: '石桥镇',
          fromDate: '2026-10-01',
          toDate: '2026-10-31',
          kind: 'xlsx',
        },
      }),
      expect.objectContaining({
        actorUserId: staff.id,
        detail: expect.objectContaining({ kind: 'pdf' }),
      }),
    ]);
  });

  it('refuses this month and later ones, a unit out of scope, and a cadre', async () => {
    for (const month of ['2026-11', '2027-01']) {
      const { body } = await get(
        staff,
        `/api/office/reports/monthly.pdf?unitId=${town.id}&month=${month}`,
        400,
      );
      expect(body).toEqual({
        ...refusal('VALIDATION_FAILED'),
        details: [
          { field: 'month', message: '月报只能生成已经结束的月份，本月和以后的月份还不行' },
        ],
      });
    }
    const badMonth = await get(staff, `/api/office/reports/monthly.xlsx?month=2026-13`, 400);
    expect(badMonth.body.details).toEqual([{ field: 'month', message: '月份格式应为 2026-11' }]);
    expect(
      (
        await get(
          otherStaff,
          `/api/office/reports/monthly.xlsx?unitId=${town.id}&month=${MONTH}`,
          403,
        )
      ).body,
    ).toEqual(refusal('OUT_OF_SCOPE'));
    expect(
      (await get(staff, `/api/office/reports/monthly.pdf?unitId=${county.id}&month=${MONTH}`, 403))
        .body,
    ).toEqual(refusal('OUT_OF_SCOPE'));
    expect(
      (
        await get(
          wang.user,
          `/api/office/reports/monthly.pdf?unitId=${town.id}&month=${MONTH}`,
          403,
        )
      ).body,
    ).toEqual(refusal('FORBIDDEN'));
    // Refusals leave no audit row: only the three downloads above.
    expect(
      await db.getRepository(AuditLogEntity).count({ where: { action: 'report.monthly' } }),
    ).toBe(3);
  });

  it('is made by the report:monthly command too, both files at once', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-report-cli-'));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        'scripts/ts-run.mjs',
        'src/database/monthly-report-cli.ts',
        '--',
        '--unit',
        String(town.id),
        '--month',
        MONTH,
        '--out',
        out,
      ],
      {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, DATABASE_URL: databaseUrl(t.config.database), NODE_ENV: 'test' },
      },
    );
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(['石桥镇-2026年10月-月报.pdf', '石桥镇-2026年10月-月报.xlsx']);
    expect(stdout).toContain('石桥镇 2026-10-01 … 2026-10-31');
    expect(stdout).toContain('超期 2 条，差评 3 条');
    const wb = await workbook(fs.readFileSync(path.join(out, files[1]!)));
    const api = await figures(staff, town.id, 'cadre');
    expect(
      tableUnder(wb.getWorksheet('指标')!, '指标').find((line) => line[0] === '受理诉求')![1],
    ).toBe(api.total.received);
    const audit = await db
      .getRepository(AuditLogEntity)
      .findOne({ where: { action: 'report.monthly', actorName: '月报命令' } });
    expect(audit).toMatchObject({ actorUserId: null, detail: { kind: 'pdf+xlsx' } });
    fs.rmSync(out, { recursive: true, force: true });
  });
});
