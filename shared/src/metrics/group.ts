import { summarise } from './compute';
import { monthsBetween, toDayRange } from './dates';
import type { MetricOptions, MetricRequest, MetricsGroup } from './types';

/**
 * Figures per cadre. `options.scope` still applies on top, so staff of one township see only
 * the part of a cadre's record that was earned inside their township.
 */
export function groupByCadre(
  requests: readonly MetricRequest[],
  cadreIds: readonly string[],
  options: MetricOptions,
): MetricsGroup[] {
  const range = toDayRange(options.period);
  return cadreIds.map((id) => ({
    key: id,
    summary: summarise(requests, range, options.now, [options.scope, { kind: 'cadre', id }]),
  }));
}

/** Figures per unit subtree (a unit includes everything below it), within `options.scope`. */
export function groupByUnit(
  requests: readonly MetricRequest[],
  unitPaths: readonly string[],
  options: MetricOptions,
): MetricsGroup[] {
  const range = toDayRange(options.period);
  return unitPaths.map((path) => ({
    key: path,
    summary: summarise(requests, range, options.now, [options.scope, { kind: 'unit', path }]),
  }));
}

/** Figures per calendar month, `fromMonth` … `toMonth` ('YYYY-MM', both included). */
export function groupByMonth(
  requests: readonly MetricRequest[],
  fromMonth: string,
  toMonth: string,
  options: Omit<MetricOptions, 'period'>,
): MetricsGroup[] {
  return monthsBetween(fromMonth, toMonth).map(({ key, period }) => ({
    key,
    summary: summarise(requests, toDayRange(period), options.now, [options.scope]),
  }));
}
