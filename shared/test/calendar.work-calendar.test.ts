import {
  type LocalCalendarChange,
  type WorkdaySchedule,
  NATIONAL_SCHEDULE_2026,
  NATIONAL_SCHEDULES,
  createWorkCalendar,
  dayOfWeek,
  expandDateRange,
  hasSchedule,
  isWorkingDay,
  missingScheduleNotice,
  missingScheduleYears,
  nextWorkingDay,
  previousWorkingDay,
  validateLocalCalendarChanges,
  validateWorkdaySchedule,
  workingDaysBetween,
} from '../src/calendar';
import { cal2026 } from './calendar.fixtures';

describe('NATIONAL_SCHEDULE_2026', () => {
  it('holds exactly the holidays of the notice', () => {
    expect(NATIONAL_SCHEDULE_2026.holidays).toEqual([
      ...expandDateRange('2026-01-01', '2026-01-03'),
      ...expandDateRange('2026-02-15', '2026-02-23'),
      ...expandDateRange('2026-04-04', '2026-04-06'),
      ...expandDateRange('2026-05-01', '2026-05-05'),
      ...expandDateRange('2026-06-19', '2026-06-21'),
      ...expandDateRange('2026-09-25', '2026-09-27'),
      ...expandDateRange('2026-10-01', '2026-10-07'),
    ]);
    expect(NATIONAL_SCHEDULE_2026.holidays).toHaveLength(33);
  });

  it('holds the six make-up working days, each on the weekday the notice names', () => {
    const weekdays = NATIONAL_SCHEDULE_2026.makeupWorkdays.map((d) => [d, dayOfWeek(d)]);
    expect(weekdays).toEqual([
      ['2026-01-04', 0],
      ['2026-02-14', 6],
      ['2026-02-28', 6],
      ['2026-05-09', 6],
      ['2026-09-20', 0],
      ['2026-10-10', 6],
    ]);
  });

  it('passes validation', () => {
    expect(validateWorkdaySchedule(NATIONAL_SCHEDULE_2026)).toEqual([]);
  });
});

describe('isWorkingDay with the 2026 schedule', () => {
  it.each([
    ['2026-01-01', false, '元旦 (Thu)'],
    ['2026-01-03', false, '元旦 on a Saturday'],
    ['2026-01-04', true, 'make-up Sunday'],
    ['2026-01-05', true, 'ordinary Monday'],
    ['2026-02-13', true, 'Friday before the make-up Saturday'],
    ['2026-02-14', true, 'make-up Saturday before 春节'],
    ['2026-02-15', false, '春节 first day (Sun)'],
    ['2026-02-23', false, '春节 last day (Mon)'],
    ['2026-02-24', true, 'first day back after 春节'],
    ['2026-02-28', true, 'make-up Saturday after 春节'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-03-04', true, 'ordinary Wednesday'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2026-04-03', true, 'last working day before 清明'],
    ['2026-04-06', false, '清明 on a Monday'],
    ['2026-05-05', false, '劳动节 on a Tuesday'],
    ['2026-05-09', true, 'make-up Saturday after 劳动节'],
    ['2026-05-10', false, 'Sunday after the make-up Saturday'],
    ['2026-06-19', false, '端午 on a Friday'],
    ['2026-09-20', true, 'make-up Sunday before 中秋'],
    ['2026-09-25', false, '中秋 on a Friday'],
    ['2026-09-30', true, 'last working day before 国庆'],
    ['2026-10-07', false, '国庆 last day (Wed)'],
    ['2026-10-08', true, 'first day back after 国庆'],
    ['2026-10-10', true, 'make-up Saturday after 国庆'],
    ['2026-10-11', false, 'Sunday after the make-up Saturday'],
  ])('%s → %p (%s)', (date, expected) => {
    expect(isWorkingDay(cal2026, date)).toBe(expected);
  });

  it.each([
    ['2025-10-01', true, 'Wednesday in 2025, which has no schedule here'],
    ['2027-01-01', true, 'Friday in 2027, which has no schedule yet'],
    ['2027-01-02', false, 'Saturday in 2027'],
  ])('a year without schedule counts Mon–Fri: %s → %p (%s)', (date, expected) => {
    expect(isWorkingDay(cal2026, date)).toBe(expected);
  });

  it('refuses a malformed date rather than guessing', () => {
    expect(() => isWorkingDay(cal2026, '2026-2-14')).toThrow('Invalid local date');
  });
});

