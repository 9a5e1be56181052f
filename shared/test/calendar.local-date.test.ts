import {
  addDays,
  dayOfWeek,
  daysBetween,
  expandDateRange,
  formatLocalDate,
  isLocalDate,
  isWeekend,
  localDateOf,
  localTimeOf,
  localTimeToInstant,
  parseLocalDate,
  startOfLocalDay,
} from '../src/calendar';

describe('localDateOf / localTimeOf', () => {
  it.each([
    ['2026-02-13T23:59:59.999+08:00', '2026-02-13', '23:59'],
    ['2026-02-14T00:00:00.000+08:00', '2026-02-14', '00:00'],
    ['2026-02-13T15:59:59.999Z', '2026-02-13', '23:59'],
    ['2026-02-13T16:00:00.000Z', '2026-02-14', '00:00'],
    ['2026-10-08T10:00:00.000Z', '2026-10-08', '18:00'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01', '00:00'],
    ['2028-02-28T16:30:00.000Z', '2028-02-29', '00:30'],
    ['1969-12-31T16:00:00.000Z', '1970-01-01', '00:00'],
    ['1969-12-31T15:59:00.000Z', '1969-12-31', '23:59'],
  ])('%s is %s %s in Shanghai', (iso, date, time) => {
    expect(localDateOf(new Date(iso))).toBe(date);
    expect(localTimeOf(new Date(iso))).toBe(time);
  });

  it('refuses an invalid Date', () => {
    expect(() => localDateOf(new Date('nonsense'))).toThrow('valid Date');
    expect(() => localTimeOf(new Date(NaN))).toThrow('valid Date');
  });
});

describe('localTimeToInstant', () => {
  it.each([
    ['2026-10-08', '18:00', '2026-10-08T10:00:00.000Z'],
    ['2026-01-01', '00:00', '2025-12-31T16:00:00.000Z'],
    ['2026-03-01', '07:30', '2026-02-28T23:30:00.000Z'],
    ['2026-12-31', '23:59', '2026-12-31T15:59:00.000Z'],
  ])('%s %s Shanghai is %s', (date, time, iso) => {
    expect(localTimeToInstant(date, time).toISOString()).toBe(iso);
  });

  it('startOfLocalDay is 00:00 Shanghai', () => {
    expect(startOfLocalDay('2026-11-21').toISOString()).toBe('2026-11-20T16:00:00.000Z');
  });

  it.each(['24:00', '8:00', '18:60', '18:00:00', '', '1800'])('refuses the time %j', (time) => {
    expect(() => localTimeToInstant('2026-10-08', time)).toThrow('Invalid local time');
  });

  it('refuses an invalid date', () => {
    expect(() => localTimeToInstant('2026-02-30', '18:00')).toThrow('Invalid local date');
  });
});

describe('parseLocalDate / isLocalDate / formatLocalDate', () => {
  it.each([
    ['2026-02-13', { year: 2026, month: 2, day: 13 }],
    ['2028-02-29', { year: 2028, month: 2, day: 29 }],
    ['2026-12-31', { year: 2026, month: 12, day: 31 }],
    ['2026-12-01', { year: 2026, month: 12, day: 1 }],
    ['1000-01-01', { year: 1000, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
  ])('parses %s', (date, parts) => {
    expect(parseLocalDate(date)).toEqual(parts);
    expect(isLocalDate(date)).toBe(true);
    expect(formatLocalDate(parts)).toBe(date);
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-13-05',
    '2026-12-32',
    '2026-01-00',
    '0999-12-31',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '0099-01-01',
    '2026-02-13T00:00',
    ' 2026-02-13',
    '2026/02/13',
    '',
  ])('refuses %j', (date) => {
    expect(isLocalDate(date)).toBe(false);
    expect(() => parseLocalDate(date)).toThrow('Invalid local date');
  });

  it.each([null, undefined, 20260213, new Date(0)])('isLocalDate(%p) is false', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });

  it('formatLocalDate pads and refuses impossible dates', () => {
    expect(formatLocalDate({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
    expect(() => formatLocalDate({ year: 2026, month: 2, day: 29 })).toThrow('Invalid local date');
  });
});

describe('addDays / daysBetween', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-10-08', 0, '2026-10-08'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s %+d days is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('refuses a fractional day count', () => {
    expect(() => addDays('2026-02-13', 0.5)).toThrow('Days must be an integer, got 0.5');
  });
});

describe('dayOfWeek / isWeekend', () => {
  it.each([
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2000-02-29', 2],
    ['2026-01-01', 4],
    ['2026-01-04', 0],
    ['2026-02-14', 6],
    ['2026-02-28', 6],
    ['2026-05-09', 6],
    ['2026-09-20', 0],
    ['2026-10-10', 6],
    ['2026-11-21', 6],
    ['2027-01-01', 5],
  ])('%s is weekday %d', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
    expect(isWeekend(date)).toBe(weekday === 0 || weekday === 6);
  });
});

describe('expandDateRange', () => {
  it('lists both ends and everything between, across a month end', () => {
    expect(expandDateRange('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('a one-day range is that day', () => {
    expect(expandDateRange('2026-10-01', '2026-10-01')).toEqual(['2026-10-01']);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => expandDateRange('2026-10-07', '2026-10-01')).toThrow('before it starts');
  });
});
