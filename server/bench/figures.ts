/**
 * Benchmark, not a test: what the figures pages cost as the years pile up. For each size in
 * FIGURES_SIZES (default 200,000 then 2,000,000 requests), on a MariaDB database of its own:
 *
 *   1. the schema from the migrations, a county (10 townships × 20 villages, 2 cadres per village,
 *      2 staff per township and at the county), and N requests over the two years up to now with
 *      their clocks, timeline and ratings, as the server writes them (bench/figures-data.ts);
 *   2. the rollups built with `metricLedgerFor(db).rebuild()` (timed), and one township's month
 *      (one village's above 500,000 requests) reconciled against the raw rows;
 *   3. the built server (dist/main.js, started as e2e/harness.ts starts the product) answering
 *      GET /api/stats/units for the county and for one township, for the last whole month and
 *      for this calendar year: FIGURES_CALLS (30) timed calls each after 5 warm-up calls, its
 *      resident memory read from /proc every 20 ms;
 *   4. beside them, in the same run, a plain GROUP BY over the raw tables answering a comparable
 *      question for the same scope and period (ratings by owner and level, received and resolved
 *      by owner, clocks due and met by owner), timed the same way.
 *
 * It prints p50 / p95 of each, the growth from the first size, the server's peak memory, the
 * plans MariaDB chose, and whether the targets of issue 9 hold (p95 ≤ 50 ms at the largest
 * size, ≤ 1.5× from the first size, the server's memory flat).
 *
 *   pnpm --filter @mqlk/server build        (the benchmark starts the built server)
 *   pnpm --filter @mqlk/server bench:figures
 *   FIGURES_SIZES=20000,200000 FIGURES_CALLS=30 pnpm --filter @mqlk/server bench:figures
 *   FIGURES_SIZES=2000000 FIGURES_KEEP=1 pnpm --filter @mqlk/server bench:figures   (load once, rerun;
 *     FIGURES_REBUILD=1 rebuilds the kept rollups)
 *   FIGURES_RAW_MAX_SIZE=200000 skips the plain GROUP BYs above that size; FIGURES_RAW_MIN_RUNS
 *     sets their fewest runs (5)
 *
 * The server runs without its background jobs (JOBS_ENABLED=false, see figures-server.ts).
 *
 * scripts/test-db.mjs provides TEST_DATABASE_URL; each size's database is made next to it
 * (test/test-app.ts createTestDatabase) and dropped after its measurements, also on failure.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  addDays,
  daysOfMonth,
  localDateOf,
  localDay,
  localTimeToInstant,
  monthKey,
  monthOfDay,
  rollupPlan,
  startOfLocalDay,
  toDayRange,
} from '@mqlk/shared';
import type mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { benchConfig, connectMariadb, fmt, log, positiveEnv } from './bench-kit';
import {
  BENCH_PASSWORD,
  buildWorld,
  COUNTY_USERNAME,
  DAYS,
  insertWorld,
  loadRequests,
  TOWNSHIP_USERNAME,
} from './figures-data';
import {
  BenchServer,
  cpuMsOf,
  MAIN_JS,
  memoryOf,
  snapshotBuild,
  staleBuild,
} from './figures-server';
import { dataSourceOptions, openDataSource } from '../src/database/data-source';
import { metricLedgerFor } from '../src/database/metric-ledger-for';
import { MetricRepository } from '../src/modules/metrics/metric.repository';
import { createTestDatabase, type TestDatabase } from '../test/test-app';

/* ------------------------------------------------------------------ parameters */

function sizesFromEnv(key: string, fallback: number[]): number[] {
  const raw = process.env[key]?.replace(/_/g, '');
  if (!raw) return fallback;
  return raw.split(',').map((part) => {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 100) throw new Error(`${key}: each size must be >= 100`);
    return n;
  });
}

function callsFromEnv(key: string, fallback: number): number {
  const n = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(n) || n < 5) throw new Error(`${key} must be a whole number >= 5`);
  return n;
}

const SIZES = sizesFromEnv('FIGURES_SIZES', [200_000, 2_000_000]);
const CALLS = callsFromEnv('FIGURES_CALLS', 30);
const RAW_CALLS = callsFromEnv('FIGURES_RAW_CALLS', CALLS);
/**
 * Seconds the plain GROUP BYs of one scope and period may take in all: fewer runs (at least 5)
 * when each takes seconds, as at 2,000,000 requests.
 */
