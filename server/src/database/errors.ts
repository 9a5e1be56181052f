import { CannotExecuteNotConnectedError, ConnectionIsNotSetError, QueryFailedError } from 'typeorm';

/** A unique index refused the row (MySQL/MariaDB ER_DUP_ENTRY, SQLite UNIQUE constraint). */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; errno?: number };
  return (
    driver.code === 'ER_DUP_ENTRY' ||
    driver.errno === 1062 ||
    driver.code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/** MySQL/MariaDB chose this transaction to give way to another (ER_LOCK_DEADLOCK): run it again. */
export function isDeadlock(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; errno?: number };
  return driver.code === 'ER_LOCK_DEADLOCK' || driver.errno === 1213;
}

/**
 * Node's socket codes. They count only on an error mysql2 marked `fatal` (it does so for every
 * failure of the connection itself): the same codes from fetch() to the SMS gateway or the photo
 * store say nothing about the database.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * Codes only database drivers use that say the database cannot take a query right now, not that
 * the query was wrong: mysql2's lost connection, MariaDB refusing connections or shutting down,
 * SQLite's file locked or unreadable. SQLite's extended codes (SQLITE_BUSY_SNAPSHOT,
 * SQLITE_IOERR_READ…) count with their primary code.
 */
const DRIVER_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_NET_READ_ERROR',
  'ER_NET_WRITE_INTERRUPTED',
  // Two transactions waited on each other (a move and a sweep on the same rows): one gives way.
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/** mysql2 says these without a code once a pool or connection is closed. */
const CLOSED_MESSAGES = [
  /^Pool is closed\.?$/,
  /^Can't add new command when connection is in closed state$/,
  /^Can't write in closed state$/,
];

interface ErrorLike {
  code?: unknown;
  fatal?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * The database is down, unreachable, restarting or locked: the caller may try again later. Looks
 * through TypeORM's QueryFailedError (`driverError`), `cause` chains and AggregateError (Node's
 * happy-eyeballs connect reports one error per address).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return unavailable(err, false, 0);
}

function unavailable(err: unknown, fatal: boolean, depth: number): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  if (err instanceof CannotExecuteNotConnectedError || err instanceof ConnectionIsNotSetError) {
    return true;
  }
  const e = err as ErrorLike;
  const isFatal = fatal || e.fatal === true;
  if (typeof e.code === 'string') {
    const code = e.code.startsWith('SQLITE_') ? e.code.split('_', 2).join('_') : e.code;
    if (DRIVER_CODES.has(code) || (isFatal && SOCKET_CODES.has(code))) return true;
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (CLOSED_MESSAGES.some((m) => m.test(message))) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => x !== err && unavailable(x, isFatal, depth + 1));
}
