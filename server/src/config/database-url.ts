import * as path from 'node:path';

export type DatabaseDialect = 'sqlite' | 'mysql' | 'mariadb';

export type DatabaseConnection =
  | { dialect: 'sqlite'; /** absolute path, or `:memory:` */ file: string }
  | {
      dialect: 'mysql' | 'mariadb';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      /** a unix socket instead of TCP, e.g. `/run/mysqld/mysqld.sock` (root logs in only this way) */
      socketPath?: string;
    };

const QUERY_KEYS = ['socketPath'];

/**
 * `sqlite:<file>` (relative to `cwd`) or `sqlite::memory:`;
 * `mysql://user:password@host:port/database` and `mariadb://…` (TypeORM's mysql / mariadb drivers),
 * optionally `?socketPath=/run/mysqld/mysqld.sock`. Returns an error message instead of throwing.
 */
export function parseDatabaseUrl(url: string, cwd: string): DatabaseConnection | string {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') return 'sqlite: needs a file, e.g. sqlite:./data/mqlk.sqlite';
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be sqlite:<file>, mysql://… or mariadb://…';
  }
  const dialect = parsed.protocol.slice(0, -1);
  if (dialect !== 'mysql' && dialect !== 'mariadb') {
    return `unsupported scheme "${parsed.protocol}" (use sqlite:, mysql:// or mariadb://)`;
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$]{1,64}$/.test(database)) {
    return 'needs a database name in the path, e.g. mariadb://user:password@host:3306/mqlk';
  }
  const unknown = [...parsed.searchParams.keys()].filter((k) => !QUERY_KEYS.includes(k));
  if (unknown.length > 0) {
    return `unknown parameter(s) ${unknown.join(', ')} (supported: ${QUERY_KEYS.join(', ')})`;
  }
  const port = parsed.port === '' ? 3306 : Number(parsed.port);
  const socketPath = parsed.searchParams.get('socketPath') ?? undefined;
  return {
    dialect,
    host: parsed.hostname || 'localhost',
    port,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    ...(socketPath ? { socketPath } : {}),
  };
}

/** The same URL with its password hidden, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
