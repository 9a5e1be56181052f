import { Injectable } from '@nestjs/common';
import {
  type Action,
  type ClockStop,
  type ClockKind,
  clockPlan,
  type Transition,
} from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { ClockRepository, type NewClock } from './clock.repository';
import { DeadlineRules } from './deadline-rules';
import type { Holder } from './request-routing';

export interface ClockChanges {
  /** the move that makes these changes */
  action: Action;
  stop: { kind: ClockKind; stop: ClockStop }[];
  start: Omit<NewClock, 'requestId'>[];
  /** the request's copies of the running clocks' due times, where they change */
  copies: { acceptDueAt?: Date; dueAt?: Date };
}

/**
 * Turns a permitted move into its clock changes (shared `clockPlan`): which running clocks stop
 * and which start for the owner the request is with afterwards, with calendar-aware due times.
 */
@Injectable()
export class RequestClocks {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly deadlines: DeadlineRules,
  ) {}

  /**
   * Due times follow the calendar and policy of the holder's county, read through `m` (the move's
   * transaction) when not cached; moves that start no clock do not look them up.
   */
  async plan(
    action: Action,
    t: Transition,
    holder: Holder,
    now: Date,
    m: EntityManager,
  ): Promise<ClockChanges> {
    const { stop, start } = clockPlan(action, t);
    if (start.length === 0) return { action, stop, start: [], copies: {} };
    const rules = await this.deadlines.for(holder.ownerUnitPath, m);
    const dueOf: Record<ClockKind, () => Date> = {
      accept: () => rules.clocksFrom(now, t.level).acceptDueAt,
      resolve: () => rules.clocksFrom(now, t.level).dueAt,
      rectify: () => rules.rectifyFrom(now),
    };
    const started = start
      .map((kind) => ({
        kind,
        round: t.round,
        ownerUserId: holder.ownerUserId,
        ownerUnitId: holder.ownerUnitId,
        ownerUnitPath: holder.ownerUnitPath,
        level: t.level,
        startedAt: now,
        dueAt: dueOf[kind](),
      }))
      .map((c) => ({ ...c, warnAt: rules.warnAt(c.dueAt, now) }));
    const copies: ClockChanges['copies'] = {};
    for (const clock of started) {
      if (clock.kind === 'accept') copies.acceptDueAt = clock.dueAt;
      else copies.dueAt = clock.dueAt;
    }
    return { action, stop, start: started, copies };
  }

  async write(
    m: EntityManager,
    requestId: number,
    changes: ClockChanges,
    now: Date,
  ): Promise<void> {
    await this.clocks.stopRunning(m, requestId, changes.stop, now, changes.action);
    await this.clocks.start(
      m,
      changes.start.map((c) => ({ ...c, requestId })),
    );
  }
}
