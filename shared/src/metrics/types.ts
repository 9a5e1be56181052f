import type { HandlingLevel } from '../org/levels';
import type { ClockKind, ClockStop } from '../lifecycle/clocks';
import type { RequestStatus } from '../lifecycle/status';
import type { CategoryCode } from '../vocabulary/categories';

/** 5 非常满意 … 1 非常不满意. Kept local so metrics do not depend on the rating module. */
export type MetricRatingLevel = 1 | 2 | 3 | 4 | 5;

/** Round 1 is the first resolution; round 2 the resolution after rectification (整改). */
export type MetricRound = 1 | 2;

/** The answer to 问题解决了吗: 已解决 / 部分解决 / 未解决; null when the resident left it out. */
export type MetricSolvedAnswer = 'solved' | 'partly' | 'unsolved';

export interface MetricRating {
  at: Date;
  round: MetricRound;
  level: MetricRatingLevel;
  /** 问题解决了吗; absent or null: not answered (the base of 解决率 leaves it out). */
  solved?: MetricSolvedAnswer | null;
  /** A bad review that verification found unfounded: kept on record, left out of every figure. */
  excluded: boolean;
}

export interface MetricResolution {
  at: Date;
  round: MetricRound;
  level: HandlingLevel;
  /** Who resolved it and their unit at that moment: ratings stay with them when they move. */
  ownerId: string;
  unitPath: string;
}

/**
 * One deadline clock, kept as its own record (never overwritten): it belongs to the owner it ran
 * for, in that owner's unit at the time, whoever holds the request now.
 */
export interface MetricClock {
  kind: ClockKind;
  ownerId: string;
  unitPath: string;
  startedAt: Date;
  dueAt: Date;
  /** null while it runs */
  stoppedAt: Date | null;
  stop: ClockStop | null;
}

export interface MetricRequest {
  id: string;
  category: CategoryCode;
  status: RequestStatus;
  /** For conduct complaints: the cadre it is about, who must never be scored on it. */
  subjectCadreId: string | null;
  submittedAt: Date;
  /** Current owner and unit: open work follows the owner (事随人转). */
  ownerId: string;
  unitPath: string;
  /** Every accept, resolve and rectify clock the request has had. */
  clocks: readonly MetricClock[];
  resolutions: readonly MetricResolution[];
  ratings: readonly MetricRating[];
  /** Verification of the round-1 bad review, if there was one and it was verified. */
  verification: { at: Date; founded: boolean } | null;
}

export type MetricScope =
  | { kind: 'all' }
  | { kind: 'cadre'; id: string }
  /** A subtree: every unit whose materialised path starts with this one. */
  | { kind: 'unit'; path: string };

/** Local dates (Asia/Shanghai), both ends included. */
export interface MetricPeriod {
  from: string;
  to: string;
}

export interface MetricOptions {
  period: MetricPeriod;
  scope: MetricScope;
  /** Passed in so a figure never depends on when it happens to be computed. */
  now: Date;
}

/** A share whose base may be empty: `value` is null then, which the UI shows as 暂无数据, never 0%. */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** `total` is kept so that means over several groups can be combined exactly. */
export interface Mean {
  count: number;
  total: number;
  value: number | null;
}

export interface MetricsSummary {
  /** Requests submitted in the period. */
  received: number;
  /** Requests resolved in the period: the base of 参评率 and 解决层级. */
  resolved: number;
  /** Ratings counted in the period: the base of 满意率. */
  ratings: number;
  /** Counted ratings of level 1–2: the numerator of 差评率. */
  badReviews: number;
  /** 满意率 */
  satisfaction: Rate;
  /** 解决率: ratings answering 已解决 ÷ ratings with an answer, same base as 满意率 */
  solvedRate: Rate;
  /** 非常满意率 */
  verySatisfied: Rate;
  /** 差评率 */
  badReviewRate: Rate;
  /** 平均分, 0–100 */
  averageScore: Mean;
  /** 参评率 */
  participation: Rate;
  /** 按时办结率 */
  onTime: Rate;
  /** 响应率: accept clocks met ÷ accept clocks due in the period and past */
  responsiveness: Rate;
  /** 平均签收时长, in hours: from reaching the owner who accepted to their acceptance */
  acceptanceHours: Mean;
  /** 差评整改率 */
  rectification: Rate;
  /** 解决层级: each level's share of the requests resolved in the period. */
  resolutionLevels: Record<HandlingLevel, Rate>;
}

export interface MetricsGroup {
  key: string;
  summary: MetricsSummary;
}

/**
 * What a set of requests adds up to before any division: every figure of MetricsSummary is made
 * from these sums, so sums over disjoint parts (days, cadres, rollup rows) add up exactly.
 */
export interface MetricTotals {
  /** submitted in the period, for the current owner */
  received: number;
  /** resolved in the period (each request's latest resolution in it), for who resolved it */
  resolved: number;
  /** … of which the round resolved has a counted rating (参评率) */
  resolvedRated: number;
  resolvedVillage: number;
  resolvedTownship: number;
  resolvedCounty: number;
  /** counted ratings in the period by level (满意率 and its siblings) */
  rating1: number;
  rating2: number;
  rating3: number;
  rating4: number;
  rating5: number;
  /** … of which answered 问题解决了吗, and answered 已解决 (解决率) */
  answered: number;
  solved: number;
  /** acceptances in the period and the milliseconds each waited (平均签收时长) */
  accepted: number;
  acceptanceMs: number;
  /** founded bad reviews rated in the period, and those rectified (差评整改率) */
  foundedBad: number;
  rectified: number;
  /** accept clocks due in the period and past, and those met (响应率) */
  acceptDue: number;
  acceptMet: number;
  /** resolve and rectify clocks due in the period and past, and those met (按时办结率) */
  deadlineDue: number;
  deadlineMet: number;
}

export const METRIC_MEASURES = [
  'received',
  'resolved',
  'resolvedRated',
  'resolvedVillage',
  'resolvedTownship',
  'resolvedCounty',
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
  'answered',
  'solved',
  'accepted',
  'acceptanceMs',
  'foundedBad',
  'rectified',
  'acceptDue',
  'acceptMet',
  'deadlineDue',
  'deadlineMet',
] as const satisfies readonly (keyof MetricTotals)[];
export type MetricMeasure = (typeof METRIC_MEASURES)[number];