const RAW_BUDGET_S = Number(process.env.FIGURES_RAW_BUDGET_S ?? 90);
/**
 * Runs of the plain GROUP BYs at the least, whatever the budget (after one warm-up run). At
 * 2,000,000 requests one run reads gigabytes past a 128 MB buffer pool and takes about a minute.
 */
/**
 * Sizes above this skip the plain GROUP BYs (none by default): at 2,000,000 requests one of them
 * took over two minutes on the 2-core test machine, too long for a session beside the tests.
 */
const RAW_MAX_SIZE = Number(process.env.FIGURES_RAW_MAX_SIZE ?? Infinity);
const RAW_MIN_RUNS = Number(process.env.FIGURES_RAW_MIN_RUNS ?? 5);
if (!Number.isInteger(RAW_MIN_RUNS) || RAW_MIN_RUNS < 1) {
  throw new Error('FIGURES_RAW_MIN_RUNS must be a whole number >= 1');
}
const WARM_UP = 5;
/** Reconcile a township up to this size, one of its villages above it (reconcile loads every row). */
const RECONCILE_TOWNSHIP_UP_TO = positiveEnv('FIGURES_RECONCILE_TOWNSHIP_UP_TO', 500_000);
/**
 * FIGURES_KEEP=1: each size's database is named mqlk_figures_<size> and kept after the run; a
 * later run that finds it loaded reuses the requests (loading 2,000,000 takes over half an hour)
 * and rebuilds the rollups and measures as usual. Drop it by hand when done.
 */
const KEEP = process.env.FIGURES_KEEP === '1';
const SEED = 20261206;
const SAMPLE_MS = 20;
const TARGET_P95_MS = 50;
const TARGET_GROWTH = 1.5;
/** "Flat": the server's peak during the calls grows by at most this factor from the first size. */
const FLAT_MEMORY = 1.2;

/* ------------------------------------------------------------------ small helpers */

const ms = (n: number) =>
  Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '-');

/** Nearest-rank percentile. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
}

const timingOf = (samples: number[]): Timing => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  max: Math.max(...samples),
});

/* ------------------------------------------------------------------ what is measured */

interface Period {
  name: 'month' | 'year';
  from: string;
  to: string;
}

interface Query {
  name: string;
  who: 'county' | 'township';
  period: Period;
  level: 'cadre' | 'village';
}

function periods(now: Date): Period[] {
  const thisMonth = monthOfDay(localDay(now));
  const last = daysOfMonth(thisMonth - 1);
  const date = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const year = localDateOf(now).slice(0, 4);
  return [
    { name: 'month', from: date(last.first), to: date(last.last) },
    { name: 'year', from: `${year}-01-01`, to: `${year}-12-31` },
  ];
}

function queries(now: Date): Query[] {
  const [month, year] = periods(now) as [Period, Period];
  return [month, year].flatMap((period) => [
    {
      name: `county ${period.name}, cadres`,
      who: 'county' as const,
      period,
      level: 'cadre' as const,
    },
    {
      name: `county ${period.name}, villages`,
      who: 'county' as const,
      period,
      level: 'village' as const,
    },
    {
      name: `township ${period.name}, cadres`,
      who: 'township' as const,
      period,
      level: 'cadre' as const,
    },
  ]);
}

interface Scope {
  county: { id: number; path: string };
  township: { id: number; path: string };
}

interface Row {
  size: number;
  query: string;
  figures: Timing;
  raw: Timing & { runs: number };
  /** the server's resident memory, highest sample during this query's calls */
  peakRss: number;
  /** the server's CPU time per call (user + system): unlike wall time, not stretched by other load */
  cpuMs: number;
  cells: number;
  /** MetricRepository.sums alone, from the benchmark's process */
  rollupRead: Timing;
  bytes: number;
}

interface SizeResult {
  size: number;
  rows: Row[];
  loadS: number;
  rebuildS: number;
  facts: number;
  rssBefore: number;
  peakRss: number;
  hwm: number;
}

/* ------------------------------------------------------------------ the plain GROUP BY */

