import { addDays, dayOfWeek, localDateOf, parseLocalDate, type CountyCalendar } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import { textareaWith, typeInto } from '../../../../test/dom';
import { signedIn } from '../../../../test/sessions';
import { getCalendar, setDeadlinePolicy, setYearSchedule } from '../../../services/api/office';
import { restoreSession, saveSession } from '../../../services/session';
import CalendarPage from './index';

jest.mock('../../../services/api/office', () => ({
  getCalendar: jest.fn(),
  setYearSchedule: jest.fn(),
  setCalendarDay: jest.fn(),
  setDeadlinePolicy: jest.fn(),
}));

const calendar = jest.mocked(getCalendar);
const saveYear = jest.mocked(setYearSchedule);
const savePolicy = jest.mocked(setDeadlinePolicy);

const thisYear = parseLocalDate(localDateOf(new Date())).year;
/** A make-up working day must be a weekend day: the first Saturday after New Year, whatever the year. */
const makeup = [...Array(7).keys()]
  .map((i) => addDays(`${thisYear}-01-03`, i + 1))
  .find((date) => dayOfWeek(date) === 6)!;

function countyCalendar(overrides: Partial<CountyCalendar> = {}): CountyCalendar {
  return {
    countyId: 1,
    countyName: '青山县',
    year: thisYear,
    hasSchedule: true,
    missingNotice: null,
    scheduleSource: '国办通知',
    days: [
      { date: `${thisYear}-01-01`, working: false, source: 'schedule', note: null },
      { date: `${thisYear}-01-02`, working: false, source: 'schedule', note: null },
      { date: makeup, working: true, source: 'schedule', note: null },
      { date: `${thisYear}-07-15`, working: false, source: 'local', note: '防汛放假' },
    ],
    policy: { acceptDays: 1, villageDays: 3, townshipDays: 7, countyDays: 15, rectifyDays: 15 },
    ...overrides,
  };
}

const HOLIDAYS_BOX = `一行一段，例如 ${thisYear}-10-01~${thisYear}-10-07`;

beforeEach(() => {
  restoreSession();
  for (const mock of [calendar, saveYear, savePolicy]) mock.mockReset();
  calendar.mockResolvedValue(countyCalendar());
});

describe('CalendarPage', () => {
  it('shows staff the special days and the time limits, with nothing to change', async () => {
    saveSession(signedIn('staff'));
    render(<CalendarPage />);

    expect(await screen.findByText('防汛放假')).toBeInTheDocument();
    expect(screen.getByText('本县调整')).toBeInTheDocument();
    expect(screen.getByText('▲ 调休上班')).toBeInTheDocument();
    expect(screen.getByText('7个工作日')).toBeInTheDocument();
    expect(screen.queryByText(/保存.*安排/)).not.toBeInTheDocument();
    expect(calendar).toHaveBeenCalledWith(thisYear);
  });

  it("gives an admin the year's schedule as ranges to edit, and says on which line a date is wrong", async () => {
    saveSession(signedIn('admin'));
    saveYear.mockResolvedValueOnce(countyCalendar());
    render(<CalendarPage />);

    const holidays = await textareaWith(HOLIDAYS_BOX);
    expect(holidays.value).toBe(`${thisYear}-01-01~${thisYear}-01-02`);

    await typeInto(
      HOLIDAYS_BOX,
      `${thisYear}-01-01~${thisYear}-01-03\n${thisYear}-02-30\n${thisYear}-10-01~${thisYear}-10-07`,
    );
    fireEvent.click(screen.getByText(`保存${thisYear}年安排`));

    expect(screen.getByText(`第2行：“${thisYear}-02-30”不是真实的日期`)).toBeInTheDocument();
    expect(saveYear).not.toHaveBeenCalled();

    await typeInto(HOLIDAYS_BOX, `${thisYear}-01-01~${thisYear}-01-03`);
    fireEvent.click(screen.getByText(`保存${thisYear}年安排`));

    expect(await screen.findByText(`✓ 已保存${thisYear}年的安排`)).toBeInTheDocument();
    expect(saveYear).toHaveBeenCalledWith(thisYear, {
      holidays: [`${thisYear}-01-01`, `${thisYear}-01-02`, `${thisYear}-01-03`],
      makeupWorkdays: [makeup],
      source: '国办通知',
    });
  });

  it('checks the five time limits as numbers of working days', async () => {
    saveSession(signedIn('admin'));
    savePolicy.mockResolvedValueOnce(countyCalendar());
    render(<CalendarPage />);
    await screen.findByText('签收时限（天）');

    const accept = screen.getAllByDisplayValue('1')[0]!;
    fireEvent.input(accept, { target: { value: '0' } });
    fireEvent.click(screen.getByText('保存办理时限'));
    expect(screen.getByText('签收时限至少1个工作日')).toBeInTheDocument();

    fireEvent.input(accept, { target: { value: '2' } });
    fireEvent.click(screen.getByText('保存办理时限'));
    expect(await screen.findByText('✓ 已保存办理时限')).toBeInTheDocument();
    expect(savePolicy).toHaveBeenCalledWith({
      acceptDays: 2,
      villageDays: 3,
      townshipDays: 7,
      countyDays: 15,
      rectifyDays: 15,
    });
  });
});
