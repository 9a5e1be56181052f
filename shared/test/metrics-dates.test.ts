import {
  daysOfMonth,
  inRange,
  monthOfDay,
  monthsBetween,
  rollupPlan,
  toDayRange,
} from '../src/metrics/dates';

const days = (from: string, to: string) => toDayRange({ from, to });
const day = (date: string) => days(date, date).first;
const month = (date: string) => monthOfDay(day(date));

describe('months and periods refused', () => {
  it.each(['0999-01', '2026-00', '2026-13', '2026-1', 'x'])('%s is not a month', (m) => {
    expect(() => monthsBetween(m, '2027-01')).toThrow(`Not a month (YYYY-MM): ${m}`);
  });

  it('takes year 1000 and months 01 and 12', () => {
    expect(monthsBetween('1000-01', '1000-01').map((m) => m.key)).toEqual(['1000-01']);
    expect(monthsBetween('2026-12', '2026-12')).toEqual([
      { key: '2026-12', period: { from: '2026-12-01', to: '2026-12-31' } },
    ]);
  });

  it('names what is wrong with a period', () => {
    expect(() => monthsBetween('2026-04', '2026-03')).toThrow(
      'Months end before they start: 2026-04 … 2026-03',
    );
    expect(() => days('2026-02-30', '2026-03-01')).toThrow('Not a date (YYYY-MM-DD): 2026-02-30');
    expect(() => days('2026-03-02', '2026-03-01')).toThrow(
      'Period ends before it starts: 2026-03-02 … 2026-03-01',
    );
  });

  it('an absent instant is in no range', () => {
    const march = days('2026-03-01', '2026-03-31');
    expect(inRange(null, march)).toBe(false);
    expect(inRange(undefined, march)).toBe(false);
  });
});

describe('rollupPlan: whole months that are over, the rest day by day', () => {
  const later = day('2026-06-10');

  it('a whole month that is over is one month and no days', () => {
    const march = month('2026-03-01');
    expect(rollupPlan(days('2026-03-01', '2026-03-31'), later)).toEqual({
      months: { first: march, last: march },
      days: [],
    });
  });

  it('days before the first whole month and after the last are counted day by day', () => {
    const plan = rollupPlan(days('2026-02-28', '2026-04-01'), later);
    expect(plan.months).toEqual({ first: month('2026-03-01'), last: month('2026-03-01') });
    expect(plan.days).toEqual([days('2026-02-28', '2026-02-28'), days('2026-04-01', '2026-04-01')]);
  });

  it('a month not yet over is counted day by day', () => {
    const plan = rollupPlan(days('2026-01-01', '2026-03-31'), day('2026-03-15'));
    expect(plan.months).toEqual({ first: month('2026-01-01'), last: month('2026-02-01') });
    expect(plan.days).toEqual([days('2026-03-01', '2026-03-31')]);
    // on the month's last day it is not over yet
    const onLast = rollupPlan(days('2026-03-01', '2026-03-31'), day('2026-03-31'));
    expect(onLast).toEqual({ months: null, days: [days('2026-03-01', '2026-03-31')] });
    expect(daysOfMonth(month('2026-03-01'))).toEqual(days('2026-03-01', '2026-03-31'));
  });
});
