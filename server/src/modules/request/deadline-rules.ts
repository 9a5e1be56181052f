import { Injectable } from '@nestjs/common';
import {
  acceptDueAt,
  createWorkCalendar,
  DEFAULT_DEADLINE_POLICY,
  type DeadlineState,
  deadlineState,
  describeDue,
  type HandlingLevel,
  isOpenStatus,
  NATIONAL_SCHEDULES,
  rectifyDueAt,
  type RequestStatus,
  resolveDueAt,
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

  describe(
    status: RequestStatus,
    dueAt: Date | null,
    now: Date,
  ): { deadline: DeadlineState; deadlineText: string } {
    if (dueAt === null) return { deadline: 'none', deadlineText: '' };
    const deadline = deadlineState(this.calendar, status, dueAt, now);
    return {
      deadline,
      deadlineText: isOpenStatus(status) ? describeDue(this.calendar, dueAt, now) : '',
    };
  }
}
