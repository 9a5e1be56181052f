/**
 * Benchmark, not a test: the 民情台账 export (LedgerService) over BENCH_REQUESTS (default 100,000)
 * requests of one township on MariaDB, written into a counting sink, next to a bare exceljs
 * WorkbookWriter writing the same number of rows of constant strings (no database) in the same
 * process. It prints time, rows/s, bytes, and peak RSS and heap (sampled every 50 ms) of both.
 *
 *   pnpm --filter @mqlk/server bench:ledger
 *   BENCH_REQUESTS=20000 pnpm --filter @mqlk/server bench:ledger
 *
 * scripts/test-db.mjs provides TEST_DATABASE_URL (a real MariaDB); the benchmark database is made
 * next to it (test/test-app.ts createTestDatabase) and dropped at the end, also on failure.
 *
 * The data (fixed seed; ids given explicitly): one county, one township (one staff account), 10
 * villages, 100 cadres (one card each), N/5 residents; N requests submitted over 2026-01-05 …
 * 2026-12-04 through the cadres' cards, in every status (half closed, most of those rated, a few
 * ratings found unfounded), 1% with text starting with `=` or `-`.
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import {
  addDays,
  CATEGORIES,
  childPath,
  formatRequestNumber,
  generateCardCode,
  localDateOf,
  localTimeToInstant,
  type RequestStatus,
  SUB_TOPIC_LABELS,
} from '@mqlk/shared';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';
import mysql from 'mysql2/promise';
import { createApp } from '../src/bootstrap';
import { benchConfig, connectMariadb, fmt, log, plus, positiveEnv, randomKit } from './bench-kit';
import type { RequestActor } from '../src/common/auth/actor';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import type { AppConfig } from '../src/config/config';
import { dataSourceOptions, openDataSource } from '../src/database/data-source';
import { LEDGER_COLUMNS } from '../src/modules/ledger/ledger-sheet';
import { LEDGER_BATCH, LedgerService } from '../src/modules/ledger/ledger.service';
import { createTestDatabase, type TestDatabase } from '../test/test-app';

/* ------------------------------------------------------------------ parameters */

const N = positiveEnv('BENCH_REQUESTS', 100_000);
/** Rows per multi-row INSERT while loading. */
const CHUNK = 2_000;
const VILLAGES = 10;
const CADRES_PER_VILLAGE = 10;
const FIRST_DAY = '2026-01-05';
const DAYS = 334;
const SAMPLE_MS = 50;

/* ------------------------------------------------------------------ small helpers */

const { random, pick, between } = randomKit(20261205);
const HOUR = 3_600_000;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** A full collection between the phases, so each starts from the same floor. */
const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/* ------------------------------------------------------------------ measuring */

interface Measured {
  rows: number;
  bytes: number;
  ms: number;
  startRss: number;
  startHeap: number;
  peakRss: number;
  peakHeap: number;
  /** heap used at each tenth of the run, to show whether it climbs with the rows written */
  heapTrace: number[];
}

/** A sink that takes everything at once and counts it, as a fast client would. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
}

async function measure(run: (sink: Writable) => Promise<number>): Promise<Measured> {
  gc();
  const start = process.memoryUsage();
  const samples: { at: number; heap: number }[] = [];
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const t0 = performance.now();
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    samples.push({ at: performance.now() - t0, heap: m.heapUsed });
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const { sink, bytes } = countingSink();
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  try {
    const rows = await run(sink);
    await finished;
    const ms = performance.now() - t0;
    sample();
    const heapTrace = Array.from({ length: 10 }, (_, i) => {
      const at = (ms * (i + 1)) / 10;
      return [...samples].reverse().find((s) => s.at <= at)?.heap ?? start.heapUsed;
    });
    return {
      rows,
      bytes: bytes(),
      ms,
      startRss: start.rss,
      startHeap: start.heapUsed,
      peakRss,
      peakHeap,
      heapTrace,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Not timed: the export once more into a sink that forces a full collection at every tenth of the
 * expected output and notes the heap left: what the export holds on to, without its garbage.
 */
