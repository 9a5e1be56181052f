import {
  dutyWeekdays,
  isDutyDay,
  parseQuarter,
  quarterLabel,
  quarterOf,
  visitDateProblem,
} from '../src/households/visits';

describe('一线工作日 as written on the card', () => {
  it.each([
    ['每周一', [1]],
    ['每周一、周四', [1, 4]],
    ['每周一、四', [1, 4]],
    ['星期三和星期五上午', [3, 5]],
    ['礼拜六', [6]],
    ['周日', [0]],
    ['每周一至周三', [1, 2, 3]],
    ['周五到周日', [0, 5, 6]],
    ['周一至周五', [1, 2, 3, 4, 5]],
    ['工作日', [1, 2, 3, 4, 5]],
    ['每天', [0, 1, 2, 3, 4, 5, 6]],
    ['每月10日', []],
    ['', []],
    // A range is cut out with a space, so the text on either side cannot join into a day the text
    // did not name: here 周 and 五 would make 周五.
    ['周周一至周三五', [1, 2, 3]],
    // A list may go on after a range.
    ['周一至周三、六', [1, 2, 3, 6]],
    ['星期二到星期四和星期日', [0, 2, 3, 4]],
  ])('%s → %j', (text, days) => {
    // toStrictEqual: toEqual would overlook an undefined day in the list.
    expect(dutyWeekdays(text)).toStrictEqual(days);
  });

  it('marks a visit on one of them', () => {
    expect(isDutyDay('每周一、周四', '2026-12-07')).toBe(true); // a Monday
    expect(isDutyDay('每周一、周四', '2026-12-10')).toBe(true); // Thursday
    expect(isDutyDay('每周一、周四', '2026-12-08')).toBe(false);
    expect(isDutyDay('每月10日', '2026-12-10')).toBe(false);
  });
});

describe('a visit’s date', () => {
  it('may be today or up to 30 days back, never ahead', () => {
    expect(visitDateProblem('2026-12-07', '2026-12-07')).toBeNull();
    expect(visitDateProblem('2026-11-07', '2026-12-07')).toBeNull();
    expect(visitDateProblem('2026-11-06', '2026-12-07')).toBe('只能补记30天内的走访');
    expect(visitDateProblem('2026-12-08', '2026-12-07')).toBe('走访日期不能晚于今天');
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-03-31', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-09-30', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-12-31', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2028-02-29', '2028-Q1', '2028-01-01', '2028-03-31'],
  ])('%s is in %s (%s – %s)', (date, key, from, to) => {
    expect(quarterOf(date)).toEqual({ key, from, to });
    expect(parseQuarter(key)).toEqual({ key, from, to });
  });

  it('reads only real quarter keys, and names them in Chinese', () => {
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(parseQuarter('2026Q1')).toBeNull();
    expect(quarterLabel(quarterOf('2026-12-07'))).toBe('2026年第四季度');
    expect(quarterLabel(quarterOf('2026-02-01'))).toBe('2026年第一季度');
  });
});
