#!/usr/bin/env node
// Gives test suites a real, empty MariaDB database and removes it afterwards.
//
//   node scripts/test-db.mjs -- <command> [args…]   runs the command with TEST_DATABASE_URL set
//   import { provisionTestDatabase } from './scripts/test-db.mjs'
//
// Where the database comes from, first that works:
//   1. TEST_DATABASE_URL (mysql:// or mariadb://, a user allowed to CREATE and DROP databases);
//   2. the local server's unix socket as root (TEST_DB_SOCKET, default /run/mysqld/mysqld.sock;
//      TEST_DB_SOCKET=none skips it);
//   3. a private throwaway mariadbd (own datadir in a temp dir, own port from 33306, a user with a
//      password), stopped and deleted at the end;
//   else it says what to install.
// Each run creates a fresh database mqlk_test_<timestamp>_<random> and drops it, and any
// <name>_<suffix> databases the tests made from it, at the end. The command sees
// TEST_DATABASE_PROVISIONED=1, so a nested `test-db.mjs -- …` reuses the database instead.
// With TEST_DB_DIALECT=sqlite (tests on SQLite only) the command runs without any MariaDB.
// The command also gets TEST_REDIS_URL, a Redis for the rate-limit tests (see scripts/test-redis.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionTestRedis } from './test-redis.mjs';
import { freePort, runCommand } from './processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'server', 'package.json'));
const mysql = require('mysql2/promise');

const DEFAULT_SOCKET = '/run/mysqld/mysqld.sock';
const FIRST_PORT = 33306;
const log = (message) => process.stderr.write(`test-db: ${message}\n`);

/**
 * @returns {Promise<{ url: string, source: 'env' | 'socket' | 'throwaway' | 'provisioned', dispose: () => Promise<void> }>}
 */
export async function provisionTestDatabase(env = process.env) {
  if (env.TEST_DATABASE_PROVISIONED === '1' && env.TEST_DATABASE_URL) {
    return { url: env.TEST_DATABASE_URL, source: 'provisioned', dispose: async () => {} };
  }
  if (env.TEST_DATABASE_URL) {
    return withFreshDatabase(env.TEST_DATABASE_URL, 'env', async () => {});
  }
  const socket = env.TEST_DB_SOCKET ?? DEFAULT_SOCKET;
  if (socket !== 'none' && fs.existsSync(socket)) {
    const url = `mariadb://root@localhost/mysql?socketPath=${encodeURIComponent(socket)}`;
    try {
      await query(url, 'SELECT 1');
      return withFreshDatabase(url, 'socket', async () => {});
    } catch (err) {
      log(`cannot use ${socket} as root (${err.code ?? err.message}); trying a throwaway mariadbd`);
    }
  }
  const server = await startThrowawayServer();
  if (server) return withFreshDatabase(server.url, 'throwaway', server.stop);
  throw new Error(
    'No MariaDB to test against. Either\n' +
      '  - set TEST_DATABASE_URL=mariadb://user:password@host:3306/test (a user allowed to CREATE and DROP DATABASE), or\n' +
      '  - install MariaDB: `apt-get install -y mariadb-server` (Debian/Ubuntu). No service has to run:\n' +
      '    this script starts a private mariadbd from it (it needs mariadbd and mariadb-install-db).',
  );
}

/** Runs `fn(url)` with a fresh test database, always cleaning up. */
export async function withTestDatabase(fn, env = process.env) {
  const db = await provisionTestDatabase(env);
  try {
    return await fn(db.url);
  } finally {
    await db.dispose();
  }
}

