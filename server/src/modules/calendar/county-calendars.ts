import { Injectable, Logger } from '@nestjs/common';
import {
  createWorkCalendar,
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
  type LocalCalendarChange,
  NATIONAL_SCHEDULES,
  resolvePolicy,
  validateLocalCalendarChanges,
  validateWorkdaySchedule,
  type WorkCalendar,
  type WorkdaySchedule,
} from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { CalendarRepository, type CountyCalendarData } from './calendar.repository';

/** A county is the first id in a unit's materialised path: `/1/12/130/` → 1. */
export function countyIdOf(unitPath: string): number {
  const first = unitPath.split('/').find(Boolean);
  const id = Number(first);
  if (first === undefined || !Number.isInteger(id) || id < 1) {
    throw new Error(`No county in the unit path ${JSON.stringify(unitPath)}`);
  }
  return id;
}

export function countyPathOf(unitPath: string): string {
  return `/${countyIdOf(unitPath)}/`;
}

/** The schedule a year counts by: the county's own when it entered one, else the national one. */
export interface YearInForce {
  schedule: WorkdaySchedule;
  own: boolean;
}

/** A county's working days and time limits, ready for the deadline arithmetic. */
export interface CountyRules {
  countyId: number;
  calendar: WorkCalendar;
  policy: DeadlinePolicy;
  years: ReadonlyMap<number, YearInForce>;
  changes: readonly LocalCalendarChange[];
  /** stored rows that could not be used (entered before a rule changed, or edited by hand) */
  problems: string[];
}

/**
 * The national schedules built in, each year replaced by the county's own when it has one, then
 * the county's changes to single days on top. Writes are validated, so `problems` stays empty
 * unless the tables were edited by hand; a bad row is then left out rather than stopping every
 * deadline in the county.
 */
export function buildCountyRules(countyId: number, data: CountyCalendarData): CountyRules {
  const problems: string[] = [];
  const years = new Map<number, YearInForce>();
  for (const schedule of NATIONAL_SCHEDULES) years.set(schedule.year, { schedule, own: false });
  for (const row of data.years) {
    const schedule: WorkdaySchedule = {
      year: row.year,
      holidays: row.holidays,
      makeupWorkdays: row.makeupWorkdays,
      ...(row.source ? { source: row.source } : {}),
    };
    const issues = validateWorkdaySchedule(schedule);
    if (issues.length > 0) problems.push(...issues);
    else years.set(row.year, { schedule, own: true });
  }
  const changes: LocalCalendarChange[] = [];
  for (const row of data.changes) {
    const change = { date: row.date, kind: row.kind, ...(row.note ? { note: row.note } : {}) };
    const issues = validateLocalCalendarChanges([change]);
    if (issues.length > 0) problems.push(...issues);
    else changes.push(change);
  }
  const calendar = createWorkCalendar(
    [...years.values()].map((y) => y.schedule),
    changes,
  );
  return { countyId, calendar, policy: policyOf(data, problems), years, changes, problems };
}

function policyOf(data: CountyCalendarData, problems: string[]): DeadlinePolicy {
  const row = data.policy;
  if (!row) return DEFAULT_DEADLINE_POLICY;
  try {
    return resolvePolicy({
      acceptDays: row.acceptDays,
      resolveDays: { village: row.villageDays, township: row.townshipDays, county: row.countyDays },
      rectifyDays: row.rectifyDays,
    });
  } catch (err) {
    problems.push((err as Error).message);
    return DEFAULT_DEADLINE_POLICY;
  }
}

/**
 * Each county's rules, cached in this instance for at most `TTL_MS`. Several instances run, and a
 * change written on one reaches the others only when their copy runs out: within a minute. On the
 * instance that wrote it, `forget` drops the copy at once. A change affects clocks started after
 * it; running clocks keep the due times they were given.
 */
@Injectable()
export class CountyCalendars {
  static readonly TTL_MS = 60_000;

  private readonly logger = new Logger(CountyCalendars.name);
  private readonly cache = new Map<number, { rules: CountyRules; loadedAt: number }>();
  /** Bumped by every `forget`: a load that began before it must not store what it read. */
  private generation = 0;

  constructor(private readonly store: CalendarRepository) {}

  /** Inside a transaction pass its EntityManager: a miss is then read through it. */
  async rules(countyId: number, m?: EntityManager): Promise<CountyRules> {
    const started = ticks();
    const hit = this.cache.get(countyId);
    if (hit && started - hit.loadedAt < CountyCalendars.TTL_MS) return hit.rules;
    const generation = this.generation;
    const rules = await this.load(countyId, m);
    if (generation === this.generation) this.cache.set(countyId, { rules, loadedAt: started });
    return rules;
  }

  /** Read afresh, bypassing the cache: what the calendar page shows after a change. */
  async load(countyId: number, m?: EntityManager): Promise<CountyRules> {
    const rules = buildCountyRules(countyId, await this.store.countyData(countyId, m));
    if (rules.problems.length > 0) {
      this.logger.warn({ countyId, problems: rules.problems }, 'county calendar rows left out');
    }
    return rules;
  }

  /** After a change to the county's calendar or policy has been committed. */
  forget(countyId: number): void {
    // Stryker disable next-line AssignmentOperator: only compared for equality, so -= 1 is the same (docs/testing.md)
    this.generation += 1;
    this.cache.delete(countyId);
  }
}

/** Monotonic milliseconds: moving the system (or the dev) clock neither stretches nor cuts the TTL. */
function ticks(): number {
  return performance.now();
}
