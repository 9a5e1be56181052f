import { AppError } from '../../common/app-error';
import { checkedDateYear, checkedPolicy, checkedSchedule, checkedYear } from './calendar-input';
import { countyCalendarView } from './calendar-view';
import { buildCountyRules, countyIdOf, countyPathOf } from './county-calendars';

const updatedAt = new Date(0);

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('county paths', () => {
  it.each([
    ['/1/', 1, '/1/'],
    ['/1/12/130/', 1, '/1/'],
    ['/42/7/', 42, '/42/'],
  ])('%s is in county %d', (path, id, countyPath) => {
    expect(countyIdOf(path)).toBe(id);
    expect(countyPathOf(path)).toBe(countyPath);
  });

  it.each(['/', '', '/x/', '/0/12/', '/-3/'])('%j names no county', (path) => {
    expect(() => countyIdOf(path)).toThrow('No county');
  });
});

describe('calendar input', () => {
  it.each([
    ['2000', 2000],
    ['2100', 2100],
    [2027, 2027],
  ])('takes the year %j', (raw, year) => expect(checkedYear(raw)).toBe(year));

  it.each(['1999', '2101', '27', 'abcd', '20271'])('refuses the year %j', (raw) => {
    expect(refusal(() => checkedYear(raw))).toEqual({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'year', message: '年份应为2000至2100年之间的四位数字' }],
    });
  });

  it('refuses a date outside the years a county may enter', () => {
    expect(refusal(() => checkedDateYear('1999-12-31'))).toEqual({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'date', message: '日期应在2000至2100年之间' }],
    });
  });

  it('sorts and de-duplicates a schedule', () => {
    expect(
      checkedSchedule(2027, {
        holidays: ['2027-01-02', '2027-01-01', '2027-01-01'],
        makeupWorkdays: ['2027-01-09'],
      }),
    ).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02'],
      makeupWorkdays: ['2027-01-09'],
    });
  });

  it('answers every problem of a schedule under its field, in Chinese', () => {
    expect(
      refusal(() =>
        checkedSchedule(2027, {
          holidays: ['2026-10-01', '2027-02-06'],
          makeupWorkdays: ['2027-02-06', '2027-02-08'],
        }),
      ),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'holidays', message: '2027年放假日期 2026-10-01 不在2027年内' },
        { field: 'makeupWorkdays', message: '2027年安排中 2027-02-06 既是放假日又是调休上班日' },
        {
          field: 'makeupWorkdays',
          message: '2027年调休上班日期 2027-02-08 本来就是工作日（周一至周五），应为周六或周日',
        },
      ],
    });
  });

  it('refuses an empty year, which would drop a national schedule by accident', () => {
    expect(refusal(() => checkedSchedule(2026, { holidays: [], makeupWorkdays: [] }))).toEqual({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'holidays', message: '请至少填写2026年的一天放假日期' }],
    });
  });

  it('takes a policy of whole working days', () => {
    expect(
      checkedPolicy({
        acceptDays: 2,
        villageDays: 5,
        townshipDays: 8,
        countyDays: 20,
        rectifyDays: 10,
      }),
    ).toEqual({
      acceptDays: 2,
      resolveDays: { village: 5, township: 8, county: 20 },
      rectifyDays: 10,
    });
    expect(
      refusal(() =>
        checkedPolicy({
          acceptDays: 1,
          villageDays: 0,
          townshipDays: 7,
          countyDays: 15,
          rectifyDays: 15,
        }),
      ),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'villageDays', message: '村级办结时限应为不少于1的整数（工作日），当前为“0”' },
      ],
    });
  });
});

