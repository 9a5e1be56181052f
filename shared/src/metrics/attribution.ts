import { isWithinPath } from '../org/levels';
import { isConductComplaint } from '../vocabulary/categories';
import { inRange, type DayRange } from './dates';
import type { MetricRating, MetricRequest, MetricResolution, MetricScope } from './types';

/** Whose figure a counted item belongs to. */
export interface Attribution {
  ownerId: string;
  unitPath: string;
}

/** Open work and its clocks belong to whoever holds the request now (事随人转). */
export function currentAttribution(request: MetricRequest): Attribution {
  return { ownerId: request.ownerId, unitPath: request.unitPath };
}

/**
 * Does an item attributed to `who` count in `scope`? A null attribution (a rating with no
 * resolution of its round, which the state machine never produces) belongs to no cadre and no
 * unit, so it shows only in the unscoped total rather than landing on someone by guesswork.
 */
export function scopeIncludes(
  scope: MetricScope,
  request: MetricRequest,
  who: Attribution | null,
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit':
      return who !== null && isWithinPath(who.unitPath, scope.path);
    case 'cadre':
      // A conduct complaint never scores the cadre it is about, even when the data says they
      // handled it; it still counts for the unit and for any other cadre who handled it.
      return (
        who !== null &&
        who.ownerId === scope.id &&
        !(isConductComplaint(request.category) && request.subjectCadreId === scope.id)
      );
  }
}

// Equal times fall back to the round, then to list order (later row wins), so that the choice
// is the same whatever order the server's query happens to return rows with equal timestamps.
function isAtOrAfter(a: { at: Date; round: number }, b: { at: Date; round: number }): boolean {
  const dt = a.at.getTime() - b.at.getTime();
  return dt > 0 || (dt === 0 && a.round >= b.round);
}

function latest<T extends { at: Date; round: number }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || isAtOrAfter(item, best)) best = item;
  return best;
}

/** The one rating of a request that 满意率 and its siblings count: its latest not excluded. */
export function countedRating(request: MetricRequest): MetricRating | undefined {
  return latest(request.ratings.filter((r) => !r.excluded));
}

/** The round-1 rating, whose bad review starts verification and rectification. */
export function firstRoundRating(request: MetricRequest): MetricRating | undefined {
  return latest(request.ratings.filter((r) => r.round === 1));
}

/**
 * The resolution a rating judges: same round, and the latest one before the rating if the data
 * ever holds several. Never the current owner: a cadre's past ratings stay theirs when they move.
 */
export function ratedResolution(
  request: MetricRequest,
  rating: MetricRating,
): MetricResolution | undefined {
  const sameRound = request.resolutions.filter((r) => r.round === rating.round);
  const before = sameRound.filter((r) => r.at.getTime() <= rating.at.getTime());
  return latest(before.length > 0 ? before : sameRound);
}

/** The resolution 参评率 and 解决层级 count for a period: the request's latest one inside it. */
export function latestResolutionIn(
  request: MetricRequest,
  range: DayRange,
): MetricResolution | undefined {
  return latest(request.resolutions.filter((r) => inRange(r.at, range)));
}
