/**
 * Benchmark, not a test: the two endpoints a busy morning hits — a resident scanning a card
 * (GET /api/cards/:code) and submitting a request (POST /api/requests) — on the built server
 * (dist/main.js) beside a bare Fastify + mysql2 server doing the same reads and writes on the
 * same MariaDB database (bench/scan-bare.ts). Issue 11.
 *
 *   1. a throwaway database: the schema from the migrations, a county (10 townships × 20
 *      villages, 400 cadres with one card each, the townships' hotlines) and SCAN_RESIDENTS
 *      resident accounts (bench/figures-data.ts buildWorld);
 *   2. the residents sign in through the public API as on the H5 page (SMS code from the local
 *      SMS stand-in, then sign-in): their tokens drive every submission, each with its own
 *      Idempotency-Key, on both servers (the bare one checks the same token signature);
 *   3. SCAN_PAIRS pairs of runs, project then bare, each server started cold for its run (the
 *      time from spawn to /api/health 200 is its cold start): for each endpoint a 2 s warm-up,
 *      then SCAN_SECONDS of autocannon with SCAN_CONNECTIONS connections; for the card lookup
 *      also a run at a fixed SCAN_RATE req/s. Around each run: MariaDB's statement counters
 *      (SHOW GLOBAL STATUS, the rate counted during 1 s of quiet just before subtracted: other
 *      clients of the same server count there too), the server's VmRSS every 20 ms, and the
 *      load average;
 *   4. after the runs: the request rows equal the 2xx answers, and no number twice.
 *
 * It prints medians over the pairs (req/s, p50/p99, the ratio project/bare, statements per
 * request, peak RSS, cold start) and each run's figures with the load average at the time.
 *
 *   pnpm --filter @mqlk/server build          (the benchmark starts the built server)
 *   pnpm --filter @mqlk/server bench:scan
 *   SCAN_PAIRS=5 SCAN_SECONDS=20 SCAN_CONNECTIONS=10 SCAN_RATE=1000 pnpm --filter @mqlk/server bench:scan
 *   SCAN_ONLY=cards (or submissions) measures one endpoint; SCAN_RESIDENTS (20) sets the accounts;
 *   SCAN_PROFILE_DIR=dir writes a V8 CPU profile of each project server run there;
 *   SCAN_MAIN_JS=/elsewhere/server/dist/main.js measures another build of the product (before and
 *   after a change: build the earlier commit in a second worktree)
 *
 * scripts/test-db.mjs provides TEST_DATABASE_URL; the database is made next to it and dropped
 * at the end, also on failure.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type mysql from 'mysql2/promise';
import * as ts from 'typescript';
import { benchConfig, connectMariadb, fmt, log } from './bench-kit';
import { buildWorld, insertWorld } from './figures-data';
import { builtServerEnv, memoryOf, snapshotBuild, staleBuild } from './figures-server';
import { parseDatabaseUrl } from '../src/config/database-url';
import { dataSourceOptions, openDataSource } from '../src/database/data-source';
import { createTestDatabase } from '../test/test-app';
import { freePort } from '../test/server-process';

/* ------------------------------------------------------------------ parameters */

function intEnv(key: string, fallback: number, min = 1): number {
  const raw = process.env[key];
  if (!raw) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`${key} must be a whole number >= ${min}`);
  return n;
}

const PAIRS = intEnv('SCAN_PAIRS', 3);
const SECONDS = intEnv('SCAN_SECONDS', 10);
const CONNECTIONS = intEnv('SCAN_CONNECTIONS', 10);
const RATE = intEnv('SCAN_RATE', 1000);
const RESIDENTS = intEnv('SCAN_RESIDENTS', 20);
const ONLY = process.env.SCAN_ONLY ?? '';
const WARM_UP_SECONDS = 2;
const TOKEN_SECRET = 'bench-scan-token-secret-0123456789abcdef';
const serverDir = path.resolve(__dirname, '..');

