import type { Mean, MetricRatingLevel, Rate } from './types';

export const NO_DATA_LABEL = '暂无数据';

/** Levels at or above this count as satisfied (3 基本满意); at or below BAD as a 差评. */
export const SATISFIED_MIN_LEVEL = 3;
export const BAD_REVIEW_MAX_LEVEL = 2;
/** 平均分 maps level 1–5 onto a 100-point scale. */
export const SCORE_PER_LEVEL = 20;

export function toRate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export function toMean(total: number, count: number): Mean {
  return { count, total, value: count === 0 ? null : total / count };
}

/** How many counted ratings there are of each level. */
export type LevelCounts = Record<MetricRatingLevel, number>;

export function emptyLevelCounts(): LevelCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

export interface RatingFigures {
  satisfaction: Rate;
  verySatisfied: Rate;
  badReviewRate: Rate;
  averageScore: Mean;
}

export function ratingFigures(counts: LevelCounts): RatingFigures {
  const { 1: one, 2: two, 3: three, 4: four, 5: five } = counts;
  const all = one + two + three + four + five;
  const points = SCORE_PER_LEVEL * (one + 2 * two + 3 * three + 4 * four + 5 * five);
  return {
    satisfaction: toRate(three + four + five, all),
    verySatisfied: toRate(five, all),
    badReviewRate: toRate(one + two, all),
    averageScore: toMean(points, all),
  };
}

/** The rating figures of a plain list of levels (the list is the base: no period or exclusion). */
export function summariseRatings(levels: readonly MetricRatingLevel[]): RatingFigures {
  const counts = emptyLevelCounts();
  for (const level of levels) counts[level] += 1;
  return ratingFigures(counts);
}

/** 满意率 of a plain list of levels. */
export function satisfactionRate(levels: readonly MetricRatingLevel[]): Rate {
  return summariseRatings(levels).satisfaction;
}

/**
 * A share as a percentage with one decimal, or 暂无数据 for an empty base.
 * Rounding is half-up on the exact fraction, in integers, so 193/200 shows 96.5% and not the
 * 96.4% that binary floating point would give. A share that is not exactly 0 or 100% never
 * shows as 0.0% or 100.0%: one bad review among 2,000 must not read as "everyone satisfied".
 */
export function formatRate(rate: Rate): string {
  const { numerator, denominator } = rate;
  if (denominator === 0) return NO_DATA_LABEL;
  let tenths = Math.floor((numerator * 2000 + denominator) / (2 * denominator));
  if (tenths === 1000 && numerator < denominator) tenths = 999;
  if (tenths === 0 && numerator > 0) tenths = 1;
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** A mean with a fixed number of decimals (hours, score), or 暂无数据 for an empty base. */
export function formatMean(mean: Mean, decimals = 1): string {
  return mean.value === null ? NO_DATA_LABEL : mean.value.toFixed(decimals);
}