async function retainedHeap(run: (sink: Writable) => Promise<number>, expectedBytes: number) {
  gc();
  const floor = process.memoryUsage().heapUsed;
  const retained: number[] = [];
  let bytes = 0;
  let mark = expectedBytes / 10;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes >= mark) {
        mark += expectedBytes / 10;
        gc();
        retained.push(process.memoryUsage().heapUsed - floor);
      }
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on('finish', resolve));
  await run(sink);
  await finished;
  return retained;
}

/**
 * The baseline: exceljs's streaming writer alone, the same number of rows of constant text, with
 * no styles (the ledger's bold header and date formats cost exceljs time on every cell).
 */
async function bareExport(rows: number, sink: Writable): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = wb.addWorksheet('Sheet1');
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header)).commit();
  const row = [
    'MQ-20260605-0042',
    '2026-06-05 09:30',
    '扫码反映',
    '实际困难',
    '饮水',
    '关于饮水方面的问题：家里老人行动不便，麻烦干部上门了解一下情况。联系人住在上组12号。',
    '群*',
    '138****5678',
    '王建华',
    '王建华',
    '村级',
    '2026-06-10 18:00',
    '已关闭',
    '2026-06-08 16:20',
    '已解决：已上门核实并协调相关站所处理，群众表示认可。',
    '满意',
  ];
  for (let i = 0; i < rows; i++) {
    sheet.addRow(row).commit();
    // Let compression and the memory sampler run between batches, as the export's reads do.
    if (i % LEDGER_BATCH === LEDGER_BATCH - 1) await new Promise(setImmediate);
  }
  sheet.commit();
  await wb.commit();
  return rows;
}

/* ------------------------------------------------------------------ the data */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰'];
const POSTS = ['网格员', '包村干部', '村党支部书记', '村委会主任'];
const CHANNELS = ['card_scan', 'card_scan', 'card_scan', 'visit', 'duty_day', 'phone'] as const;
const DETAILS = [
  '已经反映过一次，希望尽快有人来看看。',
  '家里老人行动不便，麻烦干部上门了解一下情况。',
  '村里好几户都有同样的问题，影响日常生活。',
  '下雨天尤其严重，希望在汛期前解决。',
  '不清楚该找哪个部门办理，请帮忙问一下。',
];
/** Status mix of a year's requests (cumulative weights). */
const STATUS_MIX: [RequestStatus, number][] = [
  ['submitted', 0.08],
  ['in_progress', 0.3],
  ['resolved', 0.36],
  ['under_review', 0.38],
  ['rectifying', 0.41],
  ['closed', 0.95],
  ['withdrawn', 1],
];

const personName = () => `${pick(SURNAMES)}${pick(GIVEN)}`;

async function insert(conn: mysql.Connection, table: string, columns: string, rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await conn.query(`INSERT INTO ${table} (${columns}) VALUES ?`, [rows.slice(i, i + CHUNK)]);
  }
}

interface Seeded {
  staff: RequestActor;
  statuses: Record<string, number>;
  ratings: number;
}

