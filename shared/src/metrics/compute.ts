import { clockStanding } from '../lifecycle/clocks';
import type { HandlingLevel } from '../org/levels';
import {
  countedRating,
  currentAttribution,
  firstRoundRating,
  latestResolutionIn,
  ratedResolution,
  scopeIncludes,
  type Attribution,
} from './attribution';
import { inRange, toDayRange, type DayRange } from './dates';
import { BAD_REVIEW_MAX_LEVEL, ratingFigures, toMean, toRate } from './rates';
import {
  type MetricMeasure,
  type MetricOptions,
  type MetricRequest,
  type MetricScope,
  type MetricsSummary,
  type MetricTotals,
} from './types';

const HOUR_MS = 3_600_000;

/** Where a resolution at each level is counted. */
export const RESOLVED_AT_LEVEL = {
  village: 'resolvedVillage',
  township: 'resolvedTownship',
  county: 'resolvedCounty',
} as const satisfies Record<HandlingLevel, keyof MetricTotals>;

/** Written out rather than built from METRIC_MEASURES: the figures make one per rollup cell. */
export function emptyTotals(): MetricTotals {
  return {
    received: 0,
    resolved: 0,
    resolvedRated: 0,
    resolvedVillage: 0,
    resolvedTownship: 0,
    resolvedCounty: 0,
    rating1: 0,
    rating2: 0,
    rating3: 0,
    rating4: 0,
    rating5: 0,
    answered: 0,
    solved: 0,
    accepted: 0,
    acceptanceMs: 0,
    foundedBad: 0,
    rectified: 0,
    acceptDue: 0,
    acceptMet: 0,
    deadlineDue: 0,
    deadlineMet: 0,
  } satisfies Record<MetricMeasure, 0>;
}

type InScope = (who: Attribution | null) => boolean;

function countRating(t: MetricTotals, r: MetricRequest, range: DayRange, inScope: InScope): void {
  const rating = countedRating(r);
  if (!rating || !inRange(rating.at, range)) return;
  if (!inScope(ratedResolution(r, rating) ?? null)) return;
  t[`rating${rating.level}`] += 1;
  if (rating.solved) {
    t.answered += 1;
    if (rating.solved === 'solved') t.solved += 1;
  }
}

function countResolution(
  t: MetricTotals,
  r: MetricRequest,
  range: DayRange,
  inScope: InScope,
): void {
  const resolution = latestResolutionIn(r, range);
  if (!resolution || !inScope(resolution)) return;
  t.resolved += 1;
  t[RESOLVED_AT_LEVEL[resolution.level]] += 1;
  // An unfounded (excluded) bad review counts nowhere, as if it had not been given: the request
  // counts as resolved and not rated.
  if (r.ratings.some((rating) => rating.round === resolution.round && !rating.excluded))
    t.resolvedRated += 1;
}

/**
 * Each clock due in the period and past it, for the owner it ran for: accept clocks for 响应率,
 * resolve and rectify clocks for 按时办结率.
 */
function countDue(
  t: MetricTotals,
  r: MetricRequest,
  range: DayRange,
  now: Date,
  inScope: InScope,
): void {
  for (const clock of r.clocks) {
    if (!inRange(clock.dueAt, range)) continue;
    if (now.getTime() <= clock.dueAt.getTime() || !inScope(clock)) continue;
    const standing = clockStanding(clock, now);
    if (standing === 'void') continue;
    const accept = clock.kind === 'accept';
    t[accept ? 'acceptDue' : 'deadlineDue'] += 1;
    if (standing === 'met') t[accept ? 'acceptMet' : 'deadlineMet'] += 1;
  }
}

/** Each acceptance in the period, for the owner who accepted, from when it reached them. */
function countAcceptance(
  t: MetricTotals,
  r: MetricRequest,
  range: DayRange,
  inScope: InScope,
): void {
  for (const clock of r.clocks) {
    if (clock.kind !== 'accept' || clock.stop !== 'goal' || clock.stoppedAt === null) continue;
    if (!inRange(clock.stoppedAt, range) || !inScope(clock)) continue;
    t.accepted += 1;
    t.acceptanceMs += clock.stoppedAt.getTime() - clock.startedAt.getTime();
  }
}

function countRectification(
  t: MetricTotals,
  r: MetricRequest,
  range: DayRange,
  inScope: InScope,
): void {
  const rating = firstRoundRating(r);
  if (!rating || rating.level > BAD_REVIEW_MAX_LEVEL || !inRange(rating.at, range)) return;
  if (r.verification?.founded !== true) return;
  // Judged against the round-1 resolution, like the bad review itself.
  if (!inScope(ratedResolution(r, rating) ?? null)) return;
  t.foundedBad += 1;
  if (r.resolutions.some((res) => res.round === 2)) t.rectified += 1;
}

/** Every figure of DESIGN.md §3 from the sums they are made of. */
export function summaryOf(t: MetricTotals): MetricsSummary {
  const figures = ratingFigures({
    1: t.rating1,
    2: t.rating2,
    3: t.rating3,
    4: t.rating4,
    5: t.rating5,
  });
  return {
    received: t.received,
    resolved: t.resolved,
    ratings: figures.satisfaction.denominator,
    badReviews: figures.badReviewRate.numerator,
    ...figures,
    solvedRate: toRate(t.solved, t.answered),
    participation: toRate(t.resolvedRated, t.resolved),
    onTime: toRate(t.deadlineMet, t.deadlineDue),
    responsiveness: toRate(t.acceptMet, t.acceptDue),
    acceptanceHours: toMean(t.acceptanceMs / HOUR_MS, t.accepted),
    rectification: toRate(t.rectified, t.foundedBad),
    resolutionLevels: {
      village: toRate(t.resolvedVillage, t.resolved),
      township: toRate(t.resolvedTownship, t.resolved),
      county: toRate(t.resolvedCounty, t.resolved),
    },
  };
}

/**
 * Every figure over one period, for the items that fall in all of `scopes` (several scopes
 * intersect: a cadre's figures as seen by the staff of one township).
 */
export function summarise(
  requests: readonly MetricRequest[],
  range: DayRange,
  now: Date,
  scopes: readonly MetricScope[],
): MetricsSummary {
  const t = emptyTotals();
  for (const r of requests) {
    // A matter solved on the spot counts only once the resident has confirmed it.
    if (r.status === 'pending_confirmation') continue;
    const inScope: InScope = (who) => scopes.every((s) => scopeIncludes(s, r, who));
    if (inRange(r.submittedAt, range) && inScope(currentAttribution(r))) t.received += 1;
    countRating(t, r, range, inScope);
    countResolution(t, r, range, inScope);
    countDue(t, r, range, now, inScope);
    countAcceptance(t, r, range, inScope);
    countRectification(t, r, range, inScope);
  }
  return summaryOf(t);
}

/** All figures of DESIGN.md §3 "Metrics" for one scope and one period. */
export function computeMetrics(
  requests: readonly MetricRequest[],
  options: MetricOptions,
): MetricsSummary {
  return summarise(requests, toDayRange(options.period), options.now, [options.scope]);
}