/** The raw tables' answer to the same scope and period: three GROUP BYs, one after the other. */
function rawStatements(unitPath: string, period: Period, now: Date): [string, unknown[]][] {
  const from = localTimeToInstant(period.from, '00:00');
  const to = localTimeToInstant(addDays(period.to, 1), '00:00');
  const like = `${unitPath}%`;
  return [
    [
      `SELECT owner_user_id, level, COUNT(*) AS n, SUM(solved = 'solved') AS solved
         FROM rating
        WHERE owner_unit_path LIKE ? AND created_at >= ? AND created_at < ? AND excluded = 0
        GROUP BY owner_user_id, level`,
      [like, from, to],
    ],
    [
      `SELECT owner_user_id, SUM(submitted_at >= ? AND submitted_at < ?) AS received,
              SUM(resolved_at >= ? AND resolved_at < ?) AS resolved
         FROM request
        WHERE owner_unit_path LIKE ?
          AND (submitted_at >= ? AND submitted_at < ? OR resolved_at >= ? AND resolved_at < ?)
        GROUP BY owner_user_id`,
      [from, to, from, to, like, from, to, from, to],
    ],
    [
      `SELECT owner_user_id, kind = 'accept' AS accept, COUNT(*) AS due, SUM(result = 'met') AS met
         FROM request_clock
        WHERE owner_unit_path LIKE ? AND due_at >= ? AND due_at < ? AND due_at < ?
          AND (result IS NULL OR result <> 'void')
        GROUP BY owner_user_id, kind = 'accept'`,
      [like, from, to, now],
    ],
  ];
}

async function timeRaw(
  conn: mysql.Connection,
  statements: [string, unknown[]][],
): Promise<Timing & { runs: number }> {
  const run = async () => {
    const t0 = performance.now();
    for (const [sql, params] of statements) await conn.query(sql, params);
    return performance.now() - t0;
  };
  const warm = await run();
  const runs = Math.min(
    RAW_CALLS,
    Math.max(RAW_MIN_RUNS, Math.floor((RAW_BUDGET_S * 1000) / warm)),
  );
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await run());
  return { ...timingOf(samples), runs };
}

async function explain(conn: mysql.Connection, sql: string, params: unknown[]): Promise<string[]> {
  const [plan] = (await conn.query(`EXPLAIN ${sql}`, params)) as unknown as [
    Record<string, unknown>[],
  ];
  return plan.map(
    (p) =>
      `${String(p.table)}: type=${String(p.type)} key=${String(p.key)} rows=${String(p.rows)} ` +
      `extra=${String(p.Extra ?? '')}`,
  );
}

/* ------------------------------------------------------------------ one size */

async function tableSizes(conn: mysql.Connection, tables: string[]): Promise<string> {
  const [rows] = (await conn.query(
    `SELECT table_name AS t, table_rows AS n, data_length + index_length AS b
       FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN (?)`,
    [tables],
  )) as unknown as [{ t: string; n: number; b: number }[]];
  return rows
    .sort((a, b) => tables.indexOf(a.t) - tables.indexOf(b.t))
    .map((r) => `${r.t} ~${fmt(Number(r.n))} rows ${mb(Number(r.b))} MB`)
    .join(', ');
}

async function count(conn: mysql.Connection, sql: string): Promise<number> {
  const [[row]] = (await conn.query(sql)) as unknown as [{ n: number }[]];
  return Number(row?.n ?? 0);
}

/** The county and its requests, written as the server writes them; returns the seconds taken. */
async function load(
  conn: mysql.Connection,
  config: ReturnType<typeof benchConfig>,
  size: number,
  now: Date,
  started: number,
): Promise<number> {
  let t0 = started;
  log(`  schema from the migrations in ${secs(t0)} s`);
  t0 = performance.now();
  const world = await buildWorld(config, Math.max(1_000, Math.round(size / 5)), SEED);
  await insertWorld(conn, world);
  log(
    `  county: ${world.townships.length} townships, ${fmt(world.cadres.length)} cadres, ` +
      `${fmt(world.residents.length)} residents (${secs(t0)} s)`,
  );
  t0 = performance.now();
  let reported = 0;
  const loaded = await loadRequests(conn, world, size, now, SEED + size, (done) => {
    if (done - reported >= size / 10 || done === size) {
      reported = done;
      const s = (performance.now() - t0) / 1000;
      log(`  loaded ${fmt(done)} requests in ${s.toFixed(0)} s (${fmt(done / s)} requests/s)`);
    }
  });
  const loadS = (performance.now() - t0) / 1000;
  await conn.query('ANALYZE TABLE request, request_clock, request_event, rating');
  log(
    `  rows: ${fmt(loaded.requests)} requests, ${fmt(loaded.clocks)} clocks, ${fmt(loaded.events)} events, ` +
      `${fmt(loaded.ratings)} ratings in ${loadS.toFixed(0)} s ` +
      `(${fmt((loaded.requests + loaded.clocks + loaded.events + loaded.ratings) / loadS)} rows/s)`,
  );
  const m = loaded.mix;
  log(
    `  mix: ${Object.entries(m.statuses)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}; escalated ${fmt(m.escalated)}, transferred ${fmt(m.transferred)}, ` +
      `on the spot ${fmt(m.onSpot)}, conduct ${fmt(m.conduct)}, rectified ${fmt(m.rectified)}, ` +
      `ratings excluded ${fmt(m.excludedRatings)}`,
  );
  log(`  ${await tableSizes(conn, ['request', 'request_clock', 'request_event', 'rating'])}`);

  if (KEEP) await conn.query('CREATE TABLE bench_loaded (size INT NOT NULL)');
  return loadS;
}

