import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AccessPolicy } from '../../common/access/access-policy';
import type { RequestActor } from '../../common/auth/actor';
import type { Clock } from '../../common/clock/clock';
import type { AuditEntry, AuditRepository } from '../audit/audit.repository';
import type { CadreRepository } from '../cadre/cadre.repository';
import type { OrgRepository } from '../org/org.repository';
import type { RatingRepository } from '../rating/rating.repository';
import type { UserRepository } from '../user/user.repository';
import type { VoiceRepository } from '../voice/voice.repository';
import type {
  LedgerFilter,
  LedgerRepository,
  LedgerRequestRow,
} from '../request/ledger.repository';
import { LEDGER_BATCH, LEDGER_MAX_ROWS, LedgerService } from './ledger.service';

const NOW = new Date('2026-12-09T12:00:00Z');
const TOWN = '/1/2/';

const staff: RequestActor = {
  userId: 50,
  role: 'staff',
  displayName: '镇工作人员',
  orgUnitId: 2,
  orgUnitPath: TOWN,
  cadreId: null,
};
const admin: RequestActor = {
  ...staff,
  userId: 60,
  role: 'admin',
  orgUnitId: 1,
  orgUnitPath: '/1/',
};

function request(id: number, over: Partial<LedgerRequestRow> = {}): LedgerRequestRow {
  return {
    id,
    number: `MQ-20261207-${String(id).padStart(4, '0')}`,
    channel: 'card_scan',
    category: 'difficulty',
    subTopic: 'water',
    text: `第${id}件`,
    contactPhoneMasked: '138****5678',
    requesterId: 1000 + id,
    firstContactCadreId: 7,
    subjectCadreId: null,
    ownerUserId: 70,
    ownerUnitPath: `${TOWN}3/`,
    level: 'village',
    status: 'submitted',
    round: 1,
    dueAt: new Date('2026-12-10T10:00:00Z'),
    submittedAt: new Date('2026-12-07T01:00:00Z'),
    resolvedAt: null,
    resolutionOutcome: null,
    resolutionNote: null,
    ...over,
  };
}

type Rating = { requestId: number; round: number; level: number; excluded: boolean };

function setUp(
  rows: LedgerRequestRow[],
  ratings: Rating[] = [],
  counted = rows.length,
  onBatch: (afterId: number) => void | Promise<void> = () => {},
) {
  const batches: number[] = [];
  const audit: AuditEntry[] = [];
  const lookups = { users: 0, cadres: 0, ratings: 0 };
  const repo = {
    countLedger: async () => counted,
    ledgerBatch: async (_f: LedgerFilter, afterId: number, limit: number) => {
      batches.push(afterId);
      await onBatch(afterId);
      return rows.filter((r) => r.id > afterId).slice(0, limit);
    },
  };
  const users = {
    displayNames: async (ids: number[]) => {
      lookups.users++;
      return new Map(ids.map((id) => [id, id === 70 ? '李建国' : `王${id}`]));
    },
  };
  const cadres = {
    namesByIds: async (ids: number[]) => {
      lookups.cadres++;
      return new Map(ids.map((id) => [id, '李建国']));
    },
  };
  const ratingRepo = {
    forRequests: async (ids: number[]) => {
      lookups.ratings++;
      return ratings.filter((r) => ids.includes(r.requestId));
    },
  };
  const units: Record<number, string> = { 3: `${TOWN}3/`, 9: '/1/9/' };
  const org = {
    findById: async (id: number) => (units[id] ? { id, path: units[id] } : null),
  };
  const auditRepo = { recordNow: async (e: AuditEntry) => void audit.push(e) };
  const voices = {
    transcriptsFor: async (ids: number[]) =>
      new Map(ids.map((id) => [id, id === 1 ? '村东头的自来水停了' : null])),
  };
  const clock: Clock = { now: () => NOW };
  const service = new LedgerService(
    repo as unknown as LedgerRepository,
    org as unknown as OrgRepository,
    users as unknown as UserRepository,
    cadres as unknown as CadreRepository,
    ratingRepo as unknown as RatingRepository,
    new AccessPolicy(),
    auditRepo as unknown as AuditRepository,
    voices as unknown as VoiceRepository,
    clock,
  );
  return { service, batches, audit, lookups };
}