type Kind = 'project' | 'bare';
type Endpoint = 'cards' | 'fixed' | 'submissions';

/* ------------------------------------------------------------------ servers */

interface Running {
  kind: Kind;
  pid: number;
  baseUrl: string;
  coldMs: number;
  stop(): Promise<void>;
}

/** scan-bare.ts as one plain .js file beside the copied dist/, started with plain node. */
function transpileBare(dir: string): string {
  const source = fs.readFileSync(path.join(__dirname, 'scan-bare.ts'), 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const file = path.join(dir, 'scan-bare.js');
  fs.writeFileSync(file, out.outputText);
  return file;
}

async function start(kind: Kind, entry: string, databaseUrl: string): Promise<Running> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mqlk-bench-scan-${kind}-`));
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = parseDatabaseUrl(databaseUrl, process.cwd());
  if (typeof db === 'string' || db.dialect === 'sqlite') throw new Error('not a MariaDB URL');
  const common = {
    NODE_PATH: path.join(serverDir, 'node_modules'),
    PORT: String(port),
    HOST: '127.0.0.1',
    TOKEN_SECRET,
  };
  // As figures-server.ts starts the product (and e2e/harness.ts): development mode with the
  // local stand-ins, no background jobs, warnings only; SMS limits raised for the sign-ins.
  const env =
    kind === 'project'
      ? {
          ...process.env,
          ...builtServerEnv({ port, dir, databaseUrl }),
          TOKEN_SECRET,
          SMS_LIMIT_PER_ADDRESS_PER_HOUR: '100000',
          SMS_LIMIT_PER_HOUR: '100000',
        }
      : {
          ...process.env,
          ...common,
          BARE_DB: JSON.stringify({
            host: db.host,
            port: db.port,
            user: db.user,
            password: db.password,
            database: db.database,
            ...(db.socketPath ? { socketPath: db.socketPath } : {}),
          }),
        };
  const t0 = performance.now();
  // SCAN_PROFILE_DIR: the project's server writes a V8 CPU profile there when it stops.
  const profileDir = process.env.SCAN_PROFILE_DIR;
  const flags =
    kind === 'project' && profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`]
      : [];
  const child: ChildProcess = spawn(process.execPath, [...flags, entry], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  while (performance.now() - t0 < 120_000) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the ${kind} server exited with ${child.exitCode}:\n${output}`);
    }
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { kind, pid: child.pid!, baseUrl, coldMs: performance.now() - t0, stop };
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop();
  throw new Error(`the ${kind} server did not answer /api/health within 120 s:\n${output}`);
}

/** A copy of another build's dist/ (SCAN_MAIN_JS), as snapshotBuild copies this one's. */
function snapshotOf(mainJs: string): { mainJs: string; remove: () => void } {
  if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-bench-dist-'));
  fs.cpSync(path.dirname(mainJs), dir, { recursive: true });
  return {
    mainJs: path.join(dir, path.basename(mainJs)),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/* ------------------------------------------------------------------ measuring */

const COUNTERS = [
  'Com_select',
  'Com_insert',
  'Com_update',
  'Com_delete',
  'Com_insert_select',
  'Com_begin',
  'Com_commit',
  'Com_rollback',
  'Com_set_option',
  'Com_stmt_execute',
] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;

async function counters(conn: mysql.Connection): Promise<Counters> {
  const [rows] = (await conn.query(
    `SHOW GLOBAL STATUS WHERE Variable_name IN (${COUNTERS.map((c) => `'${c}'`).join(', ')})`,
  )) as unknown as [{ Variable_name: string; Value: string }[]];
  const out = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;
  for (const r of rows) out[r.Variable_name as keyof Counters] = Number(r.Value);
  return out;
}

const minus = (a: Counters, b: Counters): Counters =>
  Object.fromEntries(COUNTERS.map((c) => [c, a[c] - b[c]])) as Counters;

/** Peak VmRSS of a process while `work` runs, read every 20 ms. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const read = () => {
    try {
      peak = Math.max(peak, memoryOf(pid).rss);
    } catch {
      // the process is gone: the run fails on its own
    }
  };
  read();
  const timer = setInterval(read, 20);
  try {
    const result = await work();
    read();
    return [result, peak];
  } finally {
    clearInterval(timer);
  }
}

interface Load {
  codes: string[];
  tokens: string[];
  /** ids answered 2xx to submissions, over every run and warm-up */
  accepted: Set<number>;
  /** submission runs (warm-ups included): each may leave CONNECTIONS answers unread at its end */
  submissionRuns: number;
  nextKey: number;
}

function cannon(
  baseUrl: string,
  endpoint: Endpoint,
  load: Load,
  seconds: number,
): Promise<autocannon.Result> {
  let n = 0;
  const card = (): autocannon.Request => ({
    method: 'GET',
    path: '/api/cards/x',
    setupRequest: (req) => ({ ...req, path: `/api/cards/${load.codes[n++ % load.codes.length]}` }),
  });
  const submission = (): autocannon.Request => ({
    method: 'POST',
    path: '/api/requests',
    setupRequest: (req) => {
      const i = load.nextKey++;
      // The server may still be answering when the run ends: only read answers count.
      return {
        ...req,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${load.tokens[i % load.tokens.length]}`,
          'idempotency-key': `scan-bench-${process.pid}-${i}`,
        },
        body: JSON.stringify({
          cardCode: load.codes[i % load.codes.length],
          category: 'difficulty',
          text: `门口的路灯坏了好几天，晚上出门不方便，第${i}次反映`,
          consent: true,
        }),
      };
    },
    onResponse: (status, body) => {
      if (status >= 200 && status < 300) load.accepted.add((JSON.parse(body) as { id: number }).id);
    },
  });
  if (endpoint === 'submissions') load.submissionRuns++;
  return autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    ...(endpoint === 'fixed' ? { overallRate: RATE } : {}),
    requests: [endpoint === 'submissions' ? submission() : card()],
  });
}

