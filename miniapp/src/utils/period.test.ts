import { presetPeriod } from './period';

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