/** The database of one size: a new one dropped after it, or with FIGURES_KEEP the kept one. */
async function databaseFor(size: number): Promise<TestDatabase & { loaded: boolean }> {
  if (!KEEP) return { ...(await createTestDatabase('mariadb')), loaded: false };
  const name = `mqlk_figures_${size}`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const admin = await connectMariadb(process.env.TEST_DATABASE_URL!);
  try {
    const loaded = await count(
      admin,
      `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = '${name}' AND table_name = 'bench_loaded'`,
    );
    if (!loaded) {
      // Nothing kept, or a load that did not finish: start again from an empty database.
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.query(
        `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    }
    log(`  FIGURES_KEEP: database ${name} kept${loaded ? ', its requests reused' : ''}`);
    return {
      dialect: 'mariadb',
      url: url.toString(),
      drop: async () => void log(`  kept ${name} (DROP DATABASE \`${name}\` when done)`),
      loaded: loaded > 0,
    };
  } finally {
    await admin.end();
  }
}

/** The rollups rebuilt from the raw rows, timed; returns the seconds taken. */
async function rebuild(ds: DataSource, conn: mysql.Connection, size: number): Promise<number> {
  const t0 = performance.now();
  let next = size / 10;
  const rebuilt = await metricLedgerFor(ds).rebuild((done) => {
    if (done >= next) {
      next += size / 10;
      const s = (performance.now() - t0) / 1000;
      log(`  rebuilt ${fmt(done)} requests' facts in ${s.toFixed(0)} s (${fmt(done / s)}/s)`);
    }
  });
  const rebuildS = (performance.now() - t0) / 1000;
  await conn.query('ANALYZE TABLE metric_fact, metric_daily, metric_monthly');
  const facts = await count(conn, 'SELECT COUNT(*) AS n FROM metric_fact');
  log(
    `  REBUILD: ${fmt(rebuilt)} requests in ${rebuildS.toFixed(1)} s = ${fmt(rebuilt / rebuildS)} requests/s, ` +
      `${fmt(facts / rebuildS)} facts/s (${fmt(facts)} facts; ` +
      `${fmt(await count(conn, 'SELECT COUNT(*) AS n FROM metric_daily'))} daily and ` +
      `${fmt(await count(conn, 'SELECT COUNT(*) AS n FROM metric_monthly'))} monthly rows)`,
  );
  log(`  ${await tableSizes(conn, ['metric_fact', 'metric_daily', 'metric_monthly'])}`);
  return rebuildS;
}

async function loadAndRoll(
  db: TestDatabase & { loaded: boolean },
  size: number,
  now: Date,
  scope: Scope,
): Promise<{ conn: mysql.Connection; loadS: number; rebuildS: number; facts: number }> {
  const config = benchConfig(db.url);
  const t0 = performance.now();
  const ds: DataSource = await openDataSource(dataSourceOptions(config.database));
  const conn = await connectMariadb(db.url);
  try {
    const loadS = db.loaded ? 0 : await load(conn, config, size, now, t0);
    // A kept database keeps its rollups too, unless asked to rebuild them (after a change to
    // what they hold): the marker is written only once a rebuild has finished.
    const [[marker]] = (await conn.query(
      "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'bench_rolled'",
    )) as unknown as [{ n: number }[]];
    let rebuildS = 0;
    if (db.loaded && Number(marker?.n) > 0 && process.env.FIGURES_REBUILD !== '1') {
      log('  rollups kept from an earlier run (FIGURES_REBUILD=1 rebuilds them)');
    } else {
      await conn.query('DROP TABLE IF EXISTS bench_rolled');
      rebuildS = await rebuild(ds, conn, size);
      if (KEEP) await conn.query('CREATE TABLE bench_rolled (size INT NOT NULL)');
    }
    const facts = await count(conn, 'SELECT COUNT(*) AS n FROM metric_fact');

    await reconcile(ds, conn, size, now, scope);
    return { conn, loadS, rebuildS, facts };
  } catch (err) {
    await conn.end().catch(() => {});
    throw err;
  } finally {
    await ds.destroy();
  }
}

async function reconcile(
  ds: DataSource,
  conn: mysql.Connection,
  size: number,
  now: Date,
  scope: Scope,
): Promise<void> {
  const [month] = periods(now) as [Period];
  let path = scope.township.path;
  if (size > RECONCILE_TOWNSHIP_UP_TO) {
    const [[village]] = (await conn.query(
      "SELECT path FROM org_unit WHERE kind = 'village' AND path LIKE ? ORDER BY id LIMIT 1",
      [`${scope.township.path}%`],
    )) as unknown as [{ path: string }[]];
    path = village!.path;
  }
  const t0 = performance.now();
  const check = await metricLedgerFor(ds).reconcile(path, month, now);
  const same = JSON.stringify(check.reference) === JSON.stringify(check.fromRollups);
  const ok = same && check.staleRequests.length === 0 && check.rollupProblems.length === 0;
  log(
    `  reconcile ${path} ${month.from} … ${month.to}: ${ok ? 'figures match the raw rows' : 'DIFFERENT'} ` +
      `(received ${check.reference.received}, resolved ${check.reference.resolved}, ` +
      `ratings ${check.reference.ratings}; ${secs(t0)} s)`,
  );
  if (!ok) {
    log(`    stale requests: ${check.staleRequests.slice(0, 10).join(', ')}`);
    for (const p of check.rollupProblems.slice(0, 10)) log(`    ${p}`);
    log(`    reference ${JSON.stringify(check.reference)}`);
    log(`    rollups   ${JSON.stringify(check.fromRollups)}`);
    throw new Error('reconcile found differences between the rollups and the raw rows');
  }
}

/**
 * How many rollup cells the figures of a query add up, and how long reading them takes on its
 * own (MetricRepository.sums, the figures' one read of the rollups, from this process).
 */
async function rollupReads(db: TestDatabase, now: Date, scope: Scope, qs: Query[]) {
  const ds = await openDataSource({
    ...dataSourceOptions(benchConfig(db.url).database),
    migrationsRun: false,
  });
  try {
    const metrics = new MetricRepository(ds);
    const reads = new Map<string, { cells: number; sql: Timing }>();
    for (const q of qs) {
      const range = toDayRange(q.period);
      const read = () =>
        metrics.sums({
          ...rollupPlan(range, localDay(now)),
          nowMs: now.getTime(),
          unitPath: scope[q.who].path,
          countedAfter: range.last,
        });
      const cells = (await read()).length;
      const samples: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const t = performance.now();
        await read();
        samples.push(performance.now() - t);
      }
      reads.set(q.name, { cells, sql: timingOf(samples) });
    }
    return reads;
  } finally {
    await ds.destroy();
  }
}