interface Measured {
  reqPerS: number;
  p50: number;
  p99: number;
  statementsPerReq: number;
  byCounter: Counters;
  peakRssMb: number;
  non2xx: number;
  errors: number;
  load1: number;
}

async function measure(
  server: Running,
  endpoint: Endpoint,
  load: Load,
  conn: mysql.Connection,
): Promise<Measured> {
  await cannon(server.baseUrl, endpoint, load, WARM_UP_SECONDS);
  // What other clients of this MariaDB do meanwhile, per second, to subtract.
  const q0 = await counters(conn);
  await new Promise((r) => setTimeout(r, 1000));
  const q1 = await counters(conn);
  const quietMs = 1000;
  const before = await counters(conn);
  const t0 = performance.now();
  const [result, peak] = await peakRss(server.pid, () =>
    cannon(server.baseUrl, endpoint, load, SECONDS),
  );
  const ms = performance.now() - t0;
  const after = await counters(conn);
  const background = minus(q1, q0);
  const delta = minus(after, before);
  const requests = result.requests.total;
  const net = Object.fromEntries(
    COUNTERS.map((c) => [
      c,
      Math.max(0, delta[c] - (background[c] * ms) / quietMs) / Math.max(requests, 1),
    ]),
  ) as Counters;
  const statements = COUNTERS.reduce((s, c) => s + net[c], 0);
  return {
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statementsPerReq: statements,
    byCounter: net,
    peakRssMb: peak / 1024 / 1024,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    load1: os.loadavg()[0]!,
  };
}

/* ------------------------------------------------------------------ set-up */

