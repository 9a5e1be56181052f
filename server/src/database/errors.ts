import { QueryFailedError } from 'typeorm';

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
