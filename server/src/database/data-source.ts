import * as fs from 'node:fs';
import * as path from 'node:path';
import mysql2 from 'mysql2';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import type { DatabaseDialect } from '../config/database-url';

/** MariaDB and MySQL share one migration set; SQLite has its own. */
export const MIGRATION_SET: Record<DatabaseDialect, 'sqlite' | 'mysql'> = {
  sqlite: 'sqlite',
  mysql: 'mysql',
  mariadb: 'mysql',
};

export const ENTITIES_GLOB = path.join(__dirname, '..', 'modules', '**', '*.entity.{ts,js}');

export function migrationsDir(dialect: DatabaseDialect): string {
  return path.join(__dirname, 'migrations', MIGRATION_SET[dialect]);
}

/**
 * mysql2 with every pooled connection switched to UTC before its first query, so that
 * CURRENT_TIMESTAMP defaults and NOW() agree with the UTC the driver writes (`timezone: 'Z'`),
 * whatever time zone the database server runs in (often Asia/Shanghai here).
 */
const mysql2WithUtcSessions = {
  ...mysql2,
  createPool(options: mysql2.PoolOptions) {
    const pool = mysql2.createPool(options);
    pool.on('connection', (connection) => {
      connection.query("SET time_zone = '+00:00'", (err) => {
        if (err) connection.destroy();
      });
    });
    return pool;
  },
};

/**
 * How long mysql2 waits for a new connection's handshake (its default is 10 s). When the database
 * hangs or a firewall swallows packets, every request that needs a fresh connection waits this
 * long before answering DATABASE_UNAVAILABLE; a healthy server on the same network answers in
 * milliseconds.
 */
export const DATABASE_CONNECT_TIMEOUT_MS = 3000;

/** The one description of the database, used by the app (TypeOrmModule) and the migration CLI. */
export function dataSourceOptions(db: AppConfig['database']): DataSourceOptions {
  const common = {
    entities: [ENTITIES_GLOB],
    migrations: [path.join(migrationsDir(db.dialect), '*.{ts,js}')],
    migrationsRun: db.migrationsRun,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (db.dialect === 'sqlite') {
    if (db.file !== ':memory:') fs.mkdirSync(path.dirname(db.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      enableWAL: db.file !== ':memory:',
    };
  }
  return {
    ...common,
    type: db.dialect,
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.database,
    ...(db.socketPath ? { socketPath: db.socketPath } : {}),
    // utf8mb4 on the connection so that emoji and rare characters in residents' text survive.
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: DATABASE_CONNECT_TIMEOUT_MS,
    driver: mysql2WithUtcSessions,
    connectorPackage: 'mysql2',
  };
}

export function createDataSource(db: AppConfig['database']): DataSource {
  return new DataSource(dataSourceOptions(db));
}

/**
 * TypeORM reads a MariaDB schema differently with `type: 'mysql'` (and a MySQL one with 'mariadb'):
 * every nullable column then looks changed, and generated migrations are wrong. Refuse the mix-up.
 */
export async function assertServerMatchesDialect(dataSource: DataSource): Promise<void> {
  const type = dataSource.options.type;
  if (type !== 'mysql' && type !== 'mariadb') return;
  const [row] = (await dataSource.query('SELECT VERSION() AS version')) as { version: string }[];
  const version = row?.version ?? '';
  const server = /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  if (server !== type) {
    throw new Error(
      `DATABASE_URL says ${type}:// but the server is ${server === 'mariadb' ? 'MariaDB' : 'MySQL'} ` +
        `${version}: use ${server}://…`,
    );
  }
}

/** Connects, checks the server is the dialect the URL names, then runs migrations if configured. */
/**
 * better-sqlite3 has one connection. TypeORM turns a transaction begun while another runs into a
 * savepoint inside it, so rolling back the first (a refused move) would undo what the second
 * committed (a sweep's marks, a move answered 200). On SQLite, transactions wait for each other.
 */
function oneTransactionAtATime(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let last: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const run = last.then(() => begin(...args));
    last = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;
}

export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  if (dataSource.options.type === 'better-sqlite3') oneTransactionAtATime(dataSource);
  try {
    await assertServerMatchesDialect(dataSource);
    if (options.migrationsRun) await dataSource.runMigrations({ transaction: 'each' });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return dataSource;
}
