import type { Action, Transition } from './transition';

/**
 * Deadline clocks (DESIGN.md §3 "Deadlines", §3 "Metrics"). Every clock is its own record, kept
 * after it stops, so that a missed deadline stays missed when the request moves on and each
 * acceptance counts for the owner who made it, from the moment the request reached them.
 */
export const CLOCK_KINDS = ['accept', 'resolve', 'rectify'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_KIND_LABELS: Record<ClockKind, string> = {
  accept: '签收时限',
  resolve: '办结时限',
  rectify: '整改时限',
};

/**
 * How a clock stopped: by its own goal (acceptance for the accept clock, a resolution for the
 * resolve and rectify clocks), or by something else (a hand-over, a withdrawal).
 */
export const CLOCK_STOPS = ['goal', 'other'] as const;
export type ClockStop = (typeof CLOCK_STOPS)[number];

/** met: its goal on time; missed: not by its due time; void: ended early by something else. */
export const CLOCK_RESULTS = ['met', 'missed', 'void'] as const;
export type ClockResult = (typeof CLOCK_RESULTS)[number];

/**
 * The result of a stopped clock. Reaching the goal by the due time (the due instant included) is
 * met. Anything stopped after its due time is missed, however it stopped: escalating an overdue
 * request does not erase the miss. A clock ended early by a hand-over or a withdrawal owed
 * nothing more and is void, counted nowhere.
 */
export function clockResult(dueAt: Date, stoppedAt: Date, stop: ClockStop): ClockResult {
  const onTime = stoppedAt.getTime() <= dueAt.getTime();
  if (!onTime) return 'missed';
  return stop === 'goal' ? 'met' : 'void';
}

/** A clock as it stands at `now`: a running clock past its due time is already missed. */
export function clockStanding(
  clock: { dueAt: Date; stoppedAt: Date | null; stop: ClockStop | null },
  now: Date,
): ClockResult | 'running' {
  if (clock.stoppedAt !== null)
    return clockResult(clock.dueAt, clock.stoppedAt, clock.stop ?? 'other');
  return now.getTime() > clock.dueAt.getTime() ? 'missed' : 'running';
}

export interface ClockPlan {
  /** running clocks of these kinds stop, each with how it stopped */
  stop: { kind: ClockKind; stop: ClockStop }[];
  /** new clocks start for the owner the request is with after the move */
  start: ClockKind[];
}

const ALL_STOP_OTHER = CLOCK_KINDS.map((kind) => ({ kind, stop: 'other' as const }));

/** Which clocks a permitted move stops and starts. */
export function clockPlan(action: Action, t: Transition): ClockPlan {
  const start: ClockKind[] =
    t.clock === 'accept_and_resolve'
      ? ['accept', 'resolve']
      : t.clock === 'rectify'
        ? ['rectify']
        : [];
  switch (action) {
    case 'accept':
      return { stop: [{ kind: 'accept', stop: 'goal' }], start };
    case 'resolve':
      return {
        stop: [
          { kind: 'resolve', stop: 'goal' },
          { kind: 'rectify', stop: 'goal' },
        ],
        start,
      };
    case 'escalate':
    case 'transfer':
    case 'withdraw':
    case 'cancel':
      return { stop: ALL_STOP_OTHER, start };
    default:
      return { stop: [], start };
  }
}
