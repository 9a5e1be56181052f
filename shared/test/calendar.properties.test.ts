import fc from 'fast-check';
import {
  NATIONAL_SCHEDULE_2026,
  addDays,
  addWorkingDays,
  createWorkCalendar,
  daysBetween,
  deadlineState,
  isDueSoon,
  isOverdue,
  isWorkingDay,
  localDateOf,
  localTimeOf,
  localTimeToInstant,
  startOfLocalDay,
  warningAt,
  workingDaysBetween,
} from '../src/calendar';
import { sh } from './calendar.fixtures';

// 2025 and 2027 have no schedule, so the properties cover the Mon–Fri fallback and the year ends.
const cal = createWorkCalendar(
  [NATIONAL_SCHEDULE_2026],
  [
    { date: '2026-03-03', kind: 'holiday' },
    { date: '2026-10-07', kind: 'workday' },
    { date: '2027-05-03', kind: 'holiday' },
  ],
);
const instant = fc.date({
  min: sh('2025-06-01T00:00'),
  max: sh('2027-12-31T23:59'),
  noInvalidDate: true,
});
const days = fc.integer({ min: 1, max: 40 });
const runs = { numRuns: 300 };

describe('addWorkingDays properties', () => {
  it('is always 18:00 Shanghai, to the millisecond, on a working day', () => {
    fc.assert(
      fc.property(instant, days, (start, n) => {
        const dueAt = addWorkingDays(cal, start, n);
        expect(localTimeOf(dueAt)).toBe('18:00');
        expect(dueAt.getTime() % 60_000).toBe(0);
        expect(isWorkingDay(cal, localDateOf(dueAt))).toBe(true);
      }),
      runs,
    );
  });

  it('falls strictly after the start day, exactly n working days later', () => {
    fc.assert(
      fc.property(instant, days, (start, n) => {
        const dueAt = addWorkingDays(cal, start, n);
        const startDay = localDateOf(start);
        const dueDay = localDateOf(dueAt);
        expect(daysBetween(startDay, dueDay)).toBeGreaterThanOrEqual(n);
        expect(dueAt.getTime()).toBeGreaterThan(start.getTime());
        expect(workingDaysBetween(cal, startDay, dueDay)).toBe(n);
      }),
      runs,
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(instant, days, days, (start, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(cal, start, lo).getTime()).toBeLessThan(
          addWorkingDays(cal, start, hi).getTime(),
        );
      }),
      runs,
    );
  });

  it('never moves earlier when the start moves later', () => {
    fc.assert(
      fc.property(instant, instant, days, (a, b, n) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        expect(addWorkingDays(cal, early, n).getTime()).toBeLessThanOrEqual(
          addWorkingDays(cal, late, n).getTime(),
        );
      }),
      runs,
    );
  });

  it('ignores the hour of the start', () => {
    fc.assert(
      fc.property(instant, days, (start, n) => {
        const midnight = startOfLocalDay(localDateOf(start));
        expect(addWorkingDays(cal, start, n)).toEqual(addWorkingDays(cal, midnight, n));
      }),
      runs,
    );
  });
});

describe('warning and overdue properties', () => {
  it('the warning is 18:00 on the working day before the due day', () => {
    fc.assert(
      fc.property(instant, days, (start, n) => {
        const dueAt = addWorkingDays(cal, start, n);
        const warn = warningAt(cal, dueAt);
        expect(localTimeOf(warn)).toBe('18:00');
        expect(workingDaysBetween(cal, localDateOf(warn), localDateOf(dueAt))).toBe(1);
        expect(isWorkingDay(cal, localDateOf(warn))).toBe(true);
      }),
      runs,
    );
  });

  it('on time, due soon and overdue never overlap', () => {
    fc.assert(
      fc.property(instant, days, instant, (start, n, now) => {
        const dueAt = addWorkingDays(cal, start, n);
        const soon = isDueSoon(cal, 'in_progress', dueAt, now);
        const overdue = isOverdue('in_progress', dueAt, now);
        expect(soon && overdue).toBe(false);
        const expected = overdue ? 'overdue' : soon ? 'due_soon' : 'on_time';
        expect(deadlineState(cal, 'in_progress', dueAt, now)).toBe(expected);
      }),
      runs,
    );
  });
});

describe('local date round trips', () => {
  const localDate = fc
    .integer({ min: -20_000, max: 60_000 })
    .map((offset) => addDays('1970-01-01', offset));
  const localTime = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('localTimeToInstant and localDateOf/localTimeOf invert each other', () => {
    fc.assert(
      fc.property(localDate, localTime, (date, time) => {
        const at = localTimeToInstant(date, time);
        expect(localDateOf(at)).toBe(date);
        expect(localTimeOf(at)).toBe(time);
      }),
      runs,
    );
  });

  it('addDays and daysBetween agree, and string order is date order', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(daysBetween(date, moved)).toBe(n);
        expect(moved < date ? -1 : moved > date ? 1 : 0).toBe(Math.sign(n));
      }),
      runs,
    );
  });
});