/** Runs the export into memory and reads the sheet back. */
async function exported(service: LedgerService, actor: RequestActor, query = {}) {
  const file = await service.prepare(actor, query);
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const written = await service.write(file, out);
  await ended;
  const wb = new ExcelJS.Workbook();
  const data = Buffer.concat(chunks);
  await wb.xlsx.load(
    data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
  );
  const sheet = wb.worksheets[0]!;
  const values: unknown[][] = [];
  sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return { file, written, sheet, values };
}

describe('LedgerService', () => {
  it('reads in keyset batches by id and writes every request once, in order', async () => {
    const rows = Array.from({ length: LEDGER_BATCH * 2 + 500 }, (_, i) => request(i * 2 + 1));
    const { service, batches, lookups } = setUp(rows);
    const { written, values, sheet } = await exported(service, staff);
    // Residents and ratings per batch; the one cadre and handler once for the whole export.
    expect(lookups).toEqual({ users: 3 + 1, cadres: 1, ratings: 3 });
    expect(written).toBe(rows.length);
    expect(batches).toEqual([0, rows[LEDGER_BATCH - 1]!.id, rows[LEDGER_BATCH * 2 - 1]!.id]);
    expect(values).toHaveLength(rows.length + 1);
    expect(values.slice(1).map((v) => v[0])).toEqual(rows.map((r) => r.number));
    expect(sheet.name).toBe('民情台账');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('B2').value).toEqual(new Date('2026-12-07T09:00:00Z'));
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('writes the transcript where a request was said in a recording and has no text', async () => {
    const rows = [request(1, { text: '' }), request(2, { text: '' }), request(3)];
    const { service } = setUp(rows);
    const { values } = await exported(service, staff);
    const texts = values
      .slice(1)
      .map((v) => v.find((c) => typeof c === 'string' && /件|语音/.test(c)));
    expect(texts).toEqual([
      '（语音诉求）语音转文字：村东头的自来水停了',
      '（语音诉求，没有转出文字，请在系统里听录音）',
      '第3件',
    ]);
  });

  it('writes a sheet with only its header when nothing matches', async () => {
    const { service, batches } = setUp([]);
    const { values } = await exported(service, staff);
    expect(values).toHaveLength(1);
    expect(batches).toEqual([0]);
  });

  it('is on the audit log before it is written, with its filters', async () => {
    const { service, audit } = setUp([request(1)]);
    await service.prepare(staff, {
      from: '2026-12-01',
      status: 'submitted',
      unitId: 3,
      overdue: true,
    });
    expect(audit).toEqual([
      {
        actorUserId: 50,
        actorName: '镇工作人员',
        action: 'ledger.export',
        targetType: 'ledger',
        targetId: null,
        unitPath: `${TOWN}3/`,
        detail: {
          fromDate: '2026-12-01',
          toDate: null,
          status: 'submitted',
          category: null,
          unitId: 3,
          overdue: true,
          rows: 1,
        },
        at: NOW,
      },
    ]);
  });

  it('turns the period and the filters into the query’s terms', async () => {
    const { service } = setUp([]);
    const file = await service.prepare(staff, {
      from: '2026-12-01',
      to: '2026-12-07',
      category: 'conduct',
      overdue: true,
    });
    expect(file.filter).toEqual({
      unitPath: TOWN,
      from: new Date('2026-11-30T16:00:00Z'),
      until: new Date('2026-12-07T16:00:00Z'),
      status: null,
      category: 'conduct',
      overdueAt: NOW,
      reader: { userId: 50, cadreId: null, role: 'staff' },
    });
    expect(file.name).toBe('民情台账-2026-12-01-2026-12-07.xlsx');
  });

  it('refuses a cadre, a unit outside the scope, a period the wrong way round, and a ledger too long', async () => {
    const { service, audit } = setUp([], [], LEDGER_MAX_ROWS + 1);
    const cadre = { ...staff, role: 'cadre' as const, cadreId: 7 };
    await expect(service.prepare(cadre, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.prepare(staff, { unitId: 9 })).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    await expect(service.prepare(staff, { unitId: 404 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      service.prepare(staff, { from: '2026-12-02', to: '2026-12-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'from', message: '开始日期不能晚于结束日期' }],
    });
    await expect(service.prepare(staff, {})).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        {
          field: 'from',
          message: `符合条件的诉求有${LEDGER_MAX_ROWS + 1}条，一次最多导出${LEDGER_MAX_ROWS}条，请缩小日期范围，或按村、类别分开导出`,
        },
      ],
    });
    expect(audit).toEqual([]);
  });

  describe('ratings, as far as the reader may know them', () => {
    const rows = [
      request(1, { status: 'under_review', resolvedAt: NOW, resolutionOutcome: 'solved' }),
      request(2, { status: 'closed', resolvedAt: NOW, resolutionOutcome: 'explained' }),
      request(3, { status: 'closed', resolvedAt: NOW, resolutionOutcome: 'solved' }),
      request(4, { status: 'resolved', resolvedAt: NOW, resolutionOutcome: 'solved' }),
      // handled by the reading staff member themselves
      request(5, {
        status: 'under_review',
        ownerUserId: 50,
        resolvedAt: NOW,
        resolutionOutcome: 'solved',
      }),
    ];
    const ratings: Rating[] = [
      { requestId: 1, round: 1, level: 2, excluded: false },
      { requestId: 2, round: 1, level: 1, excluded: true },
      { requestId: 3, round: 1, level: 1, excluded: false },
      { requestId: 3, round: 2, level: 5, excluded: false },
      { requestId: 5, round: 1, level: 1, excluded: false },
    ];
    const statusAndRating = (values: unknown[][]) => values.slice(1).map((v) => [v[12], v[15]]);

    it('staff read the latest rating, 不计入 when unfounded, and not their own work’s', async () => {
      const { service } = setUp(rows, ratings);
      expect(statusAndRating((await exported(service, staff)).values)).toEqual([
        ['差评核实中', '不满意'],
        ['已关闭', '不计入'],
        ['已关闭', '非常满意'],
        ['已办结', '未评价'],
        ['已办结', '已评价'],
      ]);
    });

    it('admins read 已办结 and 已评价 (shared seesRatings: ratings are for staff)', async () => {
      const { service } = setUp(rows, ratings);
      expect(statusAndRating((await exported(service, admin)).values)).toEqual([
        ['已办结', '已评价'],
        ['已办结', '已评价'],
        ['已办结', '已评价'],
        ['已办结', '未评价'],
        ['已办结', '已评价'],
      ]);
    });
  });

  it.each([1, 2, 5])(
    'stops, and lets go, when the download is closed while batch %i is read',
    async (closeAt) => {
      const rows = Array.from({ length: LEDGER_BATCH * 4 }, (_, i) => request(i + 1));
      // A client that takes everything, then goes away.
      const out = new Writable({ write: (_chunk, _encoding, done) => done() });
      const { service, batches } = setUp(rows, [], rows.length, () => {
        if (batches.length === closeAt) out.destroy();
      });
      const file = await service.prepare(staff, {});
      await expect(service.write(file, out)).rejects.toThrow('closed before the end');
      expect(batches).toHaveLength(Math.min(closeAt, 5));
    },
  );

  it('waits for a slow download instead of reading ahead', async () => {
    const rows = Array.from({ length: LEDGER_BATCH * 20 }, (_, i) => request(i + 1));
    // Each read takes a moment, as the database's does: compression gets to run in between.
    const { service, batches } = setUp(
      rows,
      [],
      rows.length,
      () => new Promise((r) => setTimeout(r, 20)),
    );
    const file = await service.prepare(staff, {});
    // A client that takes one chunk and then nothing more.
    const out = new Writable({ highWaterMark: 1024, write: () => undefined });
    const writing = service.write(file, out);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 600));
    await settle();
    const stalledAt = batches.length;
    await settle();
    // Stalled a few batches in (compression holds some), not read to the end.
    expect(batches).toHaveLength(stalledAt);
    expect(stalledAt).toBeLessThan(6);
    out.destroy();
    await expect(writing).rejects.toThrow('closed before the end');
  });
});