describe('schedules per year', () => {
  it('hasSchedule', () => {
    expect(hasSchedule(cal2026, 2026)).toBe(true);
    expect(hasSchedule(cal2026, 2027)).toBe(false);
  });

  it.each([
    ['2026-11-21', '2027-01-31', [2027]],
    ['2025-12-01', '2028-01-01', [2025, 2027, 2028]],
    ['2026-01-01', '2026-12-31', []],
  ])('missingScheduleYears(%s, %s) = %p', (from, to, years) => {
    expect(missingScheduleYears(cal2026, from, to)).toEqual(years);
  });

  it('missingScheduleNotice words the warning for the staff pages', () => {
    expect(missingScheduleNotice([])).toBeNull();
    expect(missingScheduleNotice([2027])).toBe(
      '2027年的法定节假日和调休安排尚未录入，办理时限暂按周一至周五计算，请尽快补录。',
    );
    expect(missingScheduleNotice([2027, 2028])).toMatch(/^2027年、2028年的法定节假日/);
  });

  it('a county can add a later year', () => {
    const year2027: WorkdaySchedule = {
      year: 2027,
      holidays: ['2027-01-01'],
      makeupWorkdays: ['2027-01-02'],
    };
    const cal = createWorkCalendar([NATIONAL_SCHEDULE_2026, year2027]);
    expect(hasSchedule(cal, 2027)).toBe(true);
    expect(isWorkingDay(cal, '2027-01-01')).toBe(false);
    expect(isWorkingDay(cal, '2027-01-02')).toBe(true);
    expect(missingScheduleYears(cal, '2026-12-01', '2027-12-31')).toEqual([]);
  });
});

