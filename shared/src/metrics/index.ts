export type {
  Mean,
  MetricClock,
  MetricOptions,
  MetricPeriod,
  MetricRating,
  MetricRatingLevel,
  MetricRequest,
  MetricResolution,
  MetricMeasure,
  MetricRound,
  MetricSolvedAnswer,
  MetricTotals,
  MetricScope,
  MetricsGroup,
  MetricsSummary,
  Rate,
} from './types';
export { METRIC_MEASURES } from './types';
export { computeMetrics, emptyTotals, summarise, summaryOf } from './compute';
export {
  addMeasures,
  factInPeriod,
  factInScope,
  metricFacts,
  summariseFacts,
  type MetricFact,
} from './facts';
export {
  daysOfMonth,
  localDay,
  monthKey,
  monthOfDay,
  monthsBetween,
  rollupPlan,
  toDayRange,
  type DayRange,
} from './dates';
export { groupByCadre, groupByMonth, groupByUnit } from './group';
export {
  BAD_REVIEW_MAX_LEVEL,
  NO_DATA_LABEL,
  SATISFIED_MIN_LEVEL,
  SCORE_PER_LEVEL,
  formatMean,
  formatRate,
  satisfactionRate,
  summariseRatings,
  type RatingFigures,
} from './rates';
export {
  compareFractions,
  RANKING_MIN_RATINGS,
  RANKING_PRIOR_WEIGHT,
  rankUnits,
  type InsufficientEntry,
  type RankedEntry,
  type Ranking,
  type RankingEntry,
  type RankingOptions,
} from './ranking';
export { ANOMALY_RULES, detectAnomalies, type AnomalyHit, type AnomalyRating } from './anomalies';
