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
import {
  BAD_REVIEW_MAX_LEVEL,
  emptyLevelCounts,
  ratingFigures,
  toMean,
  toRate,
  type LevelCounts,
} from './rates';
import type { MetricOptions, MetricRequest, MetricScope, MetricsSummary } from './types';

const HOUR_MS = 3_600_000;

interface Tally {
  received: number;
  levels: LevelCounts;
  resolved: number;
  rated: number;
  byLevel: Record<HandlingLevel, number>;
  dueBase: number;
  dueOnTime: number;
  accepted: number;
  acceptanceMs: number;
  foundedBad: number;
  rectified: number;
}

function emptyTally(): Tally {
  return {
    received: 0,
    levels: emptyLevelCounts(),
    resolved: 0,
    rated: 0,
    byLevel: { village: 0, township: 0, county: 0 },
    dueBase: 0,
    dueOnTime: 0,
    accepted: 0,
    acceptanceMs: 0,
    foundedBad: 0,
    rectified: 0,
  };
}

type InScope = (who: Attribution | null) => boolean;

function countRating(t: Tally, r: MetricRequest, range: DayRange, inScope: InScope): void {
  const rating = countedRating(r);
  if (!rating || !inRange(rating.at, range)) return;
  if (!inScope(ratedResolution(r, rating) ?? null)) return;
  t.levels[rating.level] += 1;
}

function countResolution(t: Tally, r: MetricRequest, range: DayRange, inScope: InScope): void {
  const resolution = latestResolutionIn(r, range);
  if (!resolution || !inScope(resolution)) return;
  t.resolved += 1;
  t.byLevel[resolution.level] += 1;
  // An unfounded (excluded) bad review counts nowhere, as if it had not been given: the request
  // counts as resolved and not rated.
  if (r.ratings.some((rating) => rating.round === resolution.round && !rating.excluded))
    t.rated += 1;
}

/** Each resolve and rectify clock due in the period and past it, for the owner it ran for. */
function countDue(t: Tally, r: MetricRequest, range: DayRange, now: Date, inScope: InScope): void {
  for (const clock of r.clocks) {
    if (clock.kind === 'accept' || !inRange(clock.dueAt, range)) continue;
    if (now.getTime() <= clock.dueAt.getTime() || !inScope(clock)) continue;
    const standing = clockStanding(clock, now);
    if (standing === 'void') continue;
    t.dueBase += 1;
    if (standing === 'met') t.dueOnTime += 1;
  }
}

/** Each acceptance in the period, for the owner who accepted, from when it reached them. */
function countAcceptance(t: Tally, r: MetricRequest, range: DayRange, inScope: InScope): void {
  for (const clock of r.clocks) {
    if (clock.kind !== 'accept' || clock.stop !== 'goal' || clock.stoppedAt === null) continue;
    if (!inRange(clock.stoppedAt, range) || !inScope(clock)) continue;
    t.accepted += 1;
    t.acceptanceMs += clock.stoppedAt.getTime() - clock.startedAt.getTime();
  }
}

function countRectification(t: Tally, r: MetricRequest, range: DayRange, inScope: InScope): void {
  const rating = firstRoundRating(r);
  if (!rating || rating.level > BAD_REVIEW_MAX_LEVEL || !inRange(rating.at, range)) return;
  if (r.verification?.founded !== true) return;
  // Judged against the round-1 resolution, like the bad review itself.
  if (!inScope(ratedResolution(r, rating) ?? null)) return;
  t.foundedBad += 1;
  if (r.resolutions.some((res) => res.round === 2)) t.rectified += 1;
}

function finish(t: Tally): MetricsSummary {
  const figures = ratingFigures(t.levels);
  return {
    received: t.received,
    resolved: t.resolved,
    ratings: figures.satisfaction.denominator,
    badReviews: figures.badReviewRate.numerator,
    ...figures,
    participation: toRate(t.rated, t.resolved),
    onTime: toRate(t.dueOnTime, t.dueBase),
    acceptanceHours: toMean(t.acceptanceMs / HOUR_MS, t.accepted),
    rectification: toRate(t.rectified, t.foundedBad),
    resolutionLevels: {
      village: toRate(t.byLevel.village, t.resolved),
      township: toRate(t.byLevel.township, t.resolved),
      county: toRate(t.byLevel.county, t.resolved),
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
  const t = emptyTally();
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
  return finish(t);
}

/** All figures of DESIGN.md §3 "Metrics" for one scope and one period. */
export function computeMetrics(
  requests: readonly MetricRequest[],
  options: MetricOptions,
): MetricsSummary {
  return summarise(requests, toDayRange(options.period), options.now, [options.scope]);
}
