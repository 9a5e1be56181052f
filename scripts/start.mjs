#!/usr/bin/env node
// `npm start`: the whole product on this machine with nothing but Node >= 20.9.
//   installs pnpm and the dependencies, builds shared + server and the H5 app, opens an SQLite
//   database in <repo>/data/ (kept between runs), seeds the demo county when it is empty, and serves
//   the API and the H5 app on http://localhost:3000 (PORT to change). Ctrl-C stops it.
//   `npm start -- --rebuild` rebuilds even when the sources have not changed.
// Environment variables the server reads (server/.env.example) are passed through and win over the
// defaults below, e.g. `PORT=8080 LOG_LEVEL=info npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const STEPS = 6;
const rebuild = process.argv.includes('--rebuild');
const startedAt = Date.now();

const dataDir = path.join(root, 'data');
// Installs and builds always run as development (NODE_ENV=production would skip the build tools).
const { NODE_ENV: _ignored, ...buildEnv } = process.env;
// The server's settings: real environment variables win over these defaults.
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || 'development',
  DATABASE_URL: process.env.DATABASE_URL || `sqlite:${path.join(dataDir, 'mqlk.sqlite')}`,
  UPLOAD_DIR: process.env.UPLOAD_DIR || path.join(dataDir, 'uploads'),
  H5_DIST_DIR: process.env.H5_DIST_DIR || path.join(root, 'miniapp', 'h5', 'dist'),
  // The terminal shows progress and the demo table; JSON request logs only with LOG_LEVEL=info.
  LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
};
const port = Number(env.PORT || 3000);
// What to call the database in the terminal: never with its password.
const databaseLabel = env.DATABASE_URL.startsWith('sqlite:')
  ? env.DATABASE_URL.slice('sqlite:'.length)
  : env.DATABASE_URL.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

let stopping = false;
let current = null; // the child process running now

function say(line) {
  process.stdout.write(`${line}\n`);
}

function fail(message) {
  process.stderr.write(`\n✗ ${message}\n`);
  process.exit(1);
}

/** Runs a command; its output is shown only when it fails (or with `show`). */
function run(cmd, args, { cwd = root, show = false, extraEnv = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...buildEnv, ...extraEnv },
      // pnpm, npm and npx are .cmd scripts on Windows.
      shell: process.platform === 'win32',
      stdio: show ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    current = child;
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ ok: false, output: `${output}${err.message}\n` }));
    child.on('close', (code) => {
      current = null;
      resolve({ ok: code === 0, output });
    });
  });
}

async function step(n, title, fn) {
  const started = Date.now();
  say(`[${n}/${STEPS}] ${title}…`);
  const note = await fn();
  if (stopping) process.exit(130);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`      ${note ?? 'done'} (${seconds}s)`);
}

