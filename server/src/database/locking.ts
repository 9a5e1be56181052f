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

/** `FOR UPDATE` on MySQL/MariaDB: wait for the row, then hold it until the transaction ends. */
export function forUpdate(m: EntityManager): string {
  return isSqlite(m) ? '' : ' FOR UPDATE';
}

/** `INSERT IGNORE` / `INSERT OR IGNORE`: a row whose unique key exists already is left alone. */
export function insertIgnore(m: EntityManager): string {
  return isSqlite(m) ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
}

/**
 * Runs a statement and answers what it changed: `affected` rows and, for an INSERT, the driver's
 * `raw` answer (mysql2's header, better-sqlite3's rowid). In the caller's transaction when it has one.
 */
export async function execute(
  m: EntityManager,
  sql: string,
  params: unknown[],
): Promise<{ affected?: number; raw?: unknown }> {
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  try {
    return await runner.query(sql, params, true);
  } finally {
    if (!m.queryRunner) await runner.release();
  }
}

/** Rows changed by a statement run with `execute`. */
export function affectedRows(result: { affected?: number; raw?: unknown }): number {
  if (typeof result.affected === 'number') return result.affected;
  const raw = result.raw as { affectedRows?: number } | undefined;
  return raw?.affectedRows ?? 0;
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
