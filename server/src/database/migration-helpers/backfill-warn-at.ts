import { createWorkCalendar, NATIONAL_SCHEDULES, warningAt } from '@mqlk/shared';
import type { QueryRunner } from 'typeorm';
import { dbTime } from '../locking';

/**
 * The warning times of clocks still running when the sweeps came in: 18:00 of the working day
 * before each due day (the same rule `DeadlineRules.warnAt` applies to new clocks), or none when
 * that falls before the clock started. Clocks already overdue get their alert from the first sweep.
 */
export async function backfillWarnAt(queryRunner: QueryRunner): Promise<void> {
  const calendar = createWorkCalendar(NATIONAL_SCHEDULES);
  const running: { id: number; started_at: Date | string; due_at: Date | string }[] =
    await queryRunner.query(
      'SELECT id, started_at, due_at FROM request_clock WHERE stopped_at IS NULL',
    );
  for (const clock of running) {
    const warnAt = warningAt(calendar, asDate(clock.due_at));
    if (warnAt.getTime() <= asDate(clock.started_at).getTime()) continue;
    await queryRunner.query('UPDATE request_clock SET warn_at = ? WHERE id = ?', [
      dbTime(queryRunner, warnAt),
      clock.id,
    ]);
  }
}

/** SQLite returns datetimes as UTC text without a zone. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
