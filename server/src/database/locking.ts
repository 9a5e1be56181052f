import type { DataSource, EntityManager } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';

/** SQLite serialises writers and has no row locks; MySQL/MariaDB claim rows instead. */
export function isSqlite(m: EntityManager): boolean {
  return m.connection.options.type === 'better-sqlite3';
}

/**
 * The tail of a claiming SELECT: on MySQL/MariaDB the rows are locked for this transaction and
 * rows another instance holds are passed over (each row is worked by one instance); on SQLite,
 * the one writer at a time, nothing.
 */
export function skipLocked(m: EntityManager): string {
  return isSqlite(m) ? '' : ' FOR UPDATE SKIP LOCKED';
}

/**
 * A time as a raw query's parameter: mysql2 takes a Date (sent as UTC), better-sqlite3 only text,
 * in the form TypeORM stores SQLite datetimes in (so that comparisons order correctly).
 */
export function dbTime(m: Pick<EntityManager, 'connection'>, at: Date): Date | string {
  return m.connection.options.type === 'better-sqlite3'
    ? DateUtils.mixedDateToUtcDatetimeString(at)
    : at;
}

/** A time a raw query read back: mysql2 gives a Date, better-sqlite3 UTC text without a zone. */
export function fromDbTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** `FOR UPDATE` on MySQL/MariaDB: wait for the row, then hold it until the transaction ends. */
export function forUpdate(m: EntityManager): string {
  return isSqlite(m) ? '' : ' FOR UPDATE';
}

/**
 * The tail of an INSERT that leaves alone a row whose unique key (`columns`) exists already, and
 * only that: unlike `INSERT IGNORE`, a missing foreign key or a bad value still fails.
 */
export function onDuplicateIgnore(m: EntityManager, columns: string): string {
  if (isSqlite(m)) return `ON CONFLICT(${columns}) DO NOTHING`;
  const first = columns.split(',')[0]!.trim();
  return `ON DUPLICATE KEY UPDATE ${first} = ${first}`;
}

/**
 * A transaction that claims rows: READ COMMITTED on MySQL/MariaDB, so that its locking reads take
 * the rows they return and not the gaps around them, which moves inserting nearby would wait on.
 */
export function claimTransaction<T>(
  db: DataSource,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return db.options.type === 'better-sqlite3'
    ? db.transaction(work)
    : db.transaction('READ COMMITTED', work);
}
