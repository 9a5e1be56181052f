import {
  DEADLINE_STATE_LABELS,
  deadlineState,
  describeDue,
  isDueSoon,
  isOverdue,
  remainingWorkingDays,
  warningAt,
} from '../src/calendar';
import { REQUEST_STATUSES } from '../src/lifecycle/status';
import { cal2026, ms, sh } from './calendar.fixtures';

const due = sh('2026-10-08T18:00');

describe('isOverdue', () => {
  it.each([
    [-1, false, 'a millisecond before the due time'],
    [0, false, 'exactly at the due time'],
    [1, true, 'a millisecond after'],
    [16 * 3600_000, true, 'the next morning'],
  ])('now = due %+d ms → %p (%s)', (delta, expected) => {
    expect(isOverdue('in_progress', due, ms(due, delta))).toBe(expected);
  });

  it.each(REQUEST_STATUSES.map((s) => [s]))('status %s', (status) => {
    const open = status === 'submitted' || status === 'in_progress' || status === 'rectifying';
    expect(isOverdue(status, due, ms(due, 1))).toBe(open);
  });

  it('a request without a due time is never overdue', () => {
    expect(isOverdue('submitted', null, sh('2030-01-01T00:00'))).toBe(false);
    expect(isOverdue('submitted', undefined, sh('2030-01-01T00:00'))).toBe(false);
  });
});

describe('warningAt', () => {
  it.each([
    ['2026-03-04', '2026-03-03', 'the day before, midweek'],
    ['2026-03-09', '2026-03-06', 'a Monday due: Friday, before the weekend'],
    ['2026-10-08', '2026-09-30', 'after 国庆: before the holiday week'],
    ['2026-04-07', '2026-04-03', 'after 清明'],
    ['2026-02-24', '2026-02-14', 'after 春节: the make-up Saturday'],
    ['2026-03-02', '2026-02-28', 'a Monday after a make-up Saturday'],
    ['2026-01-05', '2026-01-04', 'a Monday after a make-up Sunday'],
    ['2027-01-04', '2027-01-01', 'a year without schedule: plain Friday'],
  ])('due %s 18:00 → warn %s 18:00 (%s)', (dueDay, warnDay) => {
    expect(warningAt(cal2026, sh(`${dueDay}T18:00`))).toEqual(sh(`${warnDay}T18:00`));
  });
});

describe('isDueSoon', () => {
  const warn = sh('2026-09-30T18:00');

  it.each([
    [ms(warn, -1), false, 'just before the warning'],
    [warn, true, 'at the warning'],
    [sh('2026-10-03T12:00'), true, 'during the holiday'],
    [due, true, 'at the due time'],
    [ms(due, 1), false, 'after the due time: overdue instead'],
  ])('%p → %p (%s)', (now, expected) => {
    expect(isDueSoon(cal2026, 'in_progress', due, now)).toBe(expected);
  });

  it('only for open requests with a due time', () => {
    expect(isDueSoon(cal2026, 'resolved', due, warn)).toBe(false);
    expect(isDueSoon(cal2026, 'submitted', null, warn)).toBe(false);
  });
});

describe('deadlineState', () => {
  it.each([
    ['in_progress', ms(sh('2026-09-30T18:00'), -1), 'on_time'],
    ['in_progress', sh('2026-09-30T18:00'), 'due_soon'],
    ['rectifying', due, 'due_soon'],
    ['submitted', ms(due, 1), 'overdue'],
    ['closed', ms(due, 1), 'none'],
    ['under_review', ms(due, 1), 'none'],
  ] as const)('%s at %p → %s', (status, now, expected) => {
    expect(deadlineState(cal2026, status, due, now)).toBe(expected);
  });

  it('no due time → none', () => {
    expect(deadlineState(cal2026, 'submitted', null, due)).toBe('none');
    expect(DEADLINE_STATE_LABELS.overdue).toBe('已超期');
  });
});

describe('remainingWorkingDays / describeDue', () => {
  it.each([
    ['2026-10-08T18:00', '2026-09-30T10:00', 1, '还剩1个工作日'],
    ['2026-10-10T18:00', '2026-09-30T20:00', 3, '还剩3个工作日'],
    ['2026-03-09T18:00', '2026-03-07T10:00', 1, '还剩1个工作日'],
    ['2026-10-08T18:00', '2026-10-08T09:00', 0, '今天18:00前到期'],
    ['2026-10-08T18:00', '2026-10-08T18:00', 0, '今天18:00前到期'],
    ['2026-10-08T18:00', '2026-10-08T18:01', 0, '已超期'],
    ['2026-10-10T18:00', '2026-10-12T09:00', -1, '已超期'],
    ['2026-03-08T12:00', '2026-03-06T10:00', 0, '3月8日12:00前到期'],
  ])('due %s, now %s → %d, %s', (dueAt, now, days, text) => {
    expect(remainingWorkingDays(cal2026, sh(dueAt), sh(now))).toBe(days);
    expect(describeDue(cal2026, sh(dueAt), sh(now))).toBe(text);
  });
});
