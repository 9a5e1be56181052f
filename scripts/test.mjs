#!/usr/bin/env node
// The one test command (`npm test`): installs what is missing, then runs every suite and check,
// and ends with a single `N passed, N failed` line summing them all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redisObtainable } from './test-redis.mjs';

const startedAt = Date.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, '.artifacts');
mkdirSync(artifacts, { recursive: true });
const PNPM_VERSION = '10.34.9';

function run(cmd, args, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    ...opts,
    env: { ...process.env, ...opts.env },
  });
  return { ok: r.status === 0, seconds: (Date.now() - started) / 1000 };
}

function has(cmd, args = ['--version']) {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

function ensurePnpm() {
  if (has('pnpm')) return ['pnpm'];
  console.log(`pnpm not found: installing pnpm@${PNPM_VERSION} with npm`);
  if (run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]).ok && has('pnpm')) return ['pnpm'];
  console.log('global install not possible here: using npx');
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

/**
 * System packages the suites need: MariaDB for the server's database tests, Redis for its shared
 * rate limits (unless one answers on 127.0.0.1:6379), Chromium and CJK fonts for the browser
 * tests. Installed with apt when running as root on Debian, otherwise named.
 */
async function ensureSystemPackages() {
  const wanted = [];
  const socketUsable = existsSync(process.env.TEST_DB_SOCKET ?? '/run/mysqld/mysqld.sock');
  if (!process.env.TEST_DATABASE_URL && !socketUsable && !has('mariadbd', ['--version'])) {
    wanted.push('mariadb-server');
  }
  if (!(await redisObtainable())) wanted.push('redis-server');
  if (!existsSync('/usr/bin/chromium')) wanted.push('chromium');
  if (!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'))
    wanted.push('fonts-noto-cjk');
  if (!existsSync('/usr/bin/pdftoppm')) wanted.push('poppler-utils');
  if (wanted.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get', ['--version'])) {
    console.log(`== installing system packages: ${wanted.join(' ')}`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (
      run('apt-get', ['update', '-qq'], { env }).ok &&
      run('apt-get', ['install', '-y', '-qq', ...wanted], { env }).ok
    )
      return;
  }
  console.log(
    `Missing system packages: ${wanted.join(' ')}. Install them, e.g.\n  sudo apt-get install -y ${wanted.join(' ')}`,
  );
}

await ensureSystemPackages();
const pnpm = ensurePnpm();
const pn = (...args) => [pnpm[0], [...pnpm.slice(1), ...args]];

console.log('\n== install');
if (!run(...pn('install', '--frozen-lockfile')).ok) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

const results = [];

/**
 * One step, run without blocking the others: its output is kept and printed in one piece when it
 * ends, so that two lanes running side by side do not interleave their logs (`stream` prints it
 * as it comes, for a step that runs alone).
 */
function step(name, cmd, args, opts = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...opts.env },
      stdio: opts.stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    if (opts.stream) console.log(`\n== ${name}`);
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr?.on('data', (c) => chunks.push(c));
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      console.log(`\n== ${name} (${seconds.toFixed(1)}s)\n${Buffer.concat(chunks).toString()}`);
      resolve({ ok: code === 0, seconds });
    });
  });
}

/** A check that is not a test runner: it counts as one passed or one failed. */
async function check(name, cmd, args, opts) {
  const r = await step(name, cmd, args, opts);
  results.push({ name, passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, seconds: r.seconds });
}

/** A jest run: its own test counts go into the total. */
async function jest(name, pkg, extraArgs = [], opts = {}) {
  const out = join(artifacts, `jest-${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const [cmd, args] = pn(
    '--filter',
    pkg,
    'exec',
    'jest',
    '--json',
    `--outputFile=${out}`,
    ...extraArgs,
  );
  // Database suites run inside test-db.mjs: it provides a real, fresh MariaDB and removes it after.
  const r = opts.withDatabase
    ? await step(name, 'node', [join(root, 'scripts/test-db.mjs'), '--', cmd, ...args], opts)
    : await step(name, cmd, args, opts);
  let passed = 0;
  let failed = r.ok ? 0 : 1;
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed = j.numPassedTests;
    // A suite that fails to load has no failed tests but must still count against the run.
    failed = j.numFailedTests + j.numRuntimeErrorTestSuites || failed;
    if (j.numTotalTests === 0) failed += 1;
  }
  results.push({ name, passed, failed, seconds: r.seconds });
}

// Two lanes side by side: the server's suite mostly waits on MariaDB, while the other lane keeps
// the processor busy with checks, the pure suites and the builds. The browser flows need the
// builds and run last, alone (one browser, one server).
async function serverLane() {
  await jest('server (MariaDB + SQLite)', '@mqlk/server', [], { withDatabase: true });
  // Mutation testing of the domain rules (docs/testing.md): incremental against the committed
  // shared/stryker-incremental.json(.gz), so only code and tests changed since the recorded run are
  // mutated again; Stryker exits non-zero when the score is below the floor (thresholds.break).
  await check('shared mutation score', ...pn('--filter', '@mqlk/shared', 'run', 'test:mutation'));
  // The server's pure rule files (deadlines per county, the county calendars), same floor.
  await check('server mutation score', ...pn('--filter', '@mqlk/server', 'run', 'test:mutation'));
}

async function checksAndBuildsLane() {
  await check('lint', ...pn('run', 'lint'));
  await check('typecheck', ...pn('run', 'typecheck'));
  for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
    const coverage =
      tz === 'UTC'
        ? ['--coverage', `--coverageDirectory=${join(artifacts, 'coverage-shared')}`]
        : [];
    await jest(`shared TZ=${tz}`, '@mqlk/shared', coverage, { env: { TZ: tz } });
  }
  await check('shared bundle size', ...pn('--filter', '@mqlk/shared', 'run', 'size'));
  await jest('miniapp logic', '@mqlk/miniapp');
  await check('build server', ...pn('--filter', '@mqlk/server', 'run', 'build'));
  await check('build h5', ...pn('--filter', '@mqlk/miniapp', 'run', 'build:h5'));
  await check('build weapp', ...pn('--filter', '@mqlk/miniapp', 'run', 'build:weapp'));
  await check('weapp package size', 'node', [join(root, 'scripts/weapp-size.mjs')]);
  await check('weapp code quality (WeChat)', 'node', [join(root, 'scripts/weapp-quality.mjs')]);
}

await Promise.all([serverLane(), checksAndBuildsLane()]);
await jest('browser (Chromium, H5 + server)', '@mqlk/e2e', [], { stream: true });

console.log('\n== summary');
for (const r of results) {
  console.log(
    `${r.failed ? 'FAIL' : 'ok  '} ${r.name.padEnd(34)} ${String(r.passed).padStart(6)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)}s`,
  );
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`\nwall time: ${((Date.now() - startedAt) / 1000).toFixed(0)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
