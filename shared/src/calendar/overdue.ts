import { type RequestStatus, isOpenStatus } from '../lifecycle/status';
import {
  addDays,
  localDateOf,
  localTimeOf,
  localTimeToInstant,
  parseLocalDate,
  startOfLocalDay,
} from './local-date';
import { DUE_TIME_OF_DAY } from './deadlines';
import {
  type WorkCalendar,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './work-calendar';

/**
 * Overdue once the due time has passed: `now > dueAt`, so at 18:00:00.000 exactly a request is
 * still on time and it is overdue one millisecond later. Only open statuses (submitted,
 * in_progress, rectifying) can be overdue; a missing due time never is.
 */
export function isOverdue(
  status: RequestStatus,
  dueAt: Date | null | undefined,
  now: Date,
): boolean {
  return isOpenStatus(status) && !!dueAt && now.getTime() > dueAt.getTime();
}

/**
 * "One working day before": 18:00 on the last working day before the due day, so a Monday
 * deadline warns on Friday evening rather than on the Sunday nobody is at work.
 */
export function warningAt(cal: WorkCalendar, dueAt: Date): Date {
  return localTimeToInstant(previousWorkingDay(cal, localDateOf(dueAt)), DUE_TIME_OF_DAY);
}

/** True in [warningAt, dueAt], both ends included; right after dueAt it is overdue instead. */
export function isDueSoon(
  cal: WorkCalendar,
  status: RequestStatus,
  dueAt: Date | null | undefined,
  now: Date,
): boolean {
  if (!isOpenStatus(status) || !dueAt) return false;
  const t = now.getTime();
  return t >= warningAt(cal, dueAt).getTime() && t <= dueAt.getTime();
}

/**
 * `isDueSoon` as a range of due times, for a query: a due time `d` with `now <= d < dueSoonBefore`
 * is due soon at `now`. The warning of a due day falls at 18:00 on the working day before it, so
 * once 18:00 of day L has passed, every due day up to the first working day after L is warned of.
 */
export function dueSoonBefore(cal: WorkCalendar, now: Date): Date {
  const today = localDateOf(now);
  const warnedThrough =
    now.getTime() >= localTimeToInstant(today, DUE_TIME_OF_DAY).getTime()
      ? today
      : addDays(today, -1);
  return startOfLocalDay(addDays(nextWorkingDay(cal, warnedThrough), 1));
}

export const DEADLINE_STATES = ['none', 'on_time', 'due_soon', 'overdue'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  none: '无时限',
  on_time: '正常',
  due_soon: '即将超期',
  overdue: '已超期',
};

/** One badge per request; the states partition time so lists and reminder jobs cannot disagree. */
export function deadlineState(
  cal: WorkCalendar,
  status: RequestStatus,
  dueAt: Date | null | undefined,
  now: Date,
): DeadlineState {
  if (!isOpenStatus(status) || !dueAt) return 'none';
  if (isOverdue(status, dueAt, now)) return 'overdue';
  return isDueSoon(cal, status, dueAt, now) ? 'due_soon' : 'on_time';
}

/**
 * Working days after today up to and including the due day, counted like the deadline itself:
 * 0 on the due day, negative once the due day is behind.
 */
export function remainingWorkingDays(cal: WorkCalendar, dueAt: Date, now: Date): number {
  return workingDaysBetween(cal, localDateOf(now), localDateOf(dueAt));
}

/** The line under a request in the lists, e.g. 还剩2个工作日 / 今天18:00前到期 / 已超期. */
export function describeDue(cal: WorkCalendar, dueAt: Date, now: Date): string {
  if (now.getTime() > dueAt.getTime()) return '已超期';
  const dueDay = localDateOf(dueAt);
  const time = localTimeOf(dueAt);
  if (dueDay === localDateOf(now)) return `今天${time}前到期`;
  const remaining = remainingWorkingDays(cal, dueAt, now);
  if (remaining > 0) return `还剩${remaining}个工作日`;
  // Only a due time set on a non-working day can land here.
  const { month, day } = parseLocalDate(dueDay);
  return `${month}月${day}日${time}前到期`;
}

/**
 * The due time a worker must mind first: the accept clock's while the request awaits 签收 (it
 * always falls before the resolve clock's), else the resolve or rectify clock's.
 */
export function nextDue(
  status: RequestStatus,
  acceptDueAt: Date | null | undefined,
  dueAt: Date | null | undefined,
): { clock: 'accept' | 'resolve'; dueAt: Date } | null {
  if (!isOpenStatus(status)) return null;
  if (status === 'submitted' && acceptDueAt) return { clock: 'accept', dueAt: acceptDueAt };
  return dueAt ? { clock: 'resolve', dueAt } : null;
}

/**
 * A request's deadline as the lists show it, in words and not colour alone: 还剩2个工作日,
 * 签收：今天18:00前到期, 已超期, 已超期未签收. The state follows the clock that falls due first,
 * so the inbox, the staff queue and the reminder sweeps agree.
 */
export function deadlineOf(
  cal: WorkCalendar,
  status: RequestStatus,
  acceptDueAt: Date | null | undefined,
  dueAt: Date | null | undefined,
  now: Date,
): { deadline: DeadlineState; deadlineText: string } {
  const next = nextDue(status, acceptDueAt, dueAt);
  if (!next) return { deadline: 'none', deadlineText: '' };
  const deadline = deadlineState(cal, status, next.dueAt, now);
  const accept = next.clock === 'accept';
  if (deadline === 'overdue') return { deadline, deadlineText: accept ? '已超期未签收' : '已超期' };
  const text = describeDue(cal, next.dueAt, now);
  return { deadline, deadlineText: accept ? `签收：${text}` : text };
}
