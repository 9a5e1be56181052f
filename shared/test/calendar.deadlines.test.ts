import {
  type LocalCalendarChange,
  DEFAULT_DEADLINE_POLICY,
  NATIONAL_SCHEDULE_2026,
  acceptDueAt,
  addWorkingDays,
  createWorkCalendar,
  rectifyDueAt,
  resolveDueAt,
  resolvePolicy,
} from '../src/calendar';
import { cal2026, sh } from './calendar.fixtures';

describe('addWorkingDays', () => {
  // Start and due times are Shanghai wall-clock readings; every due is 18:00 of that day.
  it.each([
    ['2026-02-13T10:00', 1, '2026-02-14', '春节: the make-up Saturday counts'],
    ['2026-02-13T10:00', 2, '2026-02-24', '春节: the whole break is skipped'],
    ['2026-02-13T10:00', 3, '2026-02-25', '春节: third working day'],
    ['2026-02-14T09:00', 1, '2026-02-24', 'started on a make-up Saturday, which does not count'],
    ['2026-02-27T10:00', 1, '2026-02-28', 'make-up Saturday after 春节'],
    ['2026-09-30T10:00', 1, '2026-10-08', '国庆: first day back'],
    ['2026-09-30T10:00', 2, '2026-10-09', '国庆: second day back'],
    ['2026-09-30T10:00', 3, '2026-10-10', '国庆: the make-up Saturday counts'],
    ['2026-09-30T10:00', 4, '2026-10-12', '国庆: then the Sunday is skipped'],
    ['2026-10-03T23:59', 1, '2026-10-08', 'started on a holiday at 23:59'],
    ['2026-10-03T00:00', 1, '2026-10-08', 'started on a holiday at 00:00'],
    ['2026-10-07T23:59:59.999', 1, '2026-10-08', 'last instant of the holiday'],
    ['2026-10-08T00:00', 1, '2026-10-09', '00:00 on a working day: that day still does not count'],
    ['2026-04-02T10:00', 1, '2026-04-03', 'due on the last working day before 清明'],
    ['2026-04-03T10:00', 1, '2026-04-07', 'started on the last working day before 清明'],
    ['2026-04-03T10:00', 3, '2026-04-09', 'three days after 清明'],
    ['2026-04-30T10:00', 4, '2026-05-09', '劳动节: the make-up Saturday is the 4th'],
    ['2026-04-30T10:00', 5, '2026-05-11', '劳动节: then the Sunday is skipped'],
    ['2026-06-18T10:00', 1, '2026-06-22', '端午 Friday to Sunday'],
    ['2026-03-02T17:59', 1, '2026-03-03', 'started at 17:59'],
    ['2026-03-02T18:00', 1, '2026-03-03', 'started at 18:00'],
    ['2026-03-02T18:01', 1, '2026-03-03', 'started at 18:01'],
    ['2026-03-06T18:01', 1, '2026-03-09', 'Friday evening: the weekend is skipped'],
    ['2026-03-03T07:00', 1, '2026-03-04', 'a morning that is still the previous day in UTC'],
    ['2026-01-04T10:00', 1, '2026-01-05', 'started on a make-up Sunday'],
    [
      '2025-12-31T10:00',
      1,
      '2026-01-04',
      'from a year without schedule into 元旦 and its make-up Sunday',
    ],
    ['2026-12-31T10:00', 1, '2027-01-01', 'into 2027, which has no schedule: Friday counts'],
    ['2027-09-30T10:00', 1, '2027-10-01', 'no schedule in 2027: plain Mon–Fri'],
    ['2026-03-02T10:00', 21, '2026-03-31', 'a long count within a month'],
  ])('%s + %d → %s 18:00 (%s)', (start, n, dueDay, _why) => {
    expect(addWorkingDays(cal2026, sh(start), n)).toEqual(sh(`${dueDay}T18:00`));
  });

  it('due times are 10:00 UTC, i.e. 18:00 in Shanghai', () => {
    expect(addWorkingDays(cal2026, sh('2026-09-30T10:00'), 1).toISOString()).toBe(
      '2026-10-08T10:00:00.000Z',
    );
  });

  it.each([0, -1, 1.5, NaN, Infinity])('refuses n = %p', (n) => {
    expect(() => addWorkingDays(cal2026, sh('2026-03-02T10:00'), n)).toThrow('positive integer');
  });

  it('refuses an invalid start', () => {
    expect(() => addWorkingDays(cal2026, new Date('x'), 1)).toThrow('valid Date');
  });

  describe('with county changes', () => {
    it.each<[LocalCalendarChange[], string, string]>([
      [[{ date: '2026-10-08', kind: 'holiday' }], '2026-10-09', 'a local day off'],
      [[{ date: '2026-10-07', kind: 'workday' }], '2026-10-07', 'a national holiday worked'],
    ])('%j → %s (%s)', (changes, dueDay, _why) => {
      const cal = createWorkCalendar([NATIONAL_SCHEDULE_2026], changes);
      expect(addWorkingDays(cal, sh('2026-09-30T10:00'), 1)).toEqual(sh(`${dueDay}T18:00`));
    });
  });
});

