import fc from 'fast-check';
import {
  DEADLINE_STATE_LABELS,
  deadlineOf,
  dueSoonBefore,
  isDueSoon,
  nextDue,
  warningAt,
} from '../src/calendar';
import { REQUEST_STATUSES } from '../src/lifecycle/status';
import { cal2026, ms, sh } from './calendar.fixtures';

const accept = sh('2026-10-09T18:00');
const resolve = sh('2026-10-13T18:00');

describe('nextDue', () => {
  it('is the accept clock while a request awaits 签收', () => {
    expect(nextDue('submitted', accept, resolve)).toEqual({ clock: 'accept', dueAt: accept });
  });

  it.each([['in_progress'], ['rectifying']] as const)('is the resolve clock when %s', (status) => {
    expect(nextDue(status, accept, resolve)).toEqual({ clock: 'resolve', dueAt: resolve });
  });

  it('falls back to the resolve clock when no accept clock is known', () => {
    expect(nextDue('submitted', null, resolve)).toEqual({ clock: 'resolve', dueAt: resolve });
  });

  it.each(REQUEST_STATUSES.filter((s) => !['submitted', 'in_progress', 'rectifying'].includes(s)))(
    'is none for %s (no clock runs)',
    (status) => {
      expect(nextDue(status, accept, resolve)).toBeNull();
    },
  );
});

describe('deadlineOf', () => {
  it.each([
    ['submitted', sh('2026-10-09T09:00'), 'due_soon', '签收：今天18:00前到期'],
    ['submitted', ms(accept, 1), 'overdue', '已超期未签收'],
    ['in_progress', ms(accept, 1), 'on_time', '还剩3个工作日'], // Saturday 10 October is a make-up working day,
    ['in_progress', sh('2026-10-12T18:00'), 'due_soon', '还剩1个工作日'],
    ['in_progress', ms(resolve, 1), 'overdue', '已超期'],
    ['resolved', ms(resolve, 1), 'none', ''],
  ] as const)('%s at %p → %s %p', (status, now, deadline, text) => {
    expect(deadlineOf(cal2026, status, accept, resolve, now)).toEqual({
      deadline,
      deadlineText: text,
    });
  });

  it('names the state in words the lists can show', () => {
    expect(DEADLINE_STATE_LABELS.due_soon).toBe('即将超期');
    expect(DEADLINE_STATE_LABELS.overdue).toBe('已超期');
  });
});

describe('dueSoonBefore', () => {
  it.each([
    // 18:00 on Tuesday warns of Wednesday; before it, of nothing past Tuesday.
    ['2026-03-03T17:59', '2026-03-04T00:00'],
    ['2026-03-03T18:00', '2026-03-05T00:00'],
    // Friday evening warns of Monday (the weekend has no working day).
    ['2026-03-06T18:30', '2026-03-10T00:00'],
    // Before 国庆: the evening of 30 September warns of 8 October.
    ['2026-09-30T18:00', '2026-10-09T00:00'],
    // The make-up Saturday 14 February warns of 24 February, after 春节.
    ['2026-02-14T20:00', '2026-02-25T00:00'],
  ])('at %s, due times before %s are due soon', (now, horizon) => {
    expect(dueSoonBefore(cal2026, sh(now))).toEqual(sh(horizon));
  });

  it('agrees with isDueSoon for every due time and moment', () => {
    const instant = fc.date({
      min: sh('2026-01-01T00:00'),
      max: sh('2026-12-31T23:59'),
      noInvalidDate: true,
    });
    const dueDay = fc.integer({ min: 0, max: 364 });
    fc.assert(
      fc.property(instant, dueDay, (now, day) => {
        const due = new Date(sh('2026-01-01T18:00').getTime() + day * 86_400_000);
        const inRange =
          due.getTime() >= now.getTime() && due.getTime() < dueSoonBefore(cal2026, now).getTime();
        return inRange === isDueSoon(cal2026, 'in_progress', due, now);
      }),
      { numRuns: 2000 },
    );
  });

  it('is never before the warning it stands for', () => {
    const due = sh('2026-10-08T18:00');
    const warn = warningAt(cal2026, due);
    expect(dueSoonBefore(cal2026, warn).getTime()).toBeGreaterThan(due.getTime());
    expect(dueSoonBefore(cal2026, ms(warn, -1)).getTime()).toBeLessThanOrEqual(due.getTime());
  });
});
