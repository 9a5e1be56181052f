import { lastDays, lastMonth, monthLabel, presetPeriod, shiftMonth } from './period';

describe('presetPeriod', () => {
  // 2026-03-01 00:30 in Shanghai is still 28 February in UTC.
  const now = new Date('2026-02-28T16:30:00.000Z');

  it.each([
    ['this_month', { from: '2026-03-01', to: '2026-03-01' }],
    ['last_month', { from: '2026-02-01', to: '2026-02-28' }],
    ['this_year', { from: '2026-01-01', to: '2026-03-01' }],
  ] as const)('%s counts in Asia/Shanghai dates', (key, expected) => {
    expect(presetPeriod(key, now)).toEqual(expected);
  });

  it('last month across a year boundary', () => {
    expect(presetPeriod('last_month', new Date('2026-01-15T04:00:00.000Z'))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });
});

describe('months and days', () => {
  const now = new Date('2026-02-28T16:30:00.000Z');

  it('the last 30 days end today, in Asia/Shanghai', () => {
    expect(lastDays(30, now)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('last month is the one before the local month', () => {
    expect(lastMonth(now)).toBe('2026-02');
    expect(lastMonth(new Date('2026-01-15T04:00:00.000Z'))).toBe('2025-12');
  });

  it.each([
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-05', -17, '2024-12'],
    ['2026-05', 0, '2026-05'],
  ] as const)('%s moved by %i is %s', (month, by, expected) => {
    expect(shiftMonth(month, by)).toBe(expected);
  });

  it('reads a month in Chinese', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月');
  });
});