describe('deadline policy', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_DEADLINE_POLICY).toEqual({
      acceptDays: 1,
      resolveDays: { village: 3, township: 7, county: 15 },
      rectifyDays: 15,
    });
    expect(Object.isFrozen(DEFAULT_DEADLINE_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_DEADLINE_POLICY.resolveDays)).toBe(true);
  });

  it.each([undefined, null, {}, { acceptDays: null, resolveDays: null }])(
    'resolvePolicy(%p) is the default',
    (overrides) => {
      expect(resolvePolicy(overrides)).toEqual(DEFAULT_DEADLINE_POLICY);
    },
  );

  it('merges a county override field by field', () => {
    expect(resolvePolicy({ acceptDays: 2, resolveDays: { village: 5, county: null } })).toEqual({
      acceptDays: 2,
      resolveDays: { village: 5, township: 7, county: 15 },
      rectifyDays: 15,
    });
  });

  it.each([
    [{ acceptDays: 0 }, '签收时限应为不少于1的整数'],
    [{ rectifyDays: 1.5 }, '整改时限'],
    [{ resolveDays: { village: -3 } }, '村级办结时限'],
    [{ resolveDays: { county: NaN } }, '县级办结时限'],
  ])('refuses %p', (overrides, message) => {
    expect(() => resolvePolicy(overrides)).toThrow(message);
  });
});

describe('due times', () => {
  const reached = sh('2026-02-13T10:00');

  it('accept: 1 working day', () => {
    expect(acceptDueAt(cal2026, reached)).toEqual(sh('2026-02-14T18:00'));
  });

  it.each([
    ['village', '2026-02-25'],
    ['township', '2026-03-02'],
    ['county', '2026-03-12'],
  ] as const)('resolve at %s level', (level, dueDay) => {
    expect(resolveDueAt(cal2026, reached, level)).toEqual(sh(`${dueDay}T18:00`));
  });

  it('an escalation restarts the clock at the new level', () => {
    expect(resolveDueAt(cal2026, sh('2026-03-05T15:00'), 'township')).toEqual(
      sh('2026-03-16T18:00'),
    );
  });

  it('rectify: 15 working days from verification, across 中秋 and 国庆', () => {
    expect(rectifyDueAt(cal2026, sh('2026-09-21T15:00'))).toEqual(sh('2026-10-19T18:00'));
  });

  it('uses a county policy', () => {
    const policy = resolvePolicy({ acceptDays: 2, resolveDays: { village: 5 }, rectifyDays: 1 });
    expect(acceptDueAt(cal2026, reached, policy)).toEqual(sh('2026-02-24T18:00'));
    expect(resolveDueAt(cal2026, reached, 'village', policy)).toEqual(sh('2026-02-27T18:00'));
    expect(resolveDueAt(cal2026, reached, 'township', policy)).toEqual(sh('2026-03-02T18:00'));
    expect(rectifyDueAt(cal2026, reached, policy)).toEqual(sh('2026-02-14T18:00'));
  });
});