async function signIn(baseUrl: string, phones: string[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const phone of phones) {
    const post = async (route: string, body: object) => {
      const res = await fetch(`${baseUrl}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${route} for ${phone}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const sent = await post('/api/auth/sms/send', { phone });
    if (typeof sent.devCode !== 'string') throw new Error('the local SMS stand-in gave no code');
    const signed = await post('/api/auth/sms/sign-in', { phone, code: sent.devCode });
    tokens.push(String(signed.token));
  }
  return tokens;
}

/* ------------------------------------------------------------------ report */

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const f1 = (n: number) => n.toFixed(1);
const loads = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function summary(label: string, endpoint: Endpoint, runs: Record<Kind, Measured[]>) {
  const p = runs.project;
  const b = runs.bare;
  if (p.length === 0) return;
  const ratios = p.map((m, i) => m.reqPerS / Math.max(b[i]?.reqPerS ?? 1, 1));
  const row = (figure: string, pv: string, bv: string, ratio: string) =>
    log(`| ${figure} | ${pv} | ${bv} | ${ratio} |`);
  const med = (ms: Measured[], key: keyof Omit<Measured, 'byCounter'>) =>
    median(ms.map((m) => m[key]));
  log(`\n${label}`);
  log('| figure | project | bare | ratio |');
  log('| --- | --- | --- | --- |');
  if (endpoint === 'fixed') {
    row(`held req/s at ${fmt(RATE)} req/s`, fmt(med(p, 'reqPerS')), fmt(med(b, 'reqPerS')), '—');
  } else {
    row('req/s', fmt(med(p, 'reqPerS')), fmt(med(b, 'reqPerS')), median(ratios).toFixed(2));
  }
  row(
    'p50 / p99 ms',
    `${med(p, 'p50')} / ${med(p, 'p99')}`,
    `${med(b, 'p50')} / ${med(b, 'p99')}`,
    '—',
  );
  const stP = med(p, 'statementsPerReq');
  const stB = med(b, 'statementsPerReq');
  row('statements per request', f1(stP), f1(stB), (stP / Math.max(stB, 0.01)).toFixed(1));
  const rssP = med(p, 'peakRssMb');
  const rssB = med(b, 'peakRssMb');
  row('peak RSS MB', fmt(rssP), fmt(rssB), (rssP / rssB).toFixed(1));
  for (const [kind, ms] of Object.entries(runs)) {
    const counts = COUNTERS.map((c) => [
      c.replace('Com_', ''),
      median(ms.map((m) => m.byCounter[c])),
    ])
      .filter(([, v]) => Number(v) >= 0.05)
      .map(([c, v]) => `${String(c)} ${f1(Number(v))}`)
      .join(', ');
    log(`  ${kind} statements per request: ${counts}`);
  }
}

/**
 * Nothing lost, nothing twice: every id answered 2xx is a row, every row has one number, and the
 * rows beyond the answers are at most the answers still unread when a run stopped.
 */
async function durable(conn: mysql.Connection, load: Load): Promise<boolean> {
  const [[rows]] = (await conn.query(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT number) AS numbers FROM request',
  )) as unknown as [{ n: number; numbers: number }[]];
  const ids = [...load.accepted];
  let found = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const [[hit]] = (await conn.query('SELECT COUNT(*) AS n FROM request WHERE id IN (?)', [
      ids.slice(i, i + 1000),
    ])) as unknown as [{ n: number }[]];
    found += Number(hit!.n);
  }
  const n = Number(rows!.n);
  const unread = n - ids.length;
  const ok =
    found === ids.length &&
    Number(rows!.numbers) === n &&
    unread >= 0 &&
    unread <= CONNECTIONS * load.submissionRuns;
  log(
    `check: ${fmt(ids.length)} submissions answered 2xx, ${fmt(found)} of them found; ` +
      `${fmt(n)} request rows with ${fmt(Number(rows!.numbers))} distinct numbers; ` +
      `${fmt(unread)} written but unread at a run's end (at most ${fmt(CONNECTIONS * load.submissionRuns)}) — ` +
      `${ok ? 'OK' : 'FAILED'}`,
  );
  return ok;
}

/* ------------------------------------------------------------------ main */

async function main() {
  const other = process.env.SCAN_MAIN_JS;
  const stale = other ? null : staleBuild();
  if (stale?.includes('missing')) throw new Error(stale);
  if (stale) log(`WARNING: ${stale}`);
  const endpoints: Endpoint[] = (['cards', 'fixed', 'submissions'] as const).filter(
    (e) => !ONLY || ONLY.split(',').includes(e === 'fixed' ? 'cards' : e),
  );
  log(
    `bench:scan — ${PAIRS} pairs × ${SECONDS} s, ${CONNECTIONS} connections, fixed rate ${fmt(RATE)} req/s, ` +
      `${RESIDENTS} residents; ${os.cpus().length} cores; load average ${loads()}`,
  );
  const build = other ? snapshotOf(path.resolve(other)) : snapshotBuild();
  if (other) log(`project: ${other}`);
  const bareJs = transpileBare(path.dirname(build.mainJs));
  const db = await createTestDatabase('mariadb');
  const running: Running[] = [];
  let conn: mysql.Connection | null = null;
  try {
    const config = benchConfig(db.url);
    const ds = await openDataSource(dataSourceOptions(config.database));
    await ds.destroy();
    const world = await buildWorld(config, RESIDENTS, 11);
    conn = await connectMariadb(db.url);
    await insertWorld(conn, world);
    const load: Load = {
      codes: world.rows.cards.map((row) => String(row[1])),
      tokens: [],
      accepted: new Set(),
      submissionRuns: 0,
      nextKey: 0,
    };
    log(`county: ${fmt(world.cadres.length)} cadres and cards, ${fmt(RESIDENTS)} residents`);

    const runs: Record<Endpoint, Record<Kind, Measured[]>> = {
      cards: { project: [], bare: [] },
      fixed: { project: [], bare: [] },
      submissions: { project: [], bare: [] },
    };
    const cold: Record<Kind, number[]> = { project: [], bare: [] };
    for (let pair = 1; pair <= PAIRS; pair++) {
      for (const kind of ['project', 'bare'] as const) {
        const server = await start(kind, kind === 'project' ? build.mainJs : bareJs, db.url);
        running.push(server);
        cold[kind].push(server.coldMs);
        if (load.tokens.length === 0) {
          const phones = Array.from(
            { length: RESIDENTS },
            (_, i) => `139${String(i).padStart(8, '0')}`,
          );
          load.tokens = await signIn(server.baseUrl, phones);
        }
        for (const endpoint of endpoints) {
          const m = await measure(server, endpoint, load, conn);
          runs[endpoint][kind].push(m);
          log(
            `pair ${pair} ${kind.padEnd(7)} ${endpoint.padEnd(11)} ${fmt(m.reqPerS).padStart(6)} req/s, ` +
              `p50 ${m.p50} ms, p99 ${m.p99} ms, ${f1(m.statementsPerReq)} statements/req, ` +
              `peak RSS ${fmt(m.peakRssMb)} MB, non-2xx ${m.non2xx}, errors ${m.errors}, ` +
              `load ${m.load1.toFixed(2)}`,
          );
        }
        log(`pair ${pair} ${kind.padEnd(7)} cold start to healthy ${fmt(server.coldMs)} ms`);
        await server.stop();
        running.splice(running.indexOf(server), 1);
      }
    }

    summary('card lookup GET /api/cards/:code (medians)', 'cards', runs.cards);
    summary(`card lookup at a fixed ${fmt(RATE)} req/s (medians)`, 'fixed', runs.fixed);
    summary('durable submissions POST /api/requests (medians)', 'submissions', runs.submissions);
    const cp = median(cold.project);
    const cb = median(cold.bare);
    log(
      `\ncold start to healthy (median): project ${fmt(cp)} ms, bare ${fmt(cb)} ms, ratio ${(cp / cb).toFixed(1)}`,
    );

    if (endpoints.includes('submissions')) {
      if (!(await durable(conn, load))) process.exitCode = 1;
    }
    log(`load average at the end: ${loads()}`);
  } finally {
    for (const server of running) await server.stop();
    await conn?.end().catch(() => {});
    await db.drop();
    build.remove();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