/** One township's year, loaded with multi-row INSERTs. */
async function seed(conn: mysql.Connection, config: AppConfig): Promise<Seeded> {
  const phones = new PhoneCipher(config);
  const setUpAt = new Date('2026-01-02T01:00:00Z');
  const countyPath = childPath('/', 1);
  const townPath = childPath(countyPath, 2);
  const units: unknown[][] = [
    [1, null, 'county', '青山县', countyPath, '[]', setUpAt],
    [2, 1, 'township', '石桥镇', townPath, '[]', setUpAt],
  ];
  const villages: { id: number; path: string }[] = [];
  for (let i = 0; i < VILLAGES; i++) {
    const id = 3 + i;
    const p = childPath(townPath, id);
    units.push([id, 2, 'village', `第${i + 1}村`, p, '[]', setUpAt]);
    villages.push({ id, path: p });
  }
  const users: unknown[][] = [
    [1, 'staff', '镇工作人员', 'staff_town', null, 2, null, null, null, setUpAt, setUpAt],
  ];
  const cadreRows: unknown[][] = [];
  const cards: unknown[][] = [];
  const cadres: { id: number; userId: number; unitId: number; unitPath: string }[] = [];
  let userId = 1;
  for (const village of villages) {
    for (let k = 0; k < CADRES_PER_VILLAGE; k++) {
      const id = cadres.length + 1;
      const uid = ++userId;
      const name = personName();
      const phone = phones.protect(`138${String(10_000_000 + id).padStart(8, '0')}`);
      users.push([
        uid,
        'cadre',
        name,
        `cadre${id}`,
        null,
        village.id,
        null,
        null,
        null,
        setUpAt,
        setUpAt,
      ]);
      cadreRows.push([
        id,
        uid,
        village.id,
        name,
        pick(POSTS),
        phone.enc,
        phone.masked,
        '走访联系群众，收集办理诉求',
        '每周一、周四',
        1,
        setUpAt,
      ]);
      cards.push([id, generateCardCode(), id, 'active', setUpAt, null]);
      cadres.push({ id, userId: uid, unitId: village.id, unitPath: village.path });
    }
  }
  const residents: { id: number; enc: string; masked: string }[] = [];
  for (let i = 0; i < Math.max(100, Math.round(N / 5)); i++) {
    const uid = ++userId;
    const phone = phones.protect(`139${String(i).padStart(8, '0')}`);
    users.push([
      uid,
      'resident',
      `群众${phone.masked.slice(-4)}`,
      null,
      phone.hash,
      null,
      phone.enc,
      phone.masked,
      null,
      setUpAt,
      setUpAt,
    ]);
    residents.push({ id: uid, enc: phone.enc, masked: phone.masked });
  }
  await conn.query('BEGIN');
  await insert(conn, 'org_unit', 'id, parent_id, kind, name, path, hotlines, created_at', units);
  await insert(
    conn,
    'user_account',
    'id, role, display_name, username, phone_hash, org_unit_id, phone_enc, phone_masked, locked_until, created_at, updated_at',
    users,
  );
  await insert(
    conn,
    'cadre',
    'id, user_id, org_unit_id, name, post, phone_enc, phone_masked, duties, duty_days, active, created_at',
    cadreRows,
  );
  await insert(conn, 'card', 'id, code, cadre_id, status, issued_at, revoked_at', cards);
  await conn.query('COMMIT');

  const statuses: Record<string, number> = {};
  const submitted = Array.from({ length: N }, () =>
    plus(
      localTimeToInstant(addDays(FIRST_DAY, between(0, DAYS - 1)), '07:30'),
      between(0, 12 * 60) * 60_000,
    ),
  ).sort((a, b) => a.getTime() - b.getTime());
  const perDay = new Map<string, number>();
  let ratingId = 0;
  for (let start = 0; start < N; start += CHUNK) {
    const requests: unknown[][] = [];
    const ratings: unknown[][] = [];
    for (let id = start + 1; id <= Math.min(N, start + CHUNK); id++) {
      const s = submitted[id - 1]!;
      const day = localDateOf(s);
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      const cadre = pick(cadres);
      const resident = pick(residents);
      const channel = pick(CHANNELS);
      const category = pick(CATEGORIES.filter((c) => c.code !== 'conduct'));
      const subTopic = random() < 0.9 ? pick(category.subTopics) : null;
      const matter = subTopic ? SUB_TOPIC_LABELS[subTopic] : category.label;
      const lead = random() < 0.01 ? pick(['=', '-', '+', '@']) : '';
      const text = `${lead}关于${matter}方面的问题：${pick(DETAILS)}联系人住在${between(1, 12)}组${between(1, 40)}号。`;
      const roll = random();
      const status = STATUS_MIX.find(([, upTo]) => roll < upTo)![0];
      statuses[status] = (statuses[status] ?? 0) + 1;
      const wasResolved = ['resolved', 'under_review', 'rectifying', 'closed'].includes(status);
      const resolvedAt = wasResolved ? plus(s, between(2, 96) * HOUR) : null;
      const round = status === 'rectifying' ? 2 : 1;
      requests.push([
        id,
        formatRequestNumber(day, seq),
        channel,
        category.code,
        subTopic,
        text,
        resident.enc,
        resident.masked,
        resident.id,
        channel === 'card_scan' ? cadre.id : null,
        cadre.id,
        cadre.userId,
        cadre.unitId,
        cadre.unitPath,
        'village',
        status,
        round,
        plus(s, 24 * HOUR),
        plus(s, 96 * HOUR),
        s,
        resolvedAt,
        resolvedAt ? pick(['solved', 'solved', 'solved', 'explained']) : null,
        resolvedAt ? '已上门核实并协调相关站所处理，群众表示认可。' : null,
        2,
        s,
        resolvedAt ?? s,
      ]);
      const rated = status === 'under_review' || (status === 'closed' && random() < 0.8);
      if (rated) {
        const level = status === 'under_review' ? between(1, 2) : pick([5, 5, 4, 4, 4, 3, 2]);
        const excluded = status === 'closed' && level <= 2 && random() < 0.5;
        ratings.push([
          ++ratingId,
          id,
          1,
          level,
          level >= 3 ? 'solved' : 'unsolved',
          '',
          null,
          resident.id,
          cadre.userId,
          cadre.unitId,
          cadre.unitPath,
          excluded ? 1 : 0,
          plus(resolvedAt!, 20 * HOUR),
        ]);
      }
    }
    await conn.query('BEGIN');
    await insert(
      conn,
      'request',
      'id, number, channel, category, sub_topic, text, contact_phone_enc, contact_phone_masked, requester_id, card_id, first_contact_cadre_id, owner_user_id, owner_unit_id, owner_unit_path, level, status, round, accept_due_at, due_at, submitted_at, resolved_at, resolution_outcome, resolution_note, version, created_at, updated_at',
      requests,
    );
    await insert(
      conn,
      'rating',
      'id, request_id, round, level, solved, tags, comment, rater_user_id, owner_user_id, owner_unit_id, owner_unit_path, excluded, created_at',
      ratings,
    );
    await conn.query('COMMIT');
  }
  await conn.query(`INSERT INTO day_sequence (day, last_value) VALUES ?`, [
    [...perDay.entries()].map(([d, n]) => [d.replace(/-/g, ''), n]),
  ]);
  await conn.query('ANALYZE TABLE request, rating, user_account, cadre');
  return {
    staff: {
      userId: 1,
      role: 'staff',
      displayName: '镇工作人员',
      orgUnitId: 2,
      orgUnitPath: townPath,
      cadreId: null,
    },
    statuses,
    ratings: ratingId,
  };
}

