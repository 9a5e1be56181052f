import { clockStanding } from '../lifecycle/clocks';
import { isWithinPath } from '../org/levels';
import { isConductComplaint } from '../vocabulary/categories';
import {
  countedRating,
  currentAttribution,
  firstRoundRating,
  ratedResolution,
  type Attribution,
} from './attribution';
import { emptyTotals, RESOLVED_AT_LEVEL, summaryOf } from './compute';
import { localDay, type DayRange } from './dates';
import { BAD_REVIEW_MAX_LEVEL } from './rates';
import {
  METRIC_MEASURES,
  type MetricRequest,
  type MetricResolution,
  type MetricScope,
  type MetricsSummary,
  type MetricTotals,
} from './types';

/**
 * One thing a request adds to the figures, on one local day, for one owner in one unit: its
 * submission, its resolution, its counted rating, an acceptance, a founded bad review, a clock
 * falling due. The figures of any scope and period are the sums of the facts that count there
 * (`factCounts`), which is what lets the server keep them as small per-day rollups and still
 * agree exactly with `computeMetrics` over the raw rows.
 */
export interface MetricFact {
  /** The local day (days since 1970-01-01, Asia/Shanghai) it counts on; a clock's due day. */
  day: number;
  /** Who it counts for; null (a rating whose round has no resolution) counts for no one. */
  ownerId: string | null;
  unitPath: string | null;
  /** A conduct complaint about the very cadre it counts for: their unit's, never their own. */
  selfSubject: boolean;
  /**
   * A resolution counts for a period only when it is the request's latest in it: the day of the
   * request's next resolution, which must fall after the period. null: there is none.
   */
  nextDay: number | null;
  /** A clock counts once its due time has passed (epoch ms); null for everything else. */
  dueAt: number | null;
  /** Only the measures it adds to; each is 1 but acceptanceMs. */
  measures: Partial<MetricTotals>;
}

function fact(
  r: MetricRequest,
  at: Date,
  who: Attribution | null,
  measures: Partial<MetricTotals>,
  extra: { nextDay?: number | null; dueAt?: number | null } = {},
): MetricFact {
  return {
    day: localDay(at),
    ownerId: who?.ownerId ?? null,
    unitPath: who?.unitPath ?? null,
    selfSubject: who !== null && isConductComplaint(r.category) && r.subjectCadreId === who.ownerId,
    nextDay: extra.nextDay ?? null,
    dueAt: extra.dueAt ?? null,
    measures,
  };
}

/** Resolutions in the order `latest` reads them: by time, then round, then list order. */
function inOrder(resolutions: readonly MetricResolution[]): MetricResolution[] {
  return resolutions
    .map((res, i) => ({ res, i }))
    .sort(
      (a, b) => a.res.at.getTime() - b.res.at.getTime() || a.res.round - b.res.round || a.i - b.i,
    )
    .map(({ res }) => res);
}

/** Everything one request adds to the figures, as DESIGN.md §3 "Metrics" defines them. */
export function metricFacts(r: MetricRequest): MetricFact[] {
  // A matter solved on the spot counts only once the resident has confirmed it.
  if (r.status === 'pending_confirmation') return [];
  const facts: MetricFact[] = [fact(r, r.submittedAt, currentAttribution(r), { received: 1 })];

  const rating = countedRating(r);
  if (rating) {
    const measures: Partial<MetricTotals> = { [`rating${rating.level}`]: 1 };
    if (rating.solved) {
      measures.answered = 1;
      if (rating.solved === 'solved') measures.solved = 1;
    }
    facts.push(fact(r, rating.at, ratedResolution(r, rating) ?? null, measures));
  }

  const resolutions = inOrder(r.resolutions);
  resolutions.forEach((res, i) => {
    const next = resolutions[i + 1];
    const measures: Partial<MetricTotals> = { resolved: 1, [RESOLVED_AT_LEVEL[res.level]]: 1 };
    // An unfounded (excluded) bad review counts nowhere: resolved, and not rated.
    if (r.ratings.some((x) => x.round === res.round && !x.excluded)) measures.resolvedRated = 1;
    facts.push(fact(r, res.at, res, measures, { nextDay: next ? localDay(next.at) : null }));
  });

  for (const clock of r.clocks) {
    if (clock.kind === 'accept' && clock.stop === 'goal' && clock.stoppedAt !== null) {
      facts.push(
        fact(r, clock.stoppedAt, clock, {
          accepted: 1,
          acceptanceMs: clock.stoppedAt.getTime() - clock.startedAt.getTime(),
        }),
      );
    }
    // Judged as it stands once its due time has passed: a clock still running then is missed.
    const standing = clockStanding(clock, new Date(clock.dueAt.getTime() + 1));
    if (standing === 'void') continue;
    const accept = clock.kind === 'accept';
    const measures: Partial<MetricTotals> = { [accept ? 'acceptDue' : 'deadlineDue']: 1 };
    if (standing === 'met') measures[accept ? 'acceptMet' : 'deadlineMet'] = 1;
    facts.push(fact(r, clock.dueAt, clock, measures, { dueAt: clock.dueAt.getTime() }));
  }

  const first = firstRoundRating(r);
  if (first && first.level <= BAD_REVIEW_MAX_LEVEL && r.verification?.founded === true) {
    // Judged against the round-1 resolution, like the bad review itself.
    const measures: Partial<MetricTotals> = { foundedBad: 1 };
    if (r.resolutions.some((res) => res.round === 2)) measures.rectified = 1;
    facts.push(fact(r, first.at, ratedResolution(r, first) ?? null, measures));
  }
  return facts;
}

/** Does a fact count for this period, as the figures stand at `now`? */
export function factInPeriod(f: MetricFact, range: DayRange, now: Date): boolean {
  return (
    f.day >= range.first &&
    f.day <= range.last &&
    (f.nextDay === null || f.nextDay > range.last) &&
    (f.dueAt === null || now.getTime() > f.dueAt)
  );
}

/** Does a fact count in this scope? The same rule as `scopeIncludes`, on the fact's own fields. */
export function factInScope(f: MetricFact, scope: MetricScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit':
      return f.unitPath !== null && isWithinPath(f.unitPath, scope.path);
    case 'cadre':
      return f.ownerId === scope.id && !f.selfSubject;
  }
}

/** Adds a fact's measures into running totals. */
export function addMeasures(into: MetricTotals, measures: Partial<MetricTotals>, sign = 1): void {
  for (const key of METRIC_MEASURES) {
    const value = measures[key];
    if (value) into[key] += sign * value;
  }
}

/** The figures of the facts that count in every one of `scopes` over one period. */
export function summariseFacts(
  facts: readonly MetricFact[],
  range: DayRange,
  now: Date,
  scopes: readonly MetricScope[],
): MetricsSummary {
  const totals = emptyTotals();
  for (const f of facts) {
    if (factInPeriod(f, range, now) && scopes.every((s) => factInScope(f, s))) {
      addMeasures(totals, f.measures);
    }
  }
  return summaryOf(totals);
}
