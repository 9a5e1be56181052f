import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import mysql from 'mysql2/promise';
import supertest from 'supertest';
import { createApp } from '../src/bootstrap';
import { type AppConfig, loadConfig } from '../src/config/config';
import { parseDatabaseUrl } from '../src/config/database-url';

export type TestDialect = 'sqlite' | 'mariadb';

/**
 * The dialects a "works on every database" test runs on: both, unless TEST_DB_DIALECT names one.
 * MariaDB needs TEST_DATABASE_URL, which `pnpm test` provides through scripts/test-db.mjs.
 */
export function testDialects(): TestDialect[] {
  const only = process.env.TEST_DB_DIALECT;
  return only === 'sqlite' || only === 'mariadb' ? [only] : ['sqlite', 'mariadb'];
}

/** The dialect of every other e2e test: MariaDB (production's), or SQLite with TEST_DB_DIALECT=sqlite. */
export function defaultDialect(): TestDialect {
  return process.env.TEST_DB_DIALECT === 'sqlite' ? 'sqlite' : 'mariadb';
}

export interface TestDatabase {
  dialect: TestDialect;
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of its own for one app: a temp SQLite file, or a new MariaDB database next to
 * TEST_DATABASE_URL's (named after it, so scripts/test-db.mjs drops leftovers of a crashed run).
 */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-e2e-'));
    return {
      dialect,
      url: `sqlite:${path.join(dir, 'test.sqlite')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'TEST_DATABASE_URL is not set. Run `pnpm --filter @mqlk/server test` (it provides a MariaDB ' +
        'through scripts/test-db.mjs), or set TEST_DB_DIALECT=sqlite to run on SQLite only.',
    );
  }
  const server = parseDatabaseUrl(serverUrl, process.cwd());
  if (typeof server === 'string' || server.dialect === 'sqlite') {
    throw new Error(`TEST_DATABASE_URL must be a mysql:// or mariadb:// URL (${String(server)})`);
  }
  const name = `${server.database}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const connection = await mysql.createConnection({
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      ...(server.socketPath ? { socketPath: server.socketPath } : {}),
    });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { dialect, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``) };
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** supertest against the app's HTTP server. */
  http(): ReturnType<typeof supertest>;
  /** The JSON log lines written so far. */
  logs(): Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  dialect?: TestDialect;
  /** Configuration keys, as in the environment (PORT, H5_DIST_DIR…). */
  env?: Record<string, string>;
  /** Extra modules, e.g. a controller that only tests need. */
  imports?: ModuleMetadata['imports'];
}

/** Boots the real app (bootstrap.ts) on a fresh database with its migrations run, ready for HTTP. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase(options.dialect ?? defaultDialect());
  const lines: string[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATABASE_MIGRATIONS_RUN: 'true',
    LOG_LEVEL: 'info',
    H5_DIST_DIR: path.join(os.tmpdir(), 'mqlk-no-h5-build'),
    UPLOAD_DIR: path.join(os.tmpdir(), 'mqlk-e2e-uploads'),
    // Suites sign many residents in from one address; the limits have tests of their own.
    SMS_LIMIT_PER_ADDRESS_PER_HOUR: '100000',
    SMS_LIMIT_PER_HOUR: '1000000',
    // Tests move time themselves and run the sweeps and the dispatcher when they mean to.
    ...(options.env?.NODE_ENV === 'production' ? {} : { DEV_CLOCK: 'true' }),
    JOBS_ENABLED: 'false',
    ...options.env,
  });
  let app: NestFastifyApplication;
  try {
    app = await createApp(config, {
      logDestination: { write: (line: string) => void lines.push(line) },
      imports: options.imports,
      // Every answer a test receives is checked against the shared contract.
      checkResponses: true,
    });
    await app.getHttpAdapter().getInstance().ready();
  } catch (err) {
    await db.drop();
    throw err;
  }
  return {
    app,
    config,
    http: () => supertest(app.getHttpServer()),
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