async function withFreshDatabase(givenUrl, source, stopServer) {
  // The server uses TypeORM's 'mariadb' or 'mysql' driver by URL scheme; name the one that is running.
  let serverUrl = givenUrl;
  try {
    const [[{ version }]] = await query(givenUrl, 'SELECT VERSION() AS version');
    serverUrl = givenUrl.replace(/^[a-z]+:/, /mariadb/i.test(version) ? 'mariadb:' : 'mysql:');
  } catch (err) {
    await stopServer();
    throw new Error(`cannot connect through ${redact(givenUrl)}: ${err.message}`);
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `mqlk_test_${stamp}_${randomBytes(3).toString('hex')}`;
  try {
    await query(
      serverUrl,
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } catch (err) {
    await stopServer();
    throw new Error(`cannot create a test database through ${redact(serverUrl)}: ${err.message}`);
  }
  const url = withDatabaseName(serverUrl, name);
  log(`database ${name} (${source}: ${redact(serverUrl)})`);
  return {
    url,
    source,
    dispose: async () => {
      try {
        const [rows] = await query(serverUrl, 'SHOW DATABASES');
        const mine = rows
          .map((r) => r.Database)
          .filter((d) => d === name || d.startsWith(`${name}_`));
        for (const d of mine) await query(serverUrl, `DROP DATABASE IF EXISTS \`${d}\``);
      } catch (err) {
        log(`could not drop ${name}: ${err.message}`);
      } finally {
        await stopServer();
      }
    },
  };
}

/* ---------------------------------------------------------------- throwaway mariadbd */

function findBinary(names) {
  const dirs = [
    ...(process.env.PATH ?? '').split(path.delimiter),
    '/usr/sbin',
    '/usr/bin',
    '/usr/local/sbin',
    '/usr/local/bin',
  ];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (dir && fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

async function startThrowawayServer() {
  const mariadbd = findBinary(['mariadbd', 'mysqld']);
  const installDb = findBinary(['mariadb-install-db', 'mysql_install_db']);
  if (!mariadbd || !installDb) return null;

  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-mariadb-'));
  const datadir = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  // mariadbd refuses to run as root unless told to; the datadir is private, so root is fine here.
  const asUser = process.getuid?.() === 0 ? ['--user=root'] : [];
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });

  const install = spawnSync(
    installDb,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...asUser,
    ],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) {
    removeDir();
    throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
  }

  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort(FIRST_PORT + attempt * 7);
    const errorLog = path.join(dir, 'error.log');
    const child = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--socket=${socket}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${path.join(dir, 'mysqld.pid')}`,
        `--log-error=${errorLog}`,
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--innodb-buffer-pool-size=32M',
        '--skip-name-resolve',
        ...asUser,
      ],
      { stdio: 'ignore' },
    );
    let exited = false;
    const exit = new Promise((resolve) => child.once('exit', () => ((exited = true), resolve())));
    const stop = async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
        await exit;
        clearTimeout(timer);
      }
      removeDir();
    };

    const rootUrl = `mariadb://root@localhost/mysql?socketPath=${encodeURIComponent(socket)}`;
    const deadline = Date.now() + 30000;
    while (!exited && Date.now() < deadline) {
      try {
        await query(rootUrl, 'SELECT 1');
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (exited) {
      const tail = fs.existsSync(errorLog)
        ? fs.readFileSync(errorLog, 'utf8').split('\n').slice(-8).join('\n')
        : '';
      if (/bind|address already in use/i.test(tail)) continue; // another process took the port meanwhile
      removeDir();
      throw new Error(`the throwaway mariadbd stopped during start:\n${tail}`);
    }
    if (Date.now() >= deadline) {
      await stop();
      throw new Error('the throwaway mariadbd did not answer within 30 s');
    }

    // TCP logins need a user with a password; anonymous users would shadow it.
    const password = randomBytes(12).toString('hex');
    const [anonymous] = await query(rootUrl, "SELECT Host FROM mysql.user WHERE User = ''");
    for (const { Host } of anonymous) await query(rootUrl, `DROP USER ''@'${Host}'`);
    for (const host of ['127.0.0.1', 'localhost']) {
      await query(rootUrl, `CREATE USER 'mqlk_test'@'${host}' IDENTIFIED BY '${password}'`);
      await query(rootUrl, `GRANT ALL PRIVILEGES ON *.* TO 'mqlk_test'@'${host}'`);
    }
    log(`throwaway mariadbd on 127.0.0.1:${port} (${dir}), ready in ${Date.now() - started} ms`);
    return { url: `mariadb://mqlk_test:${password}@127.0.0.1:${port}/mysql`, stop };
  }
  removeDir();
  throw new Error('the throwaway mariadbd found no free port');
}

/* ---------------------------------------------------------------- helpers */

function connectionOptions(url) {
  const u = new URL(url);
  const socketPath = u.searchParams.get('socketPath');
  return {
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ...(socketPath ? { socketPath } : { host: u.hostname, port: Number(u.port || 3306) }),
    connectTimeout: 5000,
  };
}

async function query(url, sql) {
  const connection = await mysql.createConnection(connectionOptions(url));
  try {
    return await connection.query(sql);
  } finally {
    await connection.end();
  }
}

function withDatabaseName(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function redact(url) {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/* ---------------------------------------------------------------- CLI */

async function cli(argv) {
  const separator = argv.indexOf('--');
  const command = separator === -1 ? argv : argv.slice(separator + 1);
  if (command.length === 0) {
    log('usage: node scripts/test-db.mjs -- <command> [args…]');
    return 2;
  }
  let db = { url: undefined, dispose: async () => {} };
  if (process.env.TEST_DB_DIALECT === 'sqlite') {
    log('TEST_DB_DIALECT=sqlite: no MariaDB needed');
  } else {
    try {
      db = await provisionTestDatabase();
    } catch (err) {
      log(err.message);
      return 1;
    }
  }
  let redis = { url: null, dispose: async () => {} };
  try {
    redis = await provisionTestRedis();
  } catch (err) {
    log(`no Redis for the tests: ${err.message}`);
  }
  const code = await runCommand(
    command,
    {
      ...(db.url ? { TEST_DATABASE_URL: db.url, TEST_DATABASE_PROVISIONED: '1' } : {}),
      ...(redis.url ? { TEST_REDIS_URL: redis.url } : {}),
    },
    log,
  );
  await redis.dispose();
  await db.dispose();
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await cli(process.argv.slice(2));
}
