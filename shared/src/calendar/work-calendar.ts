import { type LocalDate, isLocalDate, isWeekend, addDays, daysBetween, yearOf } from './local-date';

/**
 * One year of the statutory schedule (放假和调休安排): the days off, including those that fall on
 * a weekend, and the weekend days that are worked instead (调休上班).
 */
export interface WorkdaySchedule {
  year: number;
  holidays: readonly LocalDate[];
  makeupWorkdays: readonly LocalDate[];
  /** Where the data comes from, e.g. the notice that published it. */
  source?: string;
}

export const LOCAL_CALENDAR_CHANGE_KINDS = ['holiday', 'workday'] as const;
export type LocalCalendarChangeKind = (typeof LOCAL_CALENDAR_CHANGE_KINDS)[number];

/** A county's own change to one day (a local festival, a day off after a flood…); wins over the schedule. */
export interface LocalCalendarChange {
  date: LocalDate;
  kind: LocalCalendarChangeKind;
  note?: string;
}

/** Built by `createWorkCalendar` from validated data; treat as opaque. */
export interface WorkCalendar {
  readonly scheduledYears: ReadonlySet<number>;
  /** Days whose status is stated by the data: true = working day. Other days follow Mon–Fri. */
  readonly explicitDays: ReadonlyMap<LocalDate, boolean>;
}

// The fixed UTC+8 arithmetic is exact only from 1991, when China last used daylight saving.
const MIN_YEAR = 1992;
const MAX_YEAR = 2200;

function checkDates(year: number, label: string, dates: readonly LocalDate[]): string[] {
  const issues: string[] = [];
  for (const date of dates) {
    if (!isLocalDate(date)) {
      issues.push(`${year}年${label}“${String(date)}”不是有效日期，应写成 YYYY-MM-DD`);
    } else if (yearOf(date) !== year) {
      issues.push(`${year}年${label} ${date} 不在${year}年内`);
    }
  }
  return issues;
}

/**
 * Problems in one year's schedule, in Chinese for the staff who enter it; empty when it is usable.
 * The server can show these per field; `createWorkCalendar` throws them all at once.
 */
export function validateWorkdaySchedule(schedule: WorkdaySchedule): string[] {
  const { year } = schedule;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return [`节假日安排的年份“${String(year)}”无效`];
  }
  const issues = [
    ...checkDates(year, '放假日期', schedule.holidays),
    ...checkDates(year, '调休上班日期', schedule.makeupWorkdays),
  ];
  const holidays = new Set(schedule.holidays);
  for (const date of schedule.makeupWorkdays) {
    if (holidays.has(date)) {
      issues.push(`${year}年安排中 ${date} 既是放假日又是调休上班日`);
    } else if (isLocalDate(date) && !isWeekend(date)) {
      // A make-up day is by definition a weekend day worked; a weekday here is a slip in data entry.
      issues.push(`${year}年调休上班日期 ${date} 本来就是工作日（周一至周五），应为周六或周日`);
    }
  }
  return issues;
}

export function validateLocalCalendarChanges(changes: readonly LocalCalendarChange[]): string[] {
  const issues: string[] = [];
  const kinds = new Map<LocalDate, LocalCalendarChangeKind>();
  for (const { date, kind } of changes) {
    if (!isLocalDate(date)) {
      issues.push(`本地调整日期“${String(date)}”不是有效日期，应写成 YYYY-MM-DD`);
    } else if (!LOCAL_CALENDAR_CHANGE_KINDS.includes(kind)) {
      issues.push(`本地调整 ${date} 的类型“${String(kind)}”无效，应为放假或上班`);
    } else if (kinds.has(date) && kinds.get(date) !== kind) {
      issues.push(`本地调整中 ${date} 同时被设为放假和上班`);
    } else {
      kinds.set(date, kind);
    }
  }
  return issues;
}

/** Throws an Error listing every problem in the data, so a bad calendar never silently shifts deadlines. */
export function createWorkCalendar(
  schedules: readonly WorkdaySchedule[],
  localChanges: readonly LocalCalendarChange[] = [],
): WorkCalendar {
  const issues: string[] = [];
  const seenYears = new Set<number>();
  for (const schedule of schedules) {
    if (seenYears.has(schedule.year)) issues.push(`${schedule.year}年的节假日安排重复录入`);
    seenYears.add(schedule.year);
    issues.push(...validateWorkdaySchedule(schedule));
  }
  issues.push(...validateLocalCalendarChanges(localChanges));
  if (issues.length > 0) throw new Error(`工作日历数据有误：${issues.join('；')}`);

  const explicitDays = new Map<LocalDate, boolean>();
  for (const schedule of schedules) {
    for (const date of schedule.holidays) explicitDays.set(date, false);
    for (const date of schedule.makeupWorkdays) explicitDays.set(date, true);
  }
  for (const change of localChanges) explicitDays.set(change.date, change.kind === 'workday');
  return { scheduledYears: seenYears, explicitDays };
}

export function isWorkingDay(cal: WorkCalendar, date: LocalDate): boolean {
  return cal.explicitDays.get(date) ?? !isWeekend(date);
}

export function hasSchedule(cal: WorkCalendar, year: number): boolean {
  return cal.scheduledYears.has(year);
}

/** Years between two dates (both included) that have no schedule and so fall back to Mon–Fri. */
export function missingScheduleYears(cal: WorkCalendar, from: LocalDate, to: LocalDate): number[] {
  const missing: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year += 1) {
    if (!hasSchedule(cal, year)) missing.push(year);
  }
  return missing;
}

/** The warning the staff pages show while a year's schedule is missing; null when nothing is. */
export function missingScheduleNotice(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  return `${years.join('年、')}年的法定节假日和调休安排尚未录入，办理时限暂按周一至周五计算，请尽快补录。`;
}

// Both walks end: the data lists finitely many days, and beyond them every week has working days.
/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: LocalDate): LocalDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(cal, day)) day = addDays(day, 1);
  return day;
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(cal: WorkCalendar, date: LocalDate): LocalDate {
  let day = addDays(date, -1);
  while (!isWorkingDay(cal, day)) day = addDays(day, -1);
  return day;
}

/**
 * Working days in the half-open span (`from`, `to`]: the same count `addWorkingDays` uses, since
 * the start day never counts. Negative (the count of (`to`, `from`]) when `to` is earlier.
 */
export function workingDaysBetween(cal: WorkCalendar, from: LocalDate, to: LocalDate): number {
  if (daysBetween(from, to) < 0) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let day = nextWorkingDay(cal, from); day <= to; day = nextWorkingDay(cal, day)) count += 1;
  return count;
}
