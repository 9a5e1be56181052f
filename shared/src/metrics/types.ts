import type { HandlingLevel } from '../org/levels';
import type { ClockKind, ClockStop } from '../lifecycle/clocks';
import type { RequestStatus } from '../lifecycle/status';
import type { CategoryCode } from '../vocabulary/categories';

/** 5 非常满意 … 1 非常不满意. Kept local so metrics do not depend on the rating module. */
export type MetricRatingLevel = 1 | 2 | 3 | 4 | 5;

/** Round 1 is the first resolution; round 2 the resolution after rectification (整改). */
export type MetricRound = 1 | 2;

export interface MetricRating {
  at: Date;
  round: MetricRound;
  level: MetricRatingLevel;
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