/* ------------------------------------------------------------------ main */

async function main(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error('TEST_DATABASE_URL is not set: run `pnpm --filter @mqlk/server bench:ledger`');
  }
  let db: TestDatabase | null = null;
  let conn: mysql.Connection | null = null;
  let app: NestFastifyApplication | null = null;
  try {
    db = await createTestDatabase('mariadb');
    const config = benchConfig(db.url);
    let t0 = performance.now();
    await (await openDataSource(dataSourceOptions(config.database))).destroy();
    conn = await connectMariadb(db.url);
    const [[server]] = (await conn.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
    log(`ledger benchmark: N=${fmt(N)} requests in one township; batch ${fmt(LEDGER_BATCH)}`);
    log(`MariaDB ${server?.v}; Node ${process.version}, ${os.cpus().length} CPUs`);
    log(`migrated in ${((performance.now() - t0) / 1000).toFixed(2)} s`);

    t0 = performance.now();
    const data = await seed(conn, config);
    log(
      `loaded ${fmt(N)} requests (${Object.entries(data.statuses)
        .map(([s, n]) => `${s} ${fmt(n)}`)
        .join(
          ', ',
        )}) and ${fmt(data.ratings)} ratings in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    );

    app = await createApp(config);
    const ledger = app.get(LedgerService);

    const baseline = await measure((sink) => bareExport(N, sink));
    const project = await measure(async (sink) =>
      ledger.write(await ledger.prepare(data.staff, {}), sink),
    );
    if (project.rows !== N) throw new Error(`the ledger wrote ${project.rows} rows, not ${N}`);
    const retained = await retainedHeap(
      async (sink) => ledger.write(await ledger.prepare(data.staff, {}), sink),
      project.bytes,
    );

    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '-');
    const rowsPerS = (m: Measured) => m.rows / (m.ms / 1000);
    const table: [string, string, string, string][] = [
      ['', 'project', 'baseline', 'project/baseline'],
      ['rows', fmt(project.rows), fmt(baseline.rows), ''],
      ['xlsx bytes', fmt(project.bytes), fmt(baseline.bytes), ratio(project.bytes, baseline.bytes)],
      [
        'time (s)',
        (project.ms / 1000).toFixed(2),
        (baseline.ms / 1000).toFixed(2),
        ratio(project.ms, baseline.ms),
      ],
      [
        'rows/s',
        fmt(rowsPerS(project)),
        fmt(rowsPerS(baseline)),
        ratio(rowsPerS(project), rowsPerS(baseline)),
      ],
      ['RSS at start (MB)', mb(project.startRss), mb(baseline.startRss), ''],
      [
        'peak RSS (MB)',
        mb(project.peakRss),
        mb(baseline.peakRss),
        ratio(project.peakRss, baseline.peakRss),
      ],
      [
        'peak RSS - start (MB)',
        mb(project.peakRss - project.startRss),
        mb(baseline.peakRss - baseline.startRss),
        ratio(project.peakRss - project.startRss, baseline.peakRss - baseline.startRss),
      ],
      ['heap at start (MB)', mb(project.startHeap), mb(baseline.startHeap), ''],
      [
        'peak heap (MB)',
        mb(project.peakHeap),
        mb(baseline.peakHeap),
        ratio(project.peakHeap, baseline.peakHeap),
      ],
      [
        'peak heap - start (MB)',
        mb(project.peakHeap - project.startHeap),
        mb(baseline.peakHeap - baseline.startHeap),
        ratio(project.peakHeap - project.startHeap, baseline.peakHeap - baseline.startHeap),
      ],
    ];
    log('\n' + '='.repeat(90));
    log(`ledger export of ${fmt(N)} requests — project: LedgerService.prepare + write (MariaDB,`);
    log(
      'Nest app, counting sink); baseline: exceljs WorkbookWriter, constant strings, no database',
    );
    log('-'.repeat(90));
    for (const [a, b, c, d] of table) {
      log(`${a.padEnd(26)}${b.padStart(20)}${c.padStart(20)}${d.padStart(20)}`);
    }
    log('='.repeat(90));
    log(`heap used at each tenth of the run (MB): project ${project.heapTrace.map(mb).join(' ')}`);
    log(`                                        baseline ${baseline.heapTrace.map(mb).join(' ')}`);
    log(
      `heap the export holds after a full GC, at each tenth of its output (MB): ${retained.map(mb).join(' ')}`,
    );
    log(
      `peak RSS of the whole process (getrusage): ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
    );
  } finally {
    if (app) await app.close().catch(() => {});
    if (conn) await conn.end().catch(() => {});
    if (db) {
      await db
        .drop()
        .catch((err: Error) => log(`could not drop the bench database: ${err.message}`));
      log('dropped the bench database');
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
