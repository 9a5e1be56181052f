import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CalendarRepository, CountyCalendarData } from '../calendar/calendar.repository';
import { CountyCalendars } from '../calendar/county-calendars';
import { DeadlineRules } from './deadline-rules';

/** An Asia/Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const updatedAt = new Date(0);

/** The calendar tables as a map per county, counting the reads. */
class FakeStore {
  readonly data = new Map<number, CountyCalendarData>();
  reads: { countyId: number; m: EntityManager | undefined }[] = [];

  async countyData(countyId: number, m?: EntityManager): Promise<CountyCalendarData> {
    this.reads.push({ countyId, m });
    return this.data.get(countyId) ?? { years: [], changes: [], policy: null };
  }

  holiday(countyId: number, date: string): void {
    const d = this.data.get(countyId) ?? { years: [], changes: [], policy: null };
    d.changes.push({ countyId, date, kind: 'holiday', note: '本地节日', updatedAt });
    this.data.set(countyId, d);
  }
}

function setup() {
  const store = new FakeStore();
  const calendars = new CountyCalendars(store as unknown as CalendarRepository);
  return { store, calendars, rules: new DeadlineRules(calendars) };
}

describe('DeadlineRules per county', () => {
  const monday = sh('2026-12-07T09:00');

  it('finds the county as the first id of the path', async () => {
    const { store, rules } = setup();
    await rules.for('/7/70/700/');
    await rules.for('/8/');
    expect(store.reads.map((r) => r.countyId)).toEqual([7, 8]);
    await expect(rules.for('/')).rejects.toThrow('No county');
  });

  it('uses the national schedule and the default policy when the county set nothing', async () => {
    const { rules } = setup();
    const d = await rules.for('/1/12/130/');
    expect(d.clocksFrom(monday, 'village')).toEqual({
      acceptDueAt: sh('2026-12-08T18:00'),
      dueAt: sh('2026-12-10T18:00'),
    });
    // 2026-10-01…07 off, Saturday 10-10 worked (the national 2026 schedule).
    expect(d.clocksFrom(sh('2026-09-30T10:00'), 'village').acceptDueAt).toEqual(
      sh('2026-10-08T18:00'),
    );
  });

  it('moves a due date past a county holiday, in that county only', async () => {
    const { store, rules } = setup();
    store.holiday(1, '2026-12-09');
    const one = await rules.for('/1/12/');
    const two = await rules.for('/2/20/');
    expect(one.clocksFrom(monday, 'village').dueAt).toEqual(sh('2026-12-11T18:00'));
    expect(two.clocksFrom(monday, 'village').dueAt).toEqual(sh('2026-12-10T18:00'));
    // The warning and the 督办 reminder skip it too.
    expect(one.warnAt(sh('2026-12-10T18:00'), monday)).toEqual(sh('2026-12-08T18:00'));
    expect(one.supervisionReminderFrom(sh('2026-12-08T10:00'))).toEqual(sh('2026-12-10T18:00'));
  });

  it('counts a make-up Saturday, from a year the county entered', async () => {
    const { store, rules } = setup();
    store.data.set(1, {
      years: [
        {
          countyId: 1,
          year: 2027,
          holidays: ['2027-01-01'],
          makeupWorkdays: ['2027-01-09'],
          source: '本县通知',
          updatedAt,
        },
      ],
      changes: [],
      policy: null,
    });
    const friday = sh('2027-01-08T10:00');
    expect((await rules.for('/1/')).clocksFrom(friday, 'village').acceptDueAt).toEqual(
      sh('2027-01-09T18:00'),
    );
    expect((await rules.for('/2/')).clocksFrom(friday, 'village').acceptDueAt).toEqual(
      sh('2027-01-11T18:00'),
    );
  });

  it('replaces the national year with the county’s own for that year', async () => {
    const { store, rules } = setup();
    store.data.set(1, {
      years: [
        {
          countyId: 1,
          year: 2026,
          holidays: ['2026-12-31'],
          makeupWorkdays: [],
          source: null,
          updatedAt,
        },
      ],
      changes: [],
      policy: null,
    });
    // 2026-10-01 is a working day in this county now: the national holidays are replaced.
    expect(
      (await rules.for('/1/')).clocksFrom(sh('2026-09-30T10:00'), 'village').acceptDueAt,
    ).toEqual(sh('2026-10-01T18:00'));
  });

  it('follows the county’s policy: village days, rectification, accept', async () => {
    const { store, rules } = setup();
    store.data.set(1, {
      years: [],
      changes: [],
      policy: {
        countyId: 1,
        acceptDays: 2,
        villageDays: 5,
        townshipDays: 7,
        countyDays: 15,
        rectifyDays: 10,
        updatedAt,
      },
    });
    const d = await rules.for('/1/12/');
    expect(d.clocksFrom(monday, 'village')).toEqual({
      acceptDueAt: sh('2026-12-09T18:00'),
      dueAt: sh('2026-12-14T18:00'),
    });
    expect(d.rectifyFrom(monday)).toEqual(sh('2026-12-21T18:00'));
  });

  it('leaves out a row edited by hand into nonsense rather than stopping the county', async () => {
    const { store, rules } = setup();
    store.data.set(1, {
      years: [
        {
          countyId: 1,
          year: 2027,
          holidays: ['2026-05-01'],
          makeupWorkdays: [],
          source: null,
          updatedAt,
        },
      ],
      changes: [],
      policy: {
        countyId: 1,
        acceptDays: 0,
        villageDays: 3,
        townshipDays: 7,
        countyDays: 15,
        rectifyDays: 15,
        updatedAt,
      },
    });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const d = await rules.for('/1/');
    expect(d.clocksFrom(monday, 'village').acceptDueAt).toEqual(sh('2026-12-08T18:00'));
    expect(warn).toHaveBeenCalledWith(
      {
        countyId: 1,
        problems: [
          '2027年放假日期 2026-05-01 不在2027年内',
          '签收时限应为不少于1的整数（工作日），当前为“0”',
        ],
      },
      'county calendar rows left out',
    );
    warn.mockRestore();
  });

  it('warns only when the warning falls after the clock started', async () => {
    const d = await setup().rules.for('/1/');
    const due = sh('2026-12-10T18:00');
    expect(d.warnAt(due, sh('2026-12-09T17:59'))).toEqual(sh('2026-12-09T18:00'));
    expect(d.warnAt(due, sh('2026-12-09T18:00'))).toBeNull();
    expect(d.warnAt(due, sh('2026-12-09T19:00'))).toBeNull();
  });

  it('gives the same deadlines object for a county while its rules are cached', async () => {
    const { rules } = setup();
    expect(await rules.for('/1/12/')).toBe(await rules.for('/1/'));
  });

  it('logs nothing for a county whose rows are all sound', async () => {
    const { store, rules } = setup();
    store.holiday(1, '2026-12-09');
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await rules.for('/1/');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('reads through the transaction it is given', async () => {
    const { store, rules } = setup();
    const m = {} as EntityManager;
    await rules.for('/3/', m);
    expect(store.reads).toEqual([{ countyId: 3, m }]);
  });

  it('looks each county up once for a whole list', async () => {
    const { store, rules } = setup();
    store.holiday(1, '2026-12-08');
    const of = await rules.forAll(['/1/12/', '/1/13/130/', '/2/20/', '/1/']);
    expect(store.reads.map((r) => r.countyId)).toEqual([1, 2]);
    expect(of('/1/99/').clocksFrom(monday, 'village').acceptDueAt).toEqual(sh('2026-12-09T18:00'));
    expect(of('/2/').clocksFrom(monday, 'village').acceptDueAt).toEqual(sh('2026-12-08T18:00'));
    expect(of('/1/12/')).toBe(of('/1/13/'));
  });
});

describe('CountyCalendars cache', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps a county for at most a minute', async () => {
    const { store, rules } = setup();
    await rules.for('/1/');
    jest.advanceTimersByTime(CountyCalendars.TTL_MS - 1);
    await rules.for('/1/12/');
    expect(store.reads).toHaveLength(1);

    // Another instance wrote a holiday: seen here once the copy runs out.
    store.holiday(1, '2026-12-08');
    jest.advanceTimersByTime(1);
    const d = await rules.for('/1/');
    expect(store.reads).toHaveLength(2);
    expect(d.clocksFrom(sh('2026-12-07T09:00'), 'village').acceptDueAt).toEqual(
      sh('2026-12-09T18:00'),
    );
  });

  it('counts the minute from when the county was read', async () => {
    const { store, rules } = setup();
    jest.advanceTimersByTime(10 * CountyCalendars.TTL_MS);
    await rules.for('/1/');
    jest.advanceTimersByTime(CountyCalendars.TTL_MS - 1);
    await rules.for('/1/');
    expect(store.reads).toHaveLength(1);
    jest.advanceTimersByTime(1);
    await rules.for('/1/');
    expect(store.reads).toHaveLength(2);
  });

  it('drops a county at once when a change is written on this instance', async () => {
    const { store, calendars, rules } = setup();
    await rules.for('/1/');
    await rules.for('/2/');
    store.holiday(1, '2026-12-08');
    calendars.forget(1);
    const d = await rules.for('/1/');
    await rules.for('/2/');
    expect(store.reads.map((r) => r.countyId)).toEqual([1, 2, 1]);
    expect(d.clocksFrom(sh('2026-12-07T09:00'), 'village').acceptDueAt).toEqual(
      sh('2026-12-09T18:00'),
    );
  });

  it('does not keep what a read begun before a change returned', async () => {
    const { store, calendars } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const plain = store.countyData.bind(store);
    store.countyData = async (countyId, m) => {
      const data = await plain(countyId, m);
      await gate;
      return data;
    };
    const slow = calendars.rules(1);
    calendars.forget(1);
    release();
    await slow;
    store.countyData = plain;
    await calendars.rules(1);
    expect(store.reads).toHaveLength(2);
  });

  it('reads afresh with load, whatever is cached', async () => {
    const { store, calendars } = setup();
    await calendars.rules(1);
    await calendars.load(1);
    expect(store.reads).toHaveLength(2);
  });
});
