import { dayNumberOf, isLocalDate, localDayNumberOf } from '../calendar/local-date';
import type { MetricPeriod } from './types';

/** Consecutive local-day numbers, both ends included. */
export interface DayRange {
  first: number;
  last: number;
}

/** Days since 1970-01-01 in Asia/Shanghai. */
export const localDay = localDayNumberOf;

export function inRange(t: Date | null | undefined, range: DayRange): boolean {
  if (!t) return false;
  const day = localDay(t);
  return day >= range.first && day <= range.last;
}

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

function dayOfDate(date: string): number {
  if (!isLocalDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return dayNumberOf(date);
}

export function toDayRange(period: MetricPeriod): DayRange {
  const range = { first: dayOfDate(period.from), last: dayOfDate(period.to) };
  if (range.first > range.last) {
    throw new RangeError(`Period ends before it starts: ${period.from} … ${period.to}`);
  }
  return range;
}

function parseMonth(month: string): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  const parsed = { year: Number(match?.[1]), month: Number(match?.[2]) };
  if (!match || parsed.year < 1000 || parsed.month < 1 || parsed.month > 12) {
    throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  }
  return parsed;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every month from `from` to `to` (both 'YYYY-MM', included), each with its whole-month period. */
export function monthsBetween(from: string, to: string): { key: string; period: MetricPeriod }[] {
  const start = parseMonth(from);
  const end = parseMonth(to);
  const months: { key: string; period: MetricPeriod }[] = [];
  for (let { year, month } = start; year * 12 + month <= end.year * 12 + end.month; ) {
    const key = `${year}-${pad(month)}`;
    // Day 0 of the next month is the last day of this one.
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    months.push({ key, period: { from: `${key}-01`, to: `${key}-${pad(lastDay)}` } });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  if (months.length === 0) throw new RangeError(`Months end before they start: ${from} … ${to}`);
  return months;
}

/* ---- months as numbers (year × 12 + month − 1), for the rollups ---- */

const DAY_MS = 86_400_000;

/** The month (year × 12 + month − 1) a local day number falls in. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The local day numbers of a month's first and last day. */
export function daysOfMonth(month: number): DayRange {
  const [year, m] = [Math.floor(month / 12), month % 12];
  return {
    first: Date.UTC(year, m, 1) / DAY_MS,
    last: Date.UTC(year, m + 1, 0) / DAY_MS,
  };
}

/** 'YYYY-MM' of a month number. */
export function monthKey(month: number): string {
  return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}`;
}

/**
 * How the rollups answer a period: whole months that are over (every clock due in them has
 * fallen due) from the monthly table, the rest day by day. `today` is the local day number now.
 */
export function rollupPlan(
  range: DayRange,
  today: number,
): { months: { first: number; last: number } | null; days: DayRange[] } {
  let firstMonth = monthOfDay(range.first);
  if (daysOfMonth(firstMonth).first < range.first) firstMonth += 1;
  let lastMonth = monthOfDay(range.last);
  if (daysOfMonth(lastMonth).last > range.last) lastMonth -= 1;
  while (lastMonth >= firstMonth && daysOfMonth(lastMonth).last >= today) lastMonth -= 1;
  if (lastMonth < firstMonth) return { months: null, days: [range] };
  const days: DayRange[] = [];
  const before = daysOfMonth(firstMonth).first - 1;
  const after = daysOfMonth(lastMonth).last + 1;
  if (before >= range.first) days.push({ first: range.first, last: before });
  if (after <= range.last) days.push({ first: after, last: range.last });
  return { months: { first: firstMonth, last: lastMonth }, days };
}
