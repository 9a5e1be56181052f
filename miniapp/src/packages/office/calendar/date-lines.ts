import { addDays, daysBetween, isLocalDate, isWeekend, yearOf, type LocalDate } from '@mqlk/shared';

/** A problem on one line of what was typed, numbered from 1 as the person sees the lines. */
export interface LineIssue {
  line: number;
  message: string;
}

export interface ParsedDates {
  /** every date, each once, in order */
  dates: LocalDate[];
  issues: LineIssue[];
}

/** Longer than any holiday in the national schedule (春节 is 8 or 9 days): a slip, not a holiday. */
export const MAX_RANGE_DAYS = 31;

const pad = (n: string) => n.padStart(2, '0');

/** 2027-1-1, 2027/1/1, 2027.1.1, 2027年1月1日 → 2027-01-01 (checked later). */
function normalise(line: string): string {
  return line
    .replace(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/g, '$1-$2-$3')
    .replace(/(\d{4})[/.／](\d{1,2})[/.／](\d{1,2})/g, '$1-$2-$3')
    .replace(
      /(\d{4})-(\d{1,2})-(\d{1,2})/g,
      (_m, y: string, m: string, d: string) => `${y}-${pad(m)}-${pad(d)}`,
    )
    .replace(/\s*(?:~|～|至|到|—|–)\s*/g, '~');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates typed into a box, one or more a line: single days (`2027-01-01`) and ranges
 * (`2027-01-01~2027-01-03`, or `2027-10-01~10-07` within a year), separated by spaces, commas or
 * 、. Each problem names its line, so the person can find it; what parsed is kept either way.
 * With `year`, every date must fall in that year.
 */
export function parseDateLines(text: string, year?: number): ParsedDates {
  const found = new Set<LocalDate>();
  const issues: LineIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const say = (message: string) => issues.push({ line, message });
    for (const token of normalise(raw)
      .split(/[\s,，、;；]+/)
      .filter(Boolean)) {
      const [from = '', to, extra] = token.split('~');
      if (extra !== undefined) {
        say(`“${token}”看不懂：一段日期写成 2027-01-01~2027-01-03`);
        continue;
      }
      const end = to !== undefined && /^\d{2}-\d{2}$/.test(to) ? `${from.slice(0, 4)}-${to}` : to;
      const bad = [from, ...(end === undefined ? [] : [end])].find(
        (d) => !DATE.test(d) || !isLocalDate(d),
      );
      if (bad !== undefined) {
        say(
          DATE.test(bad)
            ? `“${bad}”不是真实的日期`
            : `“${token}”看不懂：请写成 2027-01-01 或 2027-01-01~2027-01-03`,
        );
        continue;
      }
      const last = end ?? from;
      const length = daysBetween(from, last) + 1;
      if (length < 1) {
        say(`${from}~${last}：结束日期早于开始日期`);
        continue;
      }
      if (length > MAX_RANGE_DAYS) {
        say(`${from}~${last} 有${length}天，一段最长${MAX_RANGE_DAYS}天，请检查是否写错了`);
        continue;
      }
      const outside = year !== undefined && (yearOf(from) !== year || yearOf(last) !== year);
      if (outside) {
        say(`${from === last ? from : `${from}~${last}`} 不在${year}年内`);
        continue;
      }
      for (let i = 0; i < length; i++) found.add(addDays(from, i));
    }
  });
  return { dates: [...found].sort(), issues };
}

/** Dates back into lines, consecutive days as one range: how a saved schedule is shown to edit. */
export function formatDateLines(dates: readonly LocalDate[]): string {
  const sorted = [...new Set(dates)].sort();
  const lines: string[] = [];
  let start: LocalDate | null = null;
  let prev: LocalDate | null = null;
  const flush = () => {
    if (start && prev) lines.push(start === prev ? start : `${start}~${prev}`);
  };
  for (const date of sorted) {
    if (prev && addDays(prev, 1) === date) {
      prev = date;
      continue;
    }
    flush();
    start = date;
    prev = date;
  }
  flush();
  return lines.join('\n');
}

/**
 * The holidays with the weekend days between two of them filled in (Fri 02-20 … Mon 02-23 gets
 * Sat and Sun): the county calendar lists only the days that differ from Monday–Friday, so a
 * holiday that falls on a weekend comes back missing; bridged, the ranges read like the notice.
 * A weekend day off counts the same either way.
 */
export function bridgeWeekends(dates: readonly LocalDate[]): LocalDate[] {
  const sorted = [...new Set(dates)].sort();
  const out: LocalDate[] = [];
  sorted.forEach((date, i) => {
    out.push(date);
    const next = sorted[i + 1];
    if (!next) return;
    const gap: LocalDate[] = [];
    for (let d = addDays(date, 1); d < next; d = addDays(d, 1)) gap.push(d);
    if (gap.length > 0 && gap.length <= 2 && gap.every(isWeekend)) out.push(...gap);
  });
  return out;
}
