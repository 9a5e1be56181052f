import { createWorkCalendar, NATIONAL_SCHEDULES, warningAt } from '@mqlk/shared';
import type { QueryRunner } from 'typeorm';
import { dbTime, fromDbTime } from '../locking';

/**
 * The warning times of clocks still running when the sweeps came in: 18:00 of the working day
 * before each due day (the same rule `DeadlineRules.warnAt` applies to new clocks), or none when
 * that falls before the clock started. Clocks overdue already count as warned and alerted: they
 * are in the 已超期 queue, and the first sweep must not send a flood of old alerts.
 */
export async function backfillWarnAt(queryRunner: QueryRunner): Promise<void> {
  const calendar = createWorkCalendar(NATIONAL_SCHEDULES);
  const running: { id: number; started_at: Date | string; due_at: Date | string }[] =
    await queryRunner.query(
      'SELECT id, started_at, due_at FROM request_clock WHERE stopped_at IS NULL',
    );
  const now = new Date();
  for (const clock of running) {
    const dueAt = fromDbTime(clock.due_at);
    const warnAt = warningAt(calendar, dueAt);
    const warns = warnAt.getTime() > fromDbTime(clock.started_at).getTime();
    const overdue = dueAt.getTime() < now.getTime();
    await queryRunner.query(
      'UPDATE request_clock SET warn_at = ?, warned_at = ?, overdue_alerted_at = ? WHERE id = ?',
      [
        warns ? dbTime(queryRunner, warnAt) : null,
        overdue ? dbTime(queryRunner, now) : null,
        overdue ? dbTime(queryRunner, now) : null,
        clock.id,
      ],
    );
  }
}
