import { bridgeWeekends, formatDateLines, parseDateLines } from './date-lines';

describe('parseDateLines', () => {
  it('reads single days and ranges, one or several a line, in the ways people write them', () => {
    const text = [
      '2027-01-01~2027-01-03',
      '2027-02-05 ~ 2027-02-11、2027/4/5',
      '2027年5月1日至2027年5月5日',
      '',
      '  2027-10-01~10-07  ',
    ].join('\n');

    const parsed = parseDateLines(text, 2027);

    expect(parsed.issues).toEqual([]);
    expect(parsed.dates).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-05-03',
      '2027-05-04',
      '2027-05-05',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
      '2027-10-07',
    ]);
  });

  it('counts a day typed twice once, and goes across a month end', () => {
    expect(parseDateLines('2027-01-31~2027-02-02\n2027-02-01').dates).toEqual([
      '2027-01-31',
      '2027-02-01',
      '2027-02-02',
    ]);
  });

  it.each([
    ['2027-02-30', '“2027-02-30”不是真实的日期'],
    ['2027-13-01', '“2027-13-01”不是真实的日期'],
    ['元旦', '“元旦”看不懂：请写成 2027-01-01 或 2027-01-01~2027-01-03'],
    ['20270101', '“20270101”看不懂：请写成 2027-01-01 或 2027-01-01~2027-01-03'],
    ['2027-01-03~2027-01-01', '2027-01-03~2027-01-01：结束日期早于开始日期'],
    ['2027-01-01~2027-03-01', '2027-01-01~2027-03-01 有60天，一段最长31天，请检查是否写错了'],
    [
      '2027-01-01~2027-01-02~2027-01-03',
      '“2027-01-01~2027-01-02~2027-01-03”看不懂：一段日期写成 2027-01-01~2027-01-03',
    ],
    ['2026-12-31', '2026-12-31 不在2027年内'],
    ['2026-12-31~2027-01-02', '2026-12-31~2027-01-02 不在2027年内'],
  ])('says what is wrong with %j, on its line', (typed, message) => {
    const parsed = parseDateLines(`2027-01-01\n\n${typed}`, 2027);

    expect(parsed.issues).toEqual([{ line: 3, message }]);
    expect(parsed.dates).toEqual(['2027-01-01']);
  });

  it('reports every bad line, keeping the good ones', () => {
    const parsed = parseDateLines('2027-02-29\n2027-03-01\nabc 2027-03-02', 2027);

    expect(parsed.issues.map((i) => i.line)).toEqual([1, 3]);
    expect(parsed.dates).toEqual(['2027-03-01', '2027-03-02']);
  });

  it('takes an empty box as no dates', () => {
    expect(parseDateLines('  \n\n')).toEqual({ dates: [], issues: [] });
  });
});

describe('formatDateLines', () => {
  it('writes consecutive days as one range, and reads back as the same dates', () => {
    const dates = [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-14',
      '2026-10-01',
      '2026-10-02',
    ];

    const text = formatDateLines(dates);

    expect(text).toBe('2026-01-01~2026-01-03\n2026-02-14\n2026-10-01~2026-10-02');
    expect(parseDateLines(text, 2026)).toEqual({ dates, issues: [] });
  });
});

describe('bridgeWeekends', () => {
  it('fills the weekend between two holidays, and nothing else', () => {
    // 2026: Fri 02-20 and Mon 02-23 are holidays; Sat 02-21 and Sun 02-22 come back missing.
    const holidays = [
      '2026-02-16',
      '2026-02-17',
      '2026-02-20',
      '2026-02-23',
      '2026-05-01',
      '2026-05-04',
    ];

    expect(formatDateLines(bridgeWeekends(holidays))).toBe(
      '2026-02-16~2026-02-17\n2026-02-20~2026-02-23\n2026-05-01~2026-05-04',
    );
  });
});
