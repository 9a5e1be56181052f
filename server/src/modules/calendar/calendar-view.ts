import {
  type CountyCalendar,
  type DeadlinePolicy,
  hasSchedule,
  isWeekend,
  missingScheduleNotice,
  yearOf,
} from '@mqlk/shared';
import type { CountyRules } from './county-calendars';

type Day = CountyCalendar['days'][number];

/**
 * A county's calendar for one year as the office page shows it: the days of the schedule in force
 * that differ from Monday–Friday (a holiday on a Saturday changes nothing and is left out), and
 * every change of the county's own, even one that agrees with Monday–Friday, so that it can be
 * seen and taken back.
 */
export function countyCalendarView(
  county: { id: number; name: string },
  year: number,
  rules: CountyRules,
  currentYear: number,
): CountyCalendar {
  const inForce = rules.years.get(year);
  const days = new Map<string, Day>();
  const fromSchedule = (date: string, working: boolean) =>
    days.set(date, { date, working, source: 'schedule', note: null });
  for (const date of inForce?.schedule.holidays ?? [])
    if (!isWeekend(date)) fromSchedule(date, false);
  for (const date of inForce?.schedule.makeupWorkdays ?? [])
    if (isWeekend(date)) fromSchedule(date, true);
  for (const change of rules.changes) {
    if (yearOf(change.date) !== year) continue;
    days.set(change.date, {
      date: change.date,
      working: change.kind === 'workday',
      source: 'local',
      note: change.note ?? null,
    });
  }
  return {
    countyId: county.id,
    countyName: county.name,
    year,
    hasSchedule: hasSchedule(rules.calendar, year),
    missingNotice: missingNotice(rules, currentYear),
    scheduleSource: inForce?.schedule.source ?? null,
    days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
    policy: policyView(rules.policy),
  };
}

/**
 * Deadlines started now run into next year, so its schedule is wanted before the year turns
 * (the national notice comes out in the autumn); a current year still missing is named too.
 */
function missingNotice(rules: CountyRules, currentYear: number): string | null {
  const missing = [currentYear, currentYear + 1].filter((y) => !hasSchedule(rules.calendar, y));
  return missingScheduleNotice(missing);
}

export function policyView(policy: DeadlinePolicy): CountyCalendar['policy'] {
  return {
    acceptDays: policy.acceptDays,
    villageDays: policy.resolveDays.village,
    townshipDays: policy.resolveDays.township,
    countyDays: policy.resolveDays.county,
    rectifyDays: policy.rectifyDays,
  };
}
