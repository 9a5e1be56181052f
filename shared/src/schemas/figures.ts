import * as v from 'valibot';
import { isLocalDate } from '../calendar/local-date';
import type { MetricMeasure } from '../metrics/types';
import { pageFields } from './queries';

/**
 * The figures pages (DESIGN.md §3 "Metrics"): which rows a unit's page lists, the figures a
 * number can open, and the queries.
 */

/** What the rows of a unit's figures are: its cadres, or its units of one kind below it. */
export const FIGURE_LEVELS = ['cadre', 'grid', 'village', 'township'] as const;
export type FigureLevel = (typeof FIGURE_LEVELS)[number];
export const FIGURE_LEVEL_LABELS: Record<FigureLevel, string> = {
  cadre: '干部',
  grid: '网格',
  village: '村（社区）',
  township: '乡镇（街道）',
};

/** Every figure of a MetricsSummary that a page shows, by the name it has there. */
export const FIGURE_NAMES = [
  'received',
  'resolved',
  'ratings',
  'satisfaction',
  'verySatisfied',
  'badReviewRate',
  'averageScore',
  'solvedRate',
  'participation',
  'onTime',
  'responsiveness',
  'acceptanceHours',
  'rectification',
  'levelVillage',
  'levelTownship',
  'levelCounty',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export const FIGURE_LABELS: Record<FigureName, string> = {
  received: '受理诉求',
  resolved: '办结诉求',
  ratings: '评价数',
  satisfaction: '满意率',
  verySatisfied: '非常满意率',
  badReviewRate: '差评率',
  averageScore: '平均分',
  solvedRate: '解决率',
  participation: '参评率',
  onTime: '按时办结率',
  responsiveness: '响应率',
  acceptanceHours: '平均签收时长',
  rectification: '差评整改率',
  levelVillage: '村级办结',
  levelTownship: '乡镇级办结',
  levelCounty: '县级办结',
};

const RATINGS: MetricMeasure[] = ['rating1', 'rating2', 'rating3', 'rating4', 'rating5'];

/**
 * The facts behind each figure: its numerator and its denominator (a count has only one part; a
 * mean's part is what it averages over). Every fact adds exactly 1 to one of a part's measures,
 * so the list of facts behind a part is as long as the number it opens.
 */
export const FIGURE_PARTS: Record<
  FigureName,
  { numerator: readonly MetricMeasure[]; denominator: readonly MetricMeasure[] | null }
> = {
  received: { numerator: ['received'], denominator: null },
  resolved: { numerator: ['resolved'], denominator: null },
  ratings: { numerator: RATINGS, denominator: null },
  satisfaction: { numerator: ['rating3', 'rating4', 'rating5'], denominator: RATINGS },
  verySatisfied: { numerator: ['rating5'], denominator: RATINGS },
  badReviewRate: { numerator: ['rating1', 'rating2'], denominator: RATINGS },
  averageScore: { numerator: RATINGS, denominator: null },
  solvedRate: { numerator: ['solved'], denominator: ['answered'] },
  participation: { numerator: ['resolvedRated'], denominator: ['resolved'] },
  onTime: { numerator: ['deadlineMet'], denominator: ['deadlineDue'] },
  responsiveness: { numerator: ['acceptMet'], denominator: ['acceptDue'] },
  acceptanceHours: { numerator: ['accepted'], denominator: null },
  rectification: { numerator: ['rectified'], denominator: ['foundedBad'] },
  levelVillage: { numerator: ['resolvedVillage'], denominator: ['resolved'] },
  levelTownship: { numerator: ['resolvedTownship'], denominator: ['resolved'] },
  levelCounty: { numerator: ['resolvedCounty'], denominator: ['resolved'] },
};

/** Figures that rest on ratings: a cadre sees them only over ≥ 5 ratings, and never their rows. */
export const RATING_FIGURES: readonly FigureName[] = [
  'ratings',
  'satisfaction',
  'verySatisfied',
  'badReviewRate',
  'averageScore',
  'solvedRate',
  'participation',
  'rectification',
];

const localDateParam = v.optional(
  v.pipe(
    v.string(),
    v.check((s: string) => isLocalDate(s), '日期格式应为 2026-11-01'),
  ),
);
const idParam = (message: string) =>
  v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, message), v.transform(Number)));
const monthParam = v.optional(
  v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11')),
);

/** A unit's figures: the period (default: this month so far), what the rows are, which page. */
export const unitFiguresQuerySchema = v.object({
  ...pageFields,
  unitId: idParam('单位编号不对'),
  from: localDateParam,
  to: localDateParam,
  level: v.optional(v.picklist(FIGURE_LEVELS, '层级不对'), 'cadre'),
});

/** Month by month (default: the last 12 months), for a unit or one cadre in it. */
export const figureSeriesQuerySchema = v.object({
  unitId: idParam('单位编号不对'),
  cadreId: idParam('干部编号不对'),
  fromMonth: monthParam,
  toMonth: monthParam,
});

/** The requests behind one part of one figure. */
export const figureRequestsQuerySchema = v.object({
  unitId: idParam('单位编号不对'),
  cadreId: idParam('干部编号不对'),
  /** a row of work done by township staff themselves (`staff:<userId>`) */
  staffUserId: idParam('账号编号不对'),
  from: localDateParam,
  to: localDateParam,
  figure: v.picklist(FIGURE_NAMES, '指标不对'),
  part: v.optional(
    v.picklist(['numerator', 'denominator'] as const, '只能是分子或分母'),
    'numerator',
  ),
  ...pageFields,
});

/** 月报: a township's or the county's figures for one past month. */
export const monthlyReportQuerySchema = v.object({
  unitId: idParam('单位编号不对'),
  month: v.pipe(v.string('请选择月份'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11')),
});

/** Anomaly flags over a period (default: the last 30 days). */
export const anomalyQuerySchema = v.object({
  unitId: idParam('单位编号不对'),
  from: localDateParam,
  to: localDateParam,
});

/**
 * What the county is warned about (never changing a figure by itself): patterns that may mean
 * ratings were arranged rather than given.
 */
export const ANOMALY_KINDS = ['burst', 'many_cadres', 'instant', 'proxy_high'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
export const ANOMALY_LABELS: Record<AnomalyKind, string> = {
  burst: '短时间内集中收到评价',
  many_cadres: '同一账号评价多名干部的诉求',
  instant: '办结后几秒内就评价，反复出现',
  proxy_high: '干部代填的诉求得到高分评价',
};

/** A cadre's own figures. */
export const myFiguresQuerySchema = v.object({ from: localDateParam, to: localDateParam });

export type UnitFiguresQuery = v.InferOutput<typeof unitFiguresQuerySchema>;
export type FigureSeriesQuery = v.InferOutput<typeof figureSeriesQuerySchema>;
export type FigureRequestsQuery = v.InferOutput<typeof figureRequestsQuerySchema>;
export type MyFiguresQuery = v.InferOutput<typeof myFiguresQuerySchema>;
export type MonthlyReportQuery = v.InferOutput<typeof monthlyReportQuerySchema>;
export type AnomalyQuery = v.InferOutput<typeof anomalyQuerySchema>;