describe('local changes override the national schedule', () => {
  const changes: LocalCalendarChange[] = [
    { date: '2026-03-03', kind: 'holiday', note: '本地民俗节日' },
    { date: '2026-10-07', kind: 'workday', note: '防汛值守' },
    { date: '2026-03-07', kind: 'workday' },
    { date: '2027-01-04', kind: 'holiday' },
  ];
  const cal = createWorkCalendar([NATIONAL_SCHEDULE_2026], changes);

  it.each([
    ['2026-03-03', false, 'an ordinary Tuesday made a local holiday'],
    ['2026-10-07', true, 'a national holiday worked locally'],
    ['2026-03-07', true, 'an ordinary Saturday worked locally'],
    ['2027-01-04', false, 'a Monday in a year with no schedule'],
    ['2026-10-06', false, 'the rest of 国庆 untouched'],
  ])('%s → %p (%s)', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it('a local change does not count as a schedule for its year', () => {
    expect(hasSchedule(cal, 2027)).toBe(false);
  });
});

describe('data validation', () => {
  const base = NATIONAL_SCHEDULE_2026;
  // Before 1992 China still had daylight saving, which the fixed UTC+8 arithmetic cannot follow.
  it.each([
    [1991, false],
    [1992, true],
    [2200, true],
    [2201, false],
  ])('takes a schedule for %d: %s', (year, usable) => {
    const issues = validateWorkdaySchedule({ year, holidays: [], makeupWorkdays: [] });
    expect(issues).toEqual(usable ? [] : [`节假日安排的年份“${year}”无效`]);
  });

  it.each<[string, WorkdaySchedule[], LocalCalendarChange[], string]>([
    [
      'a date in the wrong year',
      [{ ...base, holidays: [...base.holidays, '2027-01-01'] }],
      [],
      '2026年放假日期 2027-01-01 不在2026年内',
    ],
    [
      'a date both holiday and make-up',
      [{ ...base, makeupWorkdays: [...base.makeupWorkdays, '2026-10-03'] }],
      [],
      '2026-10-03 既是放假日又是调休上班日',
    ],
    [
      'a make-up day on a weekday',
      [{ ...base, makeupWorkdays: ['2026-03-04'] }],
      [],
      '2026-03-04 本来就是工作日',
    ],
    ['an impossible date', [{ ...base, holidays: ['2026-02-30'] }], [], '“2026-02-30”不是有效日期'],
    ['a fractional year', [{ year: 2026.5, holidays: [], makeupWorkdays: [] }], [], '年份'],
    [
      'a make-up day in the wrong year, naming the list it is in',
      [{ ...base, makeupWorkdays: [...base.makeupWorkdays, '2027-01-09'] }],
      [],
      '工作日历数据有误：2026年调休上班日期 2027-01-09 不在2026年内',
    ],
    ['a year twice', [base, base], [], '2026年的节假日安排重复录入'],
    [
      'two problems at once, listing both',
      [base, base],
      [{ date: '2026/03/03', kind: 'holiday' }],
      '2026年的节假日安排重复录入；本地调整日期“2026/03/03”不是有效日期',
    ],
    [
      'a local day set both ways',
      [base],
      [
        { date: '2026-03-03', kind: 'holiday' },
        { date: '2026-03-03', kind: 'workday' },
      ],
      '2026-03-03 同时被设为放假和上班',
    ],
    ['a bad local date', [base], [{ date: '2026/03/03', kind: 'holiday' }], '“2026/03/03”'],
    [
      'a bad local kind',
      [base],
      [{ date: '2026-03-03', kind: 'vacation' as 'holiday' }],
      '类型“vacation”无效',
    ],
  ])('refuses %s', (_label, schedules, changes, message) => {
    expect(() => createWorkCalendar(schedules, changes)).toThrow(message);
  });

  it('lists every problem at once', () => {
    const bad: WorkdaySchedule = {
      year: 2026,
      holidays: ['2025-12-31', '2026-03-07'],
      makeupWorkdays: ['2026-03-07', '2026-03-04'],
    };
    expect(validateWorkdaySchedule(bad)).toHaveLength(3);
  });

  it('accepts the same local change twice', () => {
    const twice: LocalCalendarChange = { date: '2026-03-03', kind: 'holiday' };
    expect(validateLocalCalendarChanges([twice, twice])).toEqual([]);
  });
});

describe('walking the calendar', () => {
  it.each([
    ['2026-09-30', '2026-10-08'],
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
    ['2026-04-03', '2026-04-07'],
    ['2026-10-09', '2026-10-10'],
    ['2026-12-31', '2027-01-01'],
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    expect(nextWorkingDay(cal2026, date)).toBe(expected);
  });

  it.each([
    ['2026-10-08', '2026-09-30'],
    ['2026-02-24', '2026-02-14'],
    ['2026-03-02', '2026-02-28'],
    ['2026-03-09', '2026-03-06'],
    ['2026-01-05', '2026-01-04'],
    ['2026-01-04', '2025-12-31'],
  ])('previousWorkingDay(%s) = %s', (date, expected) => {
    expect(previousWorkingDay(cal2026, date)).toBe(expected);
  });

  it.each([
    ['2026-09-30', '2026-10-10', 3],
    ['2026-09-30', '2026-10-07', 0],
    ['2026-09-30', '2026-09-30', 0],
    ['2026-02-13', '2026-02-24', 2],
    ['2026-10-10', '2026-09-30', -3],
    ['2026-03-02', '2026-03-31', 21],
  ])('workingDaysBetween(%s, %s) = %d', (from, to, expected) => {
    expect(workingDaysBetween(cal2026, from, to)).toBe(expected);
  });
});

describe('NATIONAL_SCHEDULES (what a county starts with)', () => {
  const cal = createWorkCalendar(NATIONAL_SCHEDULES);

  it('ships the 2026 schedule', () => {
    expect(NATIONAL_SCHEDULES.map((s) => s.year)).toEqual([2026]);
    expect(hasSchedule(cal, 2026)).toBe(true);
    expect(missingScheduleYears(cal, '2026-01-01', '2026-12-31')).toEqual([]);
  });

  // Dates known independently of the schedule file: 国庆 Thursday 1 October, 春节 Tuesday
  // 17 February (初一), 劳动节 Friday 1 May, and the make-up Saturday 10 October.
  it.each([
    ['2026-01-01', false],
    ['2026-02-17', false],
    ['2026-04-06', false],
    ['2026-05-01', false],
    ['2026-06-19', false],
    ['2026-09-25', false],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-28', true],
    ['2026-05-09', true],
    ['2026-09-20', true],
    ['2026-10-10', true],
    ['2026-10-08', true],
    ['2026-10-11', false],
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working);
  });

  it('agrees with the schedule file day by day', () => {
    for (const date of NATIONAL_SCHEDULE_2026.holidays) expect(isWorkingDay(cal, date)).toBe(false);
    for (const date of NATIONAL_SCHEDULE_2026.makeupWorkdays) {
      expect(isWorkingDay(cal, date)).toBe(true);
    }
  });
});
