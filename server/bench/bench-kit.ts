/**
 * What every benchmark script here shares: sizes from the environment, a repeatable random
 * sequence, number formatting, the app's configuration for a benchmark database, and a MariaDB
 * connection that reads and writes UTC.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import mysql from 'mysql2/promise';
import { type AppConfig, loadConfig } from '../src/config/config';
import { parseDatabaseUrl } from '../src/config/database-url';

/** A size from the environment (underscores allowed: 100_000), at least 100. */
export function positiveEnv(key: string, fallback: number): number {
  const raw = process.env[key]?.replace(/_/g, '');
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100) throw new Error(`${key} must be a whole number >= 100`);
  return n;
}

/** mulberry32: the same pseudo-random sequence on every run, so every run loads the same rows. */
export function randomKit(seed: number) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    random,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!,
    between: (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1)),
  };
}

export const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const log = (line = '') => process.stdout.write(`${line}\n`);

/** The server's configuration on a benchmark database: migrations run, no jobs, no logs. */
export function benchConfig(url: string, extra: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_MIGRATIONS_RUN: 'true',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    H5_DIST_DIR: path.join(os.tmpdir(), 'mqlk-bench-no-h5-build'),
    UPLOAD_DIR: path.join(os.tmpdir(), 'mqlk-bench-uploads'),
    ...extra,
  });
}

/** A plain mysql2 connection to the benchmark's MariaDB, in UTC like the server's. */
export async function connectMariadb(url: string): Promise<mysql.Connection> {
  const c = parseDatabaseUrl(url, process.cwd());
  if (typeof c === 'string' || c.dialect === 'sqlite') throw new Error(`not a MariaDB URL: ${url}`);
  const conn = await mysql.createConnection({
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    database: c.database,
    ...(c.socketPath ? { socketPath: c.socketPath } : {}),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
  });
  await conn.query("SET time_zone = '+00:00'");
  return conn;
}