describe('the rules of a county, built from its rows', () => {
  it('marks which years are the county’s own and which are national', () => {
    const rules = buildCountyRules(1, {
      years: [
        {
          countyId: 1,
          year: 2027,
          holidays: ['2027-01-01'],
          makeupWorkdays: [],
          source: null,
          updatedAt,
        },
      ],
      changes: [],
      policy: null,
    });
    expect(rules.years.get(2026)?.own).toBe(false);
    expect(rules.years.get(2027)?.own).toBe(true);
  });

  it('leaves out a change row edited by hand into nonsense, keeping the others', () => {
    const rules = buildCountyRules(1, {
      years: [],
      changes: [
        { countyId: 1, date: '2026/12/09', kind: 'holiday', note: null, updatedAt },
        { countyId: 1, date: '2026-12-10', kind: 'holiday', note: null, updatedAt },
      ],
      policy: null,
    });
    expect(rules.changes).toEqual([{ date: '2026-12-10', kind: 'holiday' }]);
    expect(rules.problems).toEqual(['本地调整日期“2026/12/09”不是有效日期，应写成 YYYY-MM-DD']);
  });
});

describe('the county calendar page', () => {
  const county = { id: 1, name: '青山县' };

  it('lists the national 2026 days that differ from Monday–Friday and warns that 2027 is missing', () => {
    const view = countyCalendarView(
      county,
      2026,
      buildCountyRules(1, { years: [], changes: [], policy: null }),
      2026,
    );
    expect(view).toMatchObject({
      countyId: 1,
      countyName: '青山县',
      year: 2026,
      hasSchedule: true,
      scheduleSource: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
      missingNotice:
        '2027年的法定节假日和调休安排尚未录入，办理时限暂按周一至周五计算，请尽快补录。',
      policy: { acceptDays: 1, villageDays: 3, townshipDays: 7, countyDays: 15, rectifyDays: 15 },
    });
    // 01-03 is a Saturday off anyway: not listed. 01-04 is a Sunday worked.
    expect(view.days.slice(0, 3)).toEqual([
      { date: '2026-01-01', working: false, source: 'schedule', note: null },
      { date: '2026-01-02', working: false, source: 'schedule', note: null },
      { date: '2026-01-04', working: true, source: 'schedule', note: null },
    ]);
    expect(view.days).toHaveLength(19 + 6);
  });

  it('shows the county’s own year and changes, local changes winning', () => {
    const rules = buildCountyRules(1, {
      years: [
        {
          countyId: 1,
          year: 2027,
          holidays: ['2027-01-01', '2027-01-02'],
          makeupWorkdays: ['2027-01-09'],
          source: '本县通知',
          updatedAt,
        },
      ],
      changes: [
        { countyId: 1, date: '2027-01-09', kind: 'holiday', note: '取消调休', updatedAt },
        { countyId: 1, date: '2027-03-15', kind: 'holiday', note: '本地节日', updatedAt },
        { countyId: 1, date: '2027-03-20', kind: 'workday', note: '补班', updatedAt },
        { countyId: 1, date: '2026-12-31', kind: 'holiday', note: null, updatedAt },
      ],
      policy: null,
    });
    const view = countyCalendarView(county, 2027, rules, 2026);
    expect(view).toMatchObject({
      hasSchedule: true,
      scheduleSource: '本县通知',
      missingNotice: null,
    });
    expect(view.days).toEqual([
      { date: '2027-01-01', working: false, source: 'schedule', note: null },
      { date: '2027-01-09', working: false, source: 'local', note: '取消调休' },
      { date: '2027-03-15', working: false, source: 'local', note: '本地节日' },
      { date: '2027-03-20', working: true, source: 'local', note: '补班' },
    ]);
  });

  it('has no schedule for a year nobody entered', () => {
    const view = countyCalendarView(
      county,
      2028,
      buildCountyRules(1, { years: [], changes: [], policy: null }),
      2028,
    );
    expect(view).toMatchObject({
      hasSchedule: false,
      scheduleSource: null,
      days: [],
      missingNotice:
        '2028年、2029年的法定节假日和调休安排尚未录入，办理时限暂按周一至周五计算，请尽快补录。',
    });
  });
});
