import { addDays, formatLocalDate, localDateOf, parseLocalDate } from '@mqlk/shared';

/** Local dates (Asia/Shanghai), both ends included, as the figures routes take them. */
export interface Period {
  from: string;
  to: string;
}

export type PresetKey = 'this_month' | 'last_month' | 'this_year';

export const PRESETS: readonly { key: PresetKey; label: string }[] = [
  { key: 'this_month', label: '本月' },
  { key: 'last_month', label: '上月' },
  { key: 'this_year', label: '今年' },
];

/** A preset period as of `now`; the current ones run up to today. */
export function presetPeriod(key: PresetKey, now: Date = new Date()): Period {
  const today = localDateOf(now);
  const { year, month } = parseLocalDate(today);
  const monthStart = formatLocalDate({ year, month, day: 1 });
  switch (key) {
    case 'this_month':
      return { from: monthStart, to: today };
    case 'last_month': {
      const lastDay = addDays(monthStart, -1);
      const last = parseLocalDate(lastDay);
      return { from: formatLocalDate({ year: last.year, month: last.month, day: 1 }), to: lastDay };
    }
    case 'this_year':
      return { from: formatLocalDate({ year, month: 1, day: 1 }), to: today };
  }
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The last `days` local dates up to today, today included: what the anomaly list starts on. */
export function lastDays(days: number, now: Date = new Date()): Period {
  const today = localDateOf(now);
  return { from: addDays(today, 1 - days), to: today };
}

/** A calendar month as the report routes take it: `2026-11`. */
export type Month = string;

/** The month before this one: the latest a monthly report can be made for. */
export const lastMonth = (now: Date = new Date()): Month =>
  presetPeriod('last_month', now).from.slice(0, 7);

/** `2026-11` moved by whole months: `shiftMonth('2026-01', -1)` is `2025-12`. */
export function shiftMonth(month: Month, by: number): Month {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2026-11` → `2026年11月`. */
export function monthLabel(month: Month): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${year}年${m}月`;
}
