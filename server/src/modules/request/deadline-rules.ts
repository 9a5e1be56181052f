import { Injectable } from '@nestjs/common';
import {
  acceptDueAt,
  addWorkingDays,
  createWorkCalendar,
  DEFAULT_DEADLINE_POLICY,
  type DeadlineState,
  deadlineOf,
  dueSoonBefore,
  type HandlingLevel,
  NATIONAL_SCHEDULES,
  rectifyDueAt,
  type RequestStatus,
  resolveDueAt,
  warningAt,
} from '@mqlk/shared';

/**
 * The county's working-day calendar and deadline policy. For now every county uses the national
 * schedule and the default policy; per-county data comes with the county settings pages.
 */
@Injectable()
export class DeadlineRules {
  private readonly calendar = createWorkCalendar(NATIONAL_SCHEDULES);
  private readonly policy = DEFAULT_DEADLINE_POLICY;

  /** Both clocks start when the request reaches its (new) owner. */
  clocksFrom(reachedAt: Date, level: HandlingLevel): { acceptDueAt: Date; dueAt: Date } {
    return {
      acceptDueAt: acceptDueAt(this.calendar, reachedAt, this.policy),
      dueAt: resolveDueAt(this.calendar, reachedAt, level, this.policy),
    };
  }

  rectifyFrom(verifiedAt: Date): Date {
    return rectifyDueAt(this.calendar, verifiedAt, this.policy);
  }

  /**
   * When the owner of a clock due at `dueAt` is warned: 18:00 of the working day before; null when
   * that is not after the clock started (a one-day clock started in the evening: the notice that
   * the request arrived already names its due time).
   */
  warnAt(dueAt: Date, startedAt: Date): Date | null {
    const at = warningAt(this.calendar, dueAt);
    return at.getTime() > startedAt.getTime() ? at : null;
  }

  /** 督办: the owner is reminded at the end of the next working day if it is still open. */
  supervisionReminderFrom(supervisedAt: Date): Date {
    return addWorkingDays(this.calendar, supervisedAt, 1);
  }

  /** The time a queue is read at, with the end of its due-soon range. */
  queueTime(now: Date): { now: Date; horizon: Date } {
    return { now, horizon: dueSoonBefore(this.calendar, now) };
  }

  /** The list's deadline badge, after the clock that falls due first (签收 while awaited). */
  describe(
    status: RequestStatus,
    acceptDueAt: Date | null,
    dueAt: Date | null,
    now: Date,
  ): { deadline: DeadlineState; deadlineText: string } {
    return deadlineOf(this.calendar, status, acceptDueAt, dueAt, now);
  }
}