async function measureSize(size: number, now: Date, mainJs: string): Promise<SizeResult> {
  log(`\n${'='.repeat(100)}\n${fmt(size)} requests\n${'='.repeat(100)}`);
  const db = await databaseFor(size);
  let conn: mysql.Connection | null = null;
  let server: BenchServer | null = null;
  try {
    // Ids are fixed by the data: the county is unit 1, the first township unit 2.
    const scope: Scope = { county: { id: 1, path: '/1/' }, township: { id: 2, path: '/1/2/' } };
    const prepared = await loadAndRoll(db, size, now, scope);
    conn = prepared.conn;
    const qs = queries(now);
    const reads = await rollupReads(db, now, scope, qs);

    let t0 = performance.now();
    server = await BenchServer.start(mainJs, db.url);
    running = server;
    const booted = memoryOf(server.pid);
    log(`  server (dist/main.js) up in ${secs(t0)} s, RSS ${mb(booted.rss)} MB`);
    const tokens = {
      county: await server.signIn(COUNTY_USERNAME, BENCH_PASSWORD),
      township: await server.signIn(TOWNSHIP_USERNAME, BENCH_PASSWORD),
    };
    const route = (q: Query) =>
      `/api/stats/units?unitId=${scope[q.who].id}&from=${q.period.from}&to=${q.period.to}&level=${q.level}`;

    // Every query warmed up first, so that the first measured one does not pay for the JIT.
    for (const q of qs) {
      for (let i = 0; i < WARM_UP; i++) {
        const res = await server.get(tokens[q.who], route(q));
        if (res.status !== 200) throw new Error(`${route(q)}: ${res.status} ${res.text}`);
      }
    }
    const rssBefore = memoryOf(server.pid).rss;
    log(
      `  load average before the calls: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const rows: Row[] = [];
    const measured: {
      q: Query;
      samples: number[];
      queryPeak: number;
      cpuMs: number;
      bytes: number;
      figures: {
        rows: { items: unknown[]; total: number };
        total: { received: number; resolved: number; ratings: number };
      };
    }[] = [];
    const rawByScope = new Map<string, Timing & { runs: number }>();
    let peakRss = rssBefore;
    for (const q of qs) {
      let queryPeak = 0;
      const sample = () => {
        const { rss } = memoryOf(server!.pid);
        queryPeak = Math.max(queryPeak, rss);
      };
      const timer = setInterval(sample, SAMPLE_MS);
      const samples: number[] = [];
      let bytes = 0;
      let body = '';
      const cpu0 = cpuMsOf(server.pid);
      try {
        for (let i = 0; i < CALLS; i++) {
          const t = performance.now();
          const res = await server.get(tokens[q.who], route(q));
          samples.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`${route(q)}: ${res.status} ${res.text}`);
          bytes = res.text.length;
          body = res.text;
        }
      } finally {
        clearInterval(timer);
      }
      sample();
      const cpuMs = (cpuMsOf(server.pid) - cpu0) / CALLS;
      peakRss = Math.max(peakRss, queryPeak);
      const figures = JSON.parse(body) as {
        rows: { items: unknown[]; total: number };
        total: { received: number; resolved: number; ratings: number };
      };
      measured.push({ q, samples, queryPeak, cpuMs, bytes, figures });
    }
    // The plain GROUP BYs after every call, so that the server sees the same run of calls at
    // every size (idle gaps between them let V8 shrink its heap, which made the peaks unequal).
    for (const { q, samples, queryPeak, cpuMs, bytes, figures } of measured) {
      const key = `${q.who} ${q.period.name}`;
      if (!rawByScope.has(key)) {
        rawByScope.set(
          key,
          size > RAW_MAX_SIZE
            ? { p50: NaN, p95: NaN, max: NaN, runs: 0 }
            : await timeRaw(conn, rawStatements(scope[q.who].path, q.period, now)),
        );
      }
      const row: Row = {
        size,
        query: q.name,
        figures: timingOf(samples),
        raw: rawByScope.get(key)!,
        peakRss: queryPeak,
        cpuMs,
        cells: reads.get(q.name)!.cells,
        rollupRead: reads.get(q.name)!.sql,
        bytes,
      };
      rows.push(row);
      log(
        `  ${q.name.padEnd(26)} p50 ${ms(row.figures.p50).padStart(6)} ms  p95 ${ms(row.figures.p95).padStart(6)} ms  ` +
          `max ${ms(row.figures.max).padStart(6)} ms, server CPU ${ms(cpuMs)} ms/call | raw GROUP BY p50 ${ms(row.raw.p50).padStart(7)} ms ` +
          `p95 ${ms(row.raw.p95).padStart(7)} ms (${row.raw.runs} runs) | server peak ${mb(queryPeak)} MB | ` +
          `${fmt(row.cells)} rollup cells read in ${ms(row.rollupRead.p50)} ms (p50), ` +
          `${figures.rows.items.length} of ${fmt(figures.rows.total)} rows, ${fmt(bytes)} characters of JSON; ` +
          `total received ${fmt(figures.total.received)}, resolved ${fmt(figures.total.resolved)}, ` +
          `ratings ${fmt(figures.total.ratings)}`,
      );
    }
    const hwm = memoryOf(server.pid).hwm;
    log(
      `  load average after the calls: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    log(
      `  server memory: ${mb(rssBefore)} MB after warm-up, ${mb(peakRss)} MB peak during the calls, ` +
        `VmHWM ${mb(hwm)} MB (since start, migrations check included)`,
    );
    const warnings = server.output().trim();
    if (warnings) log(`  server said:\n${warnings.split('\n').slice(-10).join('\n')}`);
    await server.stop();
    server = null;

    t0 = performance.now();
    log('  plans (EXPLAIN), county month:');
    const [month] = periods(now) as [Period];
    const monthNo = monthOfDay(toDayRange(month).first);
    // The shapes of MetricRepository.sums' parts (two measures stand for all of them).
    const sumsSql = (table: string, where: string) =>
      `SELECT owner_user_id, unit_path, self_subject, SUM(accept_due), SUM(deadline_due) FROM ${table} ` +
      `WHERE ${where} AND unit_path LIKE ? AND next_day > 0 GROUP BY owner_user_id, unit_path, self_subject`;
    for (const line of await explain(conn, sumsSql('metric_monthly', 'month BETWEEN ? AND ?'), [
      monthNo,
      monthNo,
      '/1/%',
    ])) {
      log(`    rollup ${monthKey(monthNo)} ${line}`);
    }
    const today = localDay(now);
    for (const line of await explain(conn, sumsSql('metric_daily', 'day BETWEEN ? AND ?'), [
      today - 30,
      today,
      '/1/%',
    ])) {
      log(`    rollup days ${line}`);
    }
    for (const line of await explain(conn, sumsSql('metric_due', 'due_at >= ? AND due_at < ?'), [
      now.getTime(),
      startOfLocalDay(addDays(localDateOf(now), 1)).getTime(),
      '/1/%',
    ])) {
      log(`    pending clocks ${line}`);
    }
    for (const [sql, params] of rawStatements('/1/', month, now)) {
      for (const line of await explain(conn, sql, params)) log(`    raw ${line}`);
    }
    return {
      size,
      rows,
      loadS: prepared.loadS,
      rebuildS: prepared.rebuildS,
      facts: prepared.facts,
      rssBefore,
      peakRss,
      hwm,
    };
  } finally {
    if (server) await server.stop().catch(() => {});
    if (conn) await conn.end().catch(() => {});
    await db.drop().catch((err: Error) => log(`could not drop the bench database: ${err.message}`));
    log(`  dropped the ${fmt(size)}-request database`);
  }
}

/* ------------------------------------------------------------------ the table */

function printTable(results: SizeResult[]): void {
  const first = results[0]!;
  const head = [
    'size',
    'query',
    'p50 ms',
    'p95 ms',
    'raw p50',
    'raw p95',
    `p50 /${fmt(first.size / 1000)}k`,
    `p95 /${fmt(first.size / 1000)}k`,
    'CPU ms',
    'read ms',
    'cells',
    'server MB',
  ];
  const widths = [11, 26, 8, 8, 9, 9, 10, 10, 7, 8, 7, 10];
  const line = (cols: string[]) =>
    cols.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  log(`\n${'='.repeat(132)}`);
  log(
    `figures from rollups (GET /api/stats/units, built server, ${CALLS} calls after ${WARM_UP} warm-up) ` +
      `beside a plain GROUP BY over the raw tables (up to ${RAW_CALLS} runs, ${RAW_BUDGET_S} s each)`,
  );
  log('-'.repeat(132));
  log(line(head));
  for (const r of results) {
    for (const row of r.rows) {
      const base = first.rows.find((b) => b.query === row.query)!;
      const same = r === first;
      log(
        line([
          fmt(r.size),
          row.query,
          ms(row.figures.p50),
          ms(row.figures.p95),
          ms(row.raw.p50),
          ms(row.raw.p95),
          same ? '' : ratio(row.figures.p50, base.figures.p50),
          same ? '' : ratio(row.figures.p95, base.figures.p95),
          ms(row.cpuMs),
          ms(row.rollupRead.p50),
          fmt(row.cells),
          mb(row.peakRss),
        ]),
      );
    }
  }
  log('-'.repeat(132));
  for (const r of results) {
    log(
      `${fmt(r.size).padStart(11)} requests: ${r.loadS ? `loaded in ${r.loadS.toFixed(0)} s` : 'kept from an earlier run'}; ` +
        (r.rebuildS
          ? `rollups rebuilt in ${r.rebuildS.toFixed(1)} s (${fmt(r.size / r.rebuildS)} requests/s, ${fmt(r.facts / r.rebuildS)} facts/s); `
          : `rollups kept (${fmt(r.facts)} facts); `) +
        `server ${mb(r.rssBefore)} MB after warm-up, ${mb(r.peakRss)} MB peak during the calls` +
        (r === first ? '' : ` (${ratio(r.peakRss, first.peakRss)})`),
    );
  }
  log(
    'p50/p95: wall time of a whole answer; raw: the three plain GROUP BYs of the same scope and ' +
      'period; /first: growth from the first size; CPU ms: server CPU per call; read ms: ' +
      'MetricRepository.sums alone (p50); cells: rollup rows it returns; server MB: peak RSS.',
  );
  log('='.repeat(132));
  const last = results.at(-1)!;
  const slowest = [...last.rows].sort((a, b) => b.figures.p95 - a.figures.p95)[0]!;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  log(
    `target p95 <= ${TARGET_P95_MS} ms at ${fmt(last.size)}: ${verdict(slowest.figures.p95 <= TARGET_P95_MS)} ` +
      `(slowest: ${slowest.query}, ${ms(slowest.figures.p95)} ms)`,
  );
  if (results.length > 1) {
    const growth = last.rows.map((row) => {
      const base = first.rows.find((b) => b.query === row.query)!;
      return { query: row.query, g: row.figures.p95 / base.figures.p95 };
    });
    const worst = growth.sort((a, b) => b.g - a.g)[0]!;
    log(
      `target p95 growth <= ${TARGET_GROWTH}x from ${fmt(first.size)} to ${fmt(last.size)}: ` +
        `${verdict(worst.g <= TARGET_GROWTH)} (largest: ${worst.query}, ${worst.g.toFixed(2)}x)`,
    );
    const cpu = last.rows
      .map((row) => {
        const base = first.rows.find((b) => b.query === row.query)!;
        return { query: row.query, g: row.cpuMs / base.cpuMs };
      })
      .sort((a, b) => b.g - a.g)[0]!;
    log(
      `  server CPU per call, which other load on the machine does not stretch: largest growth ` +
        `${cpu.query}, ${cpu.g.toFixed(2)}x`,
    );
    const memory = last.peakRss / first.peakRss;
    log(
      `target server memory flat (peak during the calls within ${FLAT_MEMORY}x): ${verdict(memory <= FLAT_MEMORY)} ` +
        `(${mb(first.peakRss)} MB → ${mb(last.peakRss)} MB, ${memory.toFixed(2)}x)`,
    );
  }
}

/* ------------------------------------------------------------------ main */

async function main(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error('TEST_DATABASE_URL is not set: run `pnpm --filter @mqlk/server bench:figures`');
  }
  const stale = staleBuild();
  if (stale?.includes('missing')) throw new Error(stale);
  // Whole seconds: the data ends here, and the server's own clock runs on from it.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const probe = await connectMariadb(process.env.TEST_DATABASE_URL);
  const [[server]] = (await probe.query(
    'SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp, @@innodb_flush_log_at_trx_commit AS flush',
  )) as unknown as [{ v: string; bp: number; flush: number }[]];
  await probe.end();
  log(
    `figures benchmark: sizes ${SIZES.map(fmt).join(', ')}; ${DAYS} days up to ${now.toISOString()} ` +
      `(${localDateOf(now)} local); ${CALLS} calls per query`,
  );
  log(
    `MariaDB ${server?.v}, buffer pool ${mb(Number(server?.bp))} MB, ` +
      `flush_log_at_trx_commit=${server?.flush}; Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `${mb(os.totalmem())} MB RAM`,
  );
  const [month, year] = periods(now) as [Period, Period];
  log(`periods: month ${month.from} … ${month.to}, year ${year.from} … ${year.to}`);
  if (stale) log(`WARNING: ${stale}`);
  const build = snapshotBuild();
  removeBuild = build.remove;
  log(`server: dist/ built ${fs.statSync(MAIN_JS).mtime.toISOString()}, run from a copy`);
  try {
    const results: SizeResult[] = [];
    for (const size of SIZES) results.push(await measureSize(size, now, build.mainJs));
    printTable(results);
  } finally {
    build.remove();
  }
}

/** Stopped or removed on SIGINT/SIGTERM too (test-db.mjs passes them on): no server left behind. */
let running: BenchServer | null = null;
let removeBuild = () => {};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping`);
    void (running?.stop() ?? Promise.resolve())
      .catch(() => {})
      .finally(() => {
        removeBuild();
        process.exit(1);
      });
  });
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
