import type { ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Column shapes that mean the same on MySQL/MariaDB and SQLite. Times are `datetime(6)` holding UTC
 * (MySQL sessions are set to +00:00, SQLite stores UTC text); never `timestamp`, `json` or `uuid`,
 * whose behaviour differs between MySQL and MariaDB and makes migrations drift.
 */
export const DATETIME = { type: 'datetime', precision: 6 } as const satisfies ColumnOptions;

/** Enumerations are stored as their string code (the shared `as const` lists), never as DB enums. */
export function code(length = 16): ColumnOptions {
  return { type: 'varchar', length };
}

/** A JSON value in a `text` column; `null` stays NULL. */
export function jsonText<T>(): ValueTransformer {
  return {
    to: (value: T | null | undefined) =>
      value === null || value === undefined ? value : JSON.stringify(value),
    from: (value: string | null) => (value === null ? null : (JSON.parse(value) as T)),
  };
}
