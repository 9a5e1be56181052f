/**
 * 走访日记: when a visit may be dated, whether it fell on the cadre's duty day (一线工作日), and the
 * quarter that visit coverage (走访覆盖率) is counted over.
 */
import {
  addDays,
  dayOfWeek,
  formatLocalDate,
  type LocalDate,
  parseLocalDate,
} from '../calendar/local-date';

/** A visit may be written down up to this many days after it happened, not before. */
export const VISIT_BACKDATE_DAYS = 30;

/** Households not visited for this many days are listed for the township (特殊群体 first). */
export const UNVISITED_DAYS = 90;

const WEEKDAY_CHARS: Record<string, number> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};

/**
 * The weekdays (0 = Sunday … 6) a cadre's 一线工作日 text names: 每周一、周四 → [1, 4];
 * 星期三 / 礼拜三 → [3]; 周一至周五 → [1…5]; 每天 / 每日 → all; 工作日 → Monday to Friday.
 * A text naming no weekday (每月10日) gives none: such visits are simply not marked.
 */
export function dutyWeekdays(text: string): number[] {
  const days = new Set<number>();
  if (/每天|每日/.test(text)) return [0, 1, 2, 3, 4, 5, 6];
  if (/工作日/.test(text)) [1, 2, 3, 4, 5].forEach((d) => days.add(d));
  const prefix = '(?:周|星期|礼拜)';
  const day = '([日天一二三四五六])';
  const range = new RegExp(`${prefix}${day}\\s*(?:至|到|~|-|—|－)\\s*${prefix}?${day}`, 'g');
  let rest = text;
  for (const m of text.matchAll(range)) {
    const from = WEEKDAY_CHARS[m[1]!]!;
    const to = WEEKDAY_CHARS[m[2]!]!;
    // 周一至周日: Sunday (0) closes the week.
    const end = to === 0 ? 7 : to;
    for (let d = from; d <= end; d++) days.add(d % 7);
    // Cut out, leaving its last day to head a list that may follow (周一至周三、六), with a space
    // before it so that the text on either side cannot join into a day the text did not name.
    rest = rest.replace(m[0], ` 周${m[2]!}`);
  }
  // 周一、四、五: one prefix may head a list of days.
  const list = new RegExp(
    `${prefix}${day}((?:\\s*[、，,和及与/]\\s*(?:${prefix})?[日天一二三四五六])*)`,
    'g',
  );
  for (const m of rest.matchAll(list)) {
    days.add(WEEKDAY_CHARS[m[1]!]!);
    for (const c of m[2]!.match(/[日天一二三四五六]/g) ?? []) days.add(WEEKDAY_CHARS[c]!);
  }
  return [...days].sort((a, b) => a - b);
}

/** What is wrong with a visit's date, given today; null when it may be recorded. */
export function visitDateProblem(visitedOn: LocalDate, today: LocalDate): string | null {
  if (visitedOn > today) return '走访日期不能晚于今天';
  if (visitedOn < addDays(today, -VISIT_BACKDATE_DAYS)) {
    return `只能补记${VISIT_BACKDATE_DAYS}天内的走访`;
  }
  return null;
}

/** Whether `date` is one of the weekdays the duty text names. */
export function isDutyDay(dutyDaysText: string, date: LocalDate): boolean {
  return dutyWeekdays(dutyDaysText).includes(dayOfWeek(date));
}

export interface Quarter {
  /** 2026-Q4 */
  key: string;
  from: LocalDate;
  to: LocalDate;
}

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The quarter a date falls in. */
export function quarterOf(date: LocalDate): Quarter {
  const { year, month } = parseLocalDate(date);
  return quarter(year, Math.floor((month - 1) / 3) + 1);
}

/** A quarter by its key (2026-Q4), or null when the key is not one. */
export function parseQuarter(key: string): Quarter | null {
  const m = QUARTER_PATTERN.exec(key);
  return m ? quarter(Number(m[1]), Number(m[2])) : null;
}

function quarter(year: number, q: number): Quarter {
  const from = formatLocalDate({ year, month: q * 3 - 2, day: 1 });
  const next =
    q === 4
      ? formatLocalDate({ year: year + 1, month: 1, day: 1 })
      : formatLocalDate({ year, month: q * 3 + 1, day: 1 });
  return { key: `${year}-Q${q}`, from, to: addDays(next, -1) };
}

/** 2026年第四季度 */
export function quarterLabel(q: Quarter): string {
  return `${q.key.slice(0, 4)}年第${'一二三四'[Number(q.key.slice(-1)) - 1]}季度`;
}
