#!/usr/bin/env node
// Gives test suites a Redis to count in, and stops it afterwards if it started one.
//
//   import { provisionTestRedis } from './scripts/test-redis.mjs'   (scripts/test-db.mjs does)
//   node scripts/test-redis.mjs -- <command> [args…]                 runs the command with TEST_REDIS_URL
//
// Where Redis comes from, first that works:
//   1. TEST_REDIS_URL, as given;
//   2. the local Redis on 127.0.0.1:6379 (TEST_REDIS_LOCAL=host:port to look elsewhere, =none to skip),
//      if it answers PING without a password;
//   3. a private throwaway `redis-server` (own port from 36379, nothing saved to disk), stopped at
//      the end;
//   else no URL: the Redis tests then fail and say what to install.
// Tests share a Redis safely by writing under a key prefix of their own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, runCommand } from './processes.mjs';

const FIRST_PORT = 36379;
const log = (message) => process.stderr.write(`test-redis: ${message}\n`);

/** True when a Redis at host:port answers PING with PONG within a second. */
export function redisAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export function findRedisServer() {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'redis-server');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** The local Redis to use, as { host, port }, or null when TEST_REDIS_LOCAL=none. */
function localAddress(env) {
  const given = env.TEST_REDIS_LOCAL ?? '127.0.0.1:6379';
  if (given === 'none') return null;
  const [host, port] = given.split(':');
  return { host: host || '127.0.0.1', port: Number(port || 6379) };
}

/** Whether a Redis can be had without installing anything. */
export async function redisObtainable(env = process.env) {
  if (env.TEST_REDIS_URL) return true;
  const local = localAddress(env);
  if (local && (await redisAnswers(local.host, local.port))) return true;
  return findRedisServer() !== null;
}

/**
 * @returns {Promise<{ url: string | null, source: 'env' | 'local' | 'throwaway' | 'none', dispose: () => Promise<void> }>}
 */
export async function provisionTestRedis(env = process.env) {
  if (env.TEST_REDIS_URL) {
    return { url: env.TEST_REDIS_URL, source: 'env', dispose: async () => {} };
  }
  const local = localAddress(env);
  if (local && (await redisAnswers(local.host, local.port))) {
    log(`using the local Redis on ${local.host}:${local.port}`);
    return {
      url: `redis://${local.host}:${local.port}`,
      source: 'local',
      dispose: async () => {},
    };
  }
  const binary = findRedisServer();
  if (binary) {
    const server = await startThrowawayRedis(binary);
    return { url: server.url, source: 'throwaway', dispose: server.stop };
  }
  log(
    'no Redis: none answers on 127.0.0.1:6379 and redis-server is not installed ' +
      '(`apt-get install -y redis-server`). The Redis tests will fail.',
  );
  return { url: null, source: 'none', dispose: async () => {} };
}

async function startThrowawayRedis(binary) {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-redis-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort(FIRST_PORT + attempt * 7);
    const child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--daemonize',
        'no',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let exited = false;
    const exit = new Promise((resolve) => child.once('exit', () => ((exited = true), resolve())));
    const stop = async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(timer);
      }
      removeDir();
    };
    const deadline = Date.now() + 10000;
    while (!exited && Date.now() < deadline && !(await redisAnswers('127.0.0.1', port, 200))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (exited) {
      if (/address already in use/i.test(stderr)) continue;
      removeDir();
      throw new Error(`the throwaway redis-server stopped during start:\n${stderr}`);
    }
    if (Date.now() >= deadline) {
      await stop();
      throw new Error('the throwaway redis-server did not answer within 10 s');
    }
    log(`throwaway redis-server on 127.0.0.1:${port}, ready in ${Date.now() - started} ms`);
    return { url: `redis://127.0.0.1:${port}`, stop };
  }
  removeDir();
  throw new Error('the throwaway redis-server found no free port');
}

/* ---------------------------------------------------------------- CLI */

async function cli(argv) {
  const separator = argv.indexOf('--');
  const command = separator === -1 ? argv : argv.slice(separator + 1);
  if (command.length === 0) {
    log('usage: node scripts/test-redis.mjs -- <command> [args…]');
    return 2;
  }
  const redis = await provisionTestRedis();
  const code = await runCommand(command, redis.url ? { TEST_REDIS_URL: redis.url } : {}, log);
  await redis.dispose();
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await cli(process.argv.slice(2));
}
