// Shared by migrations-generate.mjs and migrations-check.mjs: one fresh database per migration set
// (a temp SQLite file; a fresh MariaDB database from scripts/test-db.mjs) and the TypeORM CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionTestDatabase } from '../../scripts/test-db.mjs';

export const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SETS = ['sqlite', 'mysql'];
const DATA_SOURCE = 'src/database/cli-data-source.ts';

/** @returns {Promise<{ url: string, dispose: () => Promise<void> }>} */
export async function freshDatabase(set) {
  if (set === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-sqlite-'));
    return {
      url: `sqlite:${path.join(dir, 'fresh.sqlite')}`,
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  return provisionTestDatabase();
}

/** Runs the TypeORM CLI against `url`; returns its exit status and output. */
export function typeorm(url, args) {
  const result = spawnSync(
    process.execPath,
    ['scripts/ts-run.mjs', 'typeorm/cli.js', ...args, '-d', DATA_SOURCE],
    {
      cwd: serverDir,
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: url,
        DATABASE_MIGRATIONS_RUN: 'false',
      },
    },
  );
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

export function migrationsDir(set) {
  return path.join(serverDir, 'src', 'database', 'migrations', set);
}
