import {
  type DeadlinePolicy,
  type DeadlinePolicyInput,
  type DeadlinePolicyOverrides,
  type FieldIssue,
  type LocalDate,
  resolvePolicy,
  validateLocalCalendarChanges,
  validateWorkdaySchedule,
  yearOf,
} from '@mqlk/shared';
import { AppError } from '../../common/app-error';

/** The years a county may enter: the calendar arithmetic is exact from 1992, and plans end somewhere. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const YEAR_MESSAGE = `年份应为${FIRST_YEAR}至${LAST_YEAR}年之间的四位数字`;

function refuse(issues: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', issues);
}

/** A year from the path or the query, inside the range a county may enter. */
export function checkedYear(raw: string | number, field = 'year'): number {
  const year = typeof raw === 'number' ? raw : /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    refuse([{ field, message: YEAR_MESSAGE }]);
  }
  return year;
}

/** A date a county may change, by its year. */
export function checkedDateYear(date: LocalDate, field = 'date'): number {
  const year = yearOf(date);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    refuse([{ field, message: `日期应在${FIRST_YEAR}至${LAST_YEAR}年之间` }]);
  }
  return year;
}

function sortedUnique(dates: readonly LocalDate[]): LocalDate[] {
  return [...new Set(dates)].sort();
}

/**
 * One year's schedule as staff entered it, checked with the shared rules (each date inside the
 * year, a make-up day a weekend day and not also a holiday). Every problem is answered at once,
 * under the field it belongs to.
 */
export function checkedSchedule(
  year: number,
  input: { holidays: readonly LocalDate[]; makeupWorkdays: readonly LocalDate[] },
): { year: number; holidays: LocalDate[]; makeupWorkdays: LocalDate[] } {
  const schedule = {
    year,
    holidays: sortedUnique(input.holidays),
    makeupWorkdays: sortedUnique(input.makeupWorkdays),
  };
  const holidayIssues = validateWorkdaySchedule({ ...schedule, makeupWorkdays: [] });
  const makeupIssues = validateWorkdaySchedule(schedule).filter((i) => !holidayIssues.includes(i));
  const issues: FieldIssue[] = [
    ...(schedule.holidays.length === 0
      ? [{ field: 'holidays', message: `请至少填写${year}年的一天放假日期` }]
      : []),
    ...holidayIssues.map((message) => ({ field: 'holidays', message })),
    ...makeupIssues.map((message) => ({ field: 'makeupWorkdays', message })),
  ];
  if (issues.length > 0) refuse(issues);
  return schedule;
}

/** A county's own change to one day, checked with the shared rules. */
export function checkChange(date: LocalDate, kind: 'holiday' | 'workday'): void {
  const issues = validateLocalCalendarChanges([{ date, kind }]);
  if (issues.length > 0) refuse(issues.map((message) => ({ field: 'date', message })));
}

/** The policy as entered, over the defaults, checked with the shared rule; problems per field. */
export function checkedPolicy(input: DeadlinePolicyInput): DeadlinePolicy {
  const fields: Record<keyof DeadlinePolicyInput, DeadlinePolicyOverrides> = {
    acceptDays: { acceptDays: input.acceptDays },
    villageDays: { resolveDays: { village: input.villageDays } },
    townshipDays: { resolveDays: { township: input.townshipDays } },
    countyDays: { resolveDays: { county: input.countyDays } },
    rectifyDays: { rectifyDays: input.rectifyDays },
  };
  const issues: FieldIssue[] = [];
  for (const [field, overrides] of Object.entries(fields)) {
    try {
      resolvePolicy(overrides);
    } catch (err) {
      issues.push({ field, message: (err as Error).message });
    }
  }
  if (issues.length > 0) refuse(issues);
  return resolvePolicy({
    acceptDays: input.acceptDays,
    resolveDays: {
      village: input.villageDays,
      township: input.townshipDays,
      county: input.countyDays,
    },
    rectifyDays: input.rectifyDays,
  });
}
