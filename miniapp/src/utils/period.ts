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
