/**
 * The figures pages' answers: every figure of DESIGN.md §3 with its numerator and denominator,
 * per row of a unit's page, with the ranking, month by month, and the requests behind a number.
 */
import * as v from 'valibot';
import { ORG_UNIT_KINDS } from '../org/levels';
import { REQUEST_STATUSES } from '../lifecycle/status';
import { ANOMALY_KINDS, FIGURE_LEVELS } from '../schemas/figures';
import { CATEGORY_CODES } from '../vocabulary/categories';
import { pageSchema } from './schemas';

const instant = v.pipe(v.string(), v.isoTimestamp());
const localDate = v.pipe(v.string(), v.isoDate());
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const rate = v.object({ numerator: count, denominator: count, value: v.nullable(v.number()) });
const mean = v.object({ count, total: v.number(), value: v.nullable(v.number()) });

/** A MetricsSummary as sent. */
export const figureSetSchema = v.object({
  received: count,
  resolved: count,
  ratings: count,
  badReviews: count,
  satisfaction: rate,
  verySatisfied: rate,
  badReviewRate: rate,
  averageScore: mean,
  solvedRate: rate,
  participation: rate,
  onTime: rate,
  responsiveness: rate,
  acceptanceHours: mean,
  rectification: rate,
  resolutionLevels: v.object({ village: rate, township: rate, county: rate }),
});
export type FigureSet = v.InferOutput<typeof figureSetSchema>;

const period = v.object({ from: localDate, to: localDate });

/** Who a row or a ranking entry is about. */
const figureRef = {
  /** `cadre:<cadreId>`, `staff:<userId>` (requests handled by township staff) or `unit:<unitId>` */
  key: v.string(),
  kind: v.picklist(['cadre', 'staff', 'unit'] as const),
  /** the cadre's or the unit's id (the account's for staff) */
  id,
  name: v.string(),
};
export type FigureRef = v.InferOutput<v.ObjectSchema<typeof figureRef, undefined>>;

export const figureRowSchema = v.object({
  ...figureRef,
  /** the cadre's post and unit, or the unit's parent */
  note: v.string(),
  figures: figureSetSchema,
});
export type FigureRow = v.InferOutput<typeof figureRowSchema>;

export const figureRankingSchema = v.object({
  /** p₀: the whole scope's 满意率, requests handled by staff included */
  baseline: rate,
  m: count,
  /** every ranked row of the scope, on whichever page of rows it is */
  ranked: v.array(
    v.object({
      ...figureRef,
      rank: count,
      score: v.number(),
      satisfaction: v.number(),
      satisfied: count,
      rated: count,
    }),
  ),
  /** 样本不足: fewer than 5 ratings, listed apart, by key */
  insufficient: v.array(v.object({ ...figureRef, rated: count })),
});
export type FigureRanking = v.InferOutput<typeof figureRankingSchema>;

export const unitFiguresSchema = v.object({
  period,
  scope: v.object({ unitId: id, name: v.string(), kind: v.picklist(ORG_UNIT_KINDS) }),
  level: v.picklist(FIGURE_LEVELS),
  total: figureSetSchema,
  /** one page of the rows (a county's cadres run into the hundreds), in the unit tree's order */
  rows: pageSchema(figureRowSchema),
  ranking: figureRankingSchema,
  /** requests received in the period by category (the current owner's unit), most first */
  categories: v.array(v.object({ category: v.picklist(CATEGORY_CODES), received: count })),
});
export type UnitFigures = v.InferOutput<typeof unitFiguresSchema>;

export const figureSeriesSchema = v.object({
  scope: v.object({ unitId: id, name: v.string(), cadreId: v.nullable(id) }),
  months: v.array(v.object({ month: v.string(), period, figures: figureSetSchema })),
});
export type FigureSeries = v.InferOutput<typeof figureSeriesSchema>;

export const figureRequestSchema = v.object({
  requestId: id,
  number: v.string(),
  submittedAt: instant,
  category: v.picklist(CATEGORY_CODES),
  status: v.picklist(REQUEST_STATUSES),
  /** who the fact counts for (the owner then, not necessarily now) */
  ownerName: v.string(),
  /** the local date the fact counts on (for a clock: its due date) */
  date: localDate,
  /** for clocks: met or missed */
  clock: v.nullable(v.picklist(['met', 'missed'] as const)),
  /** the rating's level, for staff only; always null for a cadre */
  ratingLevel: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
});
export type FigureRequest = v.InferOutput<typeof figureRequestSchema>;

export const myFiguresSchema = v.object({
  period,
  name: v.string(),
  /** rating figures over fewer than 5 ratings are left out (null): they could single a resident out */
  figures: figureSetSchema,
  ratingsShown: v.boolean(),
  /** the last 12 months, with the same rule per month */
  months: v.array(
    v.object({ month: v.string(), period, figures: figureSetSchema, ratingsShown: v.boolean() }),
  ),
});
export type MyFigures = v.InferOutput<typeof myFiguresSchema>;

export const anomalySchema = v.object({
  kind: v.picklist(ANOMALY_KINDS),
  /** one line in Chinese: what was seen, with its numbers */
  summary: v.string(),
  /** the cadre the ratings count for, when the pattern is about one */
  cadre: v.nullable(v.object({ id, name: v.string() })),
  /** the rating account, masked, when the pattern is about one */
  rater: v.nullable(v.string()),
  requests: v.array(
    v.object({
      requestId: id,
      number: v.string(),
      ownerName: v.string(),
      resolvedAt: v.nullable(instant),
      ratedAt: instant,
      level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
    }),
  ),
});
export type Anomaly = v.InferOutput<typeof anomalySchema>;

export const anomalyListSchema = v.object({
  period,
  scope: v.object({ unitId: id, name: v.string() }),
  anomalies: v.array(anomalySchema),
});
export type AnomalyList = v.InferOutput<typeof anomalyListSchema>;
