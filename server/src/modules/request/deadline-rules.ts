import { Injectable } from '@nestjs/common';
import {
  acceptDueAt,
  addWorkingDays,
  type DeadlinePolicy,
  type DeadlineState,
  deadlineOf,
  dueSoonBefore,
  type HandlingLevel,
  rectifyDueAt,
  type RequestStatus,
  resolveDueAt,
  warningAt,
  type WorkCalendar,
} from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { type CountyRules, CountyCalendars, countyIdOf } from '../calendar/county-calendars';

/**
 * The deadlines of one county: its working-day calendar (the national schedules, each year
 * replaced by the county's own where it entered one, and its changes to single days) and its
 * deadline policy. Plain arithmetic once built, so a list uses one for all of its rows.
 */
export class CountyDeadlines {
  constructor(
    private readonly calendar: WorkCalendar,
    private readonly policy: DeadlinePolicy,
  ) {}

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

/**
 * Whose deadlines: a request's are its owner unit's county's (`ownerUnitPath`), a queue's its
 * reader's. The county's rules come from `CountyCalendars`, cached per county for at most a
 * minute (a change made on another instance shows within that time); a change affects only
 * clocks started after it.
 */
@Injectable()
export class DeadlineRules {
  /** One wrapper per cached rules object, so a cache hit allocates nothing. */
  private readonly wrapped = new WeakMap<CountyRules, CountyDeadlines>();

  constructor(private readonly calendars: CountyCalendars) {}

  /** Inside a transaction pass its EntityManager, so that a cache miss reads through it. */
  async for(unitPath: string, m?: EntityManager): Promise<CountyDeadlines> {
    return this.wrap(await this.calendars.rules(countyIdOf(unitPath), m));
  }

  /**
   * The deadlines of every row of a list, with one lookup per county among them (a list is
   * almost always one county's): `of(row.ownerUnitPath)`.
   */
  async forAll(unitPaths: readonly string[]): Promise<(unitPath: string) => CountyDeadlines> {
    const byCounty = new Map<number, CountyDeadlines>();
    for (const countyId of new Set(unitPaths.map(countyIdOf))) {
      byCounty.set(countyId, this.wrap(await this.calendars.rules(countyId)));
    }
    return (unitPath) => byCounty.get(countyIdOf(unitPath))!;
  }

  private wrap(rules: CountyRules): CountyDeadlines {
    let deadlines = this.wrapped.get(rules);
    if (!deadlines) {
      deadlines = new CountyDeadlines(rules.calendar, rules.policy);
      this.wrapped.set(rules, deadlines);
    }
    return deadlines;
  }
}