function tail(output, lines = 40) {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

function has(cmd, args = ['--version']) {
  return (
    spawnSync(cmd, args, { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0
  );
}

/** pnpm on PATH, else installed globally with npm, else through npx (as scripts/test.mjs). */
async function ensurePnpm() {
  if (has('pnpm')) return { pnpm: ['pnpm'], note: 'pnpm found' };
  const r = await run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]);
  if (r.ok && has('pnpm')) return { pnpm: ['pnpm'], note: `installed pnpm@${PNPM_VERSION}` };
  return { pnpm: ['npx', '--yes', `pnpm@${PNPM_VERSION}`], note: 'using pnpm through npx' };
}

/**
 * A fingerprint of the files a build reads (paths, sizes, modification times): a build is skipped
 * when it matches the one recorded after the last successful build and the output is there.
 */
function fingerprint(inputs) {
  const hash = createHash('sha256');
  const walk = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name !== 'node_modules' && name !== 'dist' && !name.startsWith('.')) {
          walk(path.join(p, name));
        }
      }
    } else {
      hash.update(`${path.relative(root, p)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) walk(path.join(root, input));
  return hash.digest('hex');
}

const stampDir = path.join(root, 'node_modules', '.cache', 'mqlk-start');

async function buildOnce(name, inputs, output, build) {
  const stamp = path.join(stampDir, `${name}.sha256`);
  const print = fingerprint(inputs);
  const upToDate =
    !rebuild &&
    fs.existsSync(path.join(root, output)) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === print;
  if (upToDate) return 'up to date, skipped (--rebuild to force)';
  const r = await build();
  if (!r.ok) fail(`${name} build failed:\n${tail(r.output)}`);
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(stamp, print);
  return 'built';
}

function portFree(p, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(p, host, () => probe.close(() => resolve(true)));
  });
}

async function waitForHealth(child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// Ctrl-C reaches every process of the terminal's group, the server included, and it shuts itself
// down; a SIGTERM sent to this script alone is passed on. Either way, stop within 10 seconds.
function onSignal(signal) {
  if (stopping) return;
  stopping = true;
  say(`\nStopping…`);
  const child = current;
  if (!child || child.exitCode !== null) process.exit(130);
  if (signal === 'SIGTERM') child.kill('SIGTERM');
  const nudge = setTimeout(() => child.kill('SIGTERM'), 1500);
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
  child.once('exit', () => {
    clearTimeout(nudge);
    clearTimeout(force);
  });
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

async function main() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 9)) {
    fail(`Node ${process.versions.node} is too old: 民情联系卡 needs Node 20.9 or later.`);
  }
  say('民情联系卡 — starting (the first run installs and builds: a few minutes)\n');

  let pnpm;
  await step(1, 'Checking pnpm', async () => {
    const found = await ensurePnpm();
    pnpm = found.pnpm;
    return found.note;
  });
  const pn = (args, opts) => run(pnpm[0], [...pnpm.slice(1), ...args], opts);

  await step(2, 'Installing dependencies (pnpm install --frozen-lockfile)', async () => {
    const r = await pn(['install', '--frozen-lockfile']);
    if (!r.ok) {
      fail(
        `pnpm install failed:\n${tail(r.output)}\n\n` +
          'better-sqlite3 is compiled from source here: it needs python3, make and a C++ compiler\n' +
          '(Debian/Ubuntu: apt-get install -y python3 make g++).',
      );
    }
    return /Already up to date/.test(r.output) ? 'already up to date' : 'installed';
  });

  await step(3, 'Building shared + server', () =>
    buildOnce(
      'server',
      [
        'pnpm-lock.yaml',
        'tsconfig.base.json',
        'shared/src',
        'shared/package.json',
        'shared/tsconfig.json',
        'shared/tsconfig.build.json',
        'server/src',
        'server/package.json',
        'server/tsconfig.json',
        'server/tsconfig.build.json',
      ],
      'server/dist/main.js',
      () => pn(['--filter', '@mqlk/server', 'build']),
    ),
  );

  await step(4, 'Building the H5 app (miniapp/h5/dist)', () =>
    buildOnce(
      'h5',
      [
        'pnpm-lock.yaml',
        'shared/src',
        'miniapp/src',
        'miniapp/config',
        'miniapp/types',
        'miniapp/package.json',
        'miniapp/babel.config.js',
        'miniapp/tsconfig.json',
      ],
      'miniapp/h5/dist/index.html',
      () => pn(['--filter', '@mqlk/miniapp', 'build:h5'], { extraEnv: { NODE_ENV: 'production' } }),
    ),
  );

  let summary = '';
  await step(5, `Preparing the database (${databaseLabel})`, async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const r = await run(process.execPath, ['dist/database/seed/seed-cli.js'], {
      cwd: path.join(root, 'server'),
      extraEnv: env,
    });
    if (!r.ok) fail(`migrating or seeding the database failed:\n${tail(r.output)}`);
    summary = r.output.trim();
    return /^已创建/.test(summary) ? 'migrated, demo data created' : 'migrated, existing data kept';
  });

  let server;
  await step(6, `Starting the server on port ${port}`, async () => {
    if (!(await portFree(port, env.HOST || '0.0.0.0'))) {
      fail(`Port ${port} is in use. Stop what uses it, or choose another: PORT=3001 npm start`);
    }
    server = spawn(process.execPath, ['dist/main.js'], {
      cwd: path.join(root, 'server'),
      env,
      stdio: 'inherit',
    });
    current = server;
    if (!(await waitForHealth(server))) {
      if (!stopping) {
        server.kill('SIGTERM');
        fail('The server did not come up (its messages are above).');
      }
    }
    return 'healthy';
  });

  const base = (env.PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/$/, '');
  say(`\n${summary}\n`);
  say(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(0)}s:`);
  say(`  H5 app       ${base}/`);
  say(`  API docs     ${base}/api/docs`);
  say(`  data         ${databaseLabel} (kept between runs)`);
  say('Press Ctrl-C to stop.');

  server.on('exit', (code, signal) => {
    if (stopping) {
      say('Stopped. The data is kept; `npm start` again to continue.');
      process.exit(0);
    }
    fail(`The server stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
  });
}

main().catch((err) => fail(err?.stack ?? String(err)));
