import type { HandlingLevel } from '../org/levels';
import { HANDLING_LEVELS } from '../org/levels';
import { type LocalTime, localDateOf, localTimeToInstant } from './local-date';
import { type WorkCalendar, nextWorkingDay } from './work-calendar';

/** Every deadline falls at this Asia/Shanghai time, the end of the office day. */
export const DUE_TIME_OF_DAY: LocalTime = '18:00';

/**
 * The local day on which the clock starts never counts, whatever the hour (00:00 included), so a
 * request that arrives at 08:00 gets no more time than one at 23:59: counting starts with the next
 * working day, and the result is 18:00 Asia/Shanghai on the n-th working day.
 */
export function addWorkingDays(cal: WorkCalendar, start: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`Working days must be a positive integer, got ${n}`);
  }
  let day = localDateOf(start);
  for (let i = 0; i < n; i += 1) day = nextWorkingDay(cal, day);
  return localTimeToInstant(day, DUE_TIME_OF_DAY);
}

/** Time limits in working days; each county may override any of them. */
export interface DeadlinePolicy {
  /** 签收 */
  readonly acceptDays: number;
  /** 办结, by the level the request is handled at */
  readonly resolveDays: Readonly<Record<HandlingLevel, number>>;
  /** 整改 */
  readonly rectifyDays: number;
}

/** A county's overrides as stored; a missing or null field keeps the default. */
export interface DeadlinePolicyOverrides {
  acceptDays?: number | null;
  resolveDays?: Partial<Record<HandlingLevel, number | null>> | null;
  rectifyDays?: number | null;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze({
  acceptDays: 1,
  resolveDays: Object.freeze({ village: 3, township: 7, county: 15 }),
  rectifyDays: 15,
});

const DAYS_LABELS = {
  acceptDays: '签收时限',
  rectifyDays: '整改时限',
  village: '村级办结时限',
  township: '乡镇级办结时限',
  county: '县级办结时限',
} as const;

function checkedDays(value: number, label: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${label}应为不少于1的整数（工作日），当前为“${String(value)}”`);
  }
  return value;
}

/** Merges a county's overrides over `base` (the defaults); throws when a value is not a whole number of days. */
export function resolvePolicy(
  overrides: DeadlinePolicyOverrides | null | undefined,
  base: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): DeadlinePolicy {
  const resolveDays = {} as Record<HandlingLevel, number>;
  for (const level of HANDLING_LEVELS) {
    const days = overrides?.resolveDays?.[level] ?? base.resolveDays[level];
    resolveDays[level] = checkedDays(days, DAYS_LABELS[level]);
  }
  return Object.freeze({
    acceptDays: checkedDays(overrides?.acceptDays ?? base.acceptDays, DAYS_LABELS.acceptDays),
    resolveDays: Object.freeze(resolveDays),
    rectifyDays: checkedDays(overrides?.rectifyDays ?? base.rectifyDays, DAYS_LABELS.rectifyDays),
  });
}

/** `reachedAt`: when the request reached its current owner (submission, escalation or transfer). */
export function acceptDueAt(
  cal: WorkCalendar,
  reachedAt: Date,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): Date {
  return addWorkingDays(cal, reachedAt, policy.acceptDays);
}

/** Runs from the same moment as the accept clock, not from acceptance. */
export function resolveDueAt(
  cal: WorkCalendar,
  reachedAt: Date,
  level: HandlingLevel,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): Date {
  return addWorkingDays(cal, reachedAt, policy.resolveDays[level]);
}

/** `verifiedAt`: when township staff found the bad rating justified. */
export function rectifyDueAt(
  cal: WorkCalendar,
  verifiedAt: Date,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): Date {
  return addWorkingDays(cal, verifiedAt, policy.rectifyDays);
}
