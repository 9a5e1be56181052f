import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeMetrics,
  localDay,
  metricFacts,
  type MetricPeriod,
  type MetricsSummary,
  rollupPlan,
  summaryOf,
  emptyTotals,
  addMeasures,
  toDayRange,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { MetricRepository, storedFact } from '../metrics/metric.repository';
import { metricRequestOf, MetricRows } from './metric-rows';
import type { RequestRecord } from './request-record';
import { METRIC_EVENTS } from './timeline.repository';
import { RequestRepository } from './request.repository';

const BATCH = 500;

export interface Reconciliation {
  /** requests whose stored facts are not what their rows say now */
  staleRequests: number[];
  /** rollup cells that do not add up to their facts, and categories whose counts differ */
  rollupProblems: string[];
  /** the scope's figures for the period, from the raw rows and from the rollups */
  reference: MetricsSummary;
  fromRollups: MetricsSummary;
}

/**
 * Keeps the figures' rollups true: after a request changes, inside the same transaction, its
 * facts are recomputed with the shared definitions and the difference is added to the rollups.
 * `reconcile` checks a scope against the raw rows; `rebuild` recomputes everything.
 */
@Injectable()
export class MetricLedger {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: MetricRows,
    private readonly metrics: MetricRepository,
    private readonly requests: RequestRepository,
  ) {}

  /**
   * A request made in this transaction, from the rows it wrote: it has no facts yet, and no
   * rating, resolution or verification (a submission's round trips are its cost, issue 11).
   */
  async recordNew(m: EntityManager, r: RequestRecord, subjectUserId: number | null): Promise<void> {
    const events = r.events.filter((e) => METRIC_EVENTS.includes(e.action));
    const request = metricRequestOf(r.request, r.ratings, events, r.clocks, subjectUserId);
    await this.metrics.replace(
      m,
      r.request.id,
      request.category,
      [],
      metricFacts(request).map(storedFact),
    );
  }

  async refresh(m: EntityManager, requestIds: readonly number[]): Promise<void> {
    const ids = [...new Set(requestIds)].sort((a, b) => a - b);
    if (ids.length === 0) return;
    const requests = await this.rows.byIds(m, ids);
    const before = await this.metrics.factsOf(m, ids);
    for (const request of requests) {
      const id = Number(request.id);
      await this.metrics.replace(
        m,
        id,
        request.category,
        before.filter((f) => f.requestId === id),
        metricFacts(request).map(storedFact),
      );
    }
  }

  /**
   * Recomputes every request's facts from the raw rows, in batches, then fills both rollups from
   * the facts in one pass. For a database that had requests before the rollups existed, or after
   * a repair; run it while the server is stopped (moves made meanwhile could be counted twice or
   * not at all).
   */
  async rebuild(onBatch?: (done: number) => void): Promise<number> {
    await this.metrics.clear();
    let done = 0;
    for (let last = 0; ; ) {
      const ids = await this.requests.idsAfter(last, BATCH);
      if (ids.length === 0) break;
      await this.db.transaction(async (m) => {
        const requests = await this.rows.byIds(m, ids);
        await this.metrics.insertFacts(
          m,
          requests.map((r) => ({
            requestId: Number(r.id),
            category: r.category,
            facts: metricFacts(r).map(storedFact),
          })),
        );
      });
      done += ids.length;
      last = ids.at(-1)!;
      onBatch?.(done);
    }
    await this.metrics.fillRollups();
    return done;
  }

  /** Checks a subtree: stored facts against the raw rows, rollups against the facts, figures against the reference. */
  async reconcile(unitPath: string, period: MetricPeriod, now: Date): Promise<Reconciliation> {
    const requests = await this.rows.under(unitPath);
    const staleRequests: number[] = [];
    const stored = await this.metrics.factsOf(
      this.db.manager,
      requests.map((r) => Number(r.id)),
    );
    for (const r of requests) {
      const id = Number(r.id);
      const fresh = metricFacts(r).map(storedFact);
      if (
        !this.metrics.sameAsStored(
          stored.filter((f) => f.requestId === id),
          fresh,
        )
      ) {
        staleRequests.push(id);
      }
    }
    const range = toDayRange(period);
    const plan = rollupPlan(range, localDay(now));
    const cells = await this.metrics.sums({
      ...plan,
      nowMs: now.getTime(),
      unitPath,
      countedAfter: range.last,
      // One total: the reconcile compares the scope's figures.
      by: [],
    });
    const totals = emptyTotals();
    for (const c of cells) addMeasures(totals, c.totals);
    const categories = await this.metrics.categorySums({ ...plan, unitPath });
    const categoryProblems: string[] = [];
    for (const category of new Set([...categories.keys(), ...requests.map((r) => r.category)])) {
      const expected = computeMetrics(
        requests.filter((r) => r.category === category),
        { period, scope: { kind: 'unit', path: unitPath }, now },
      ).received;
      const stored = categories.get(category) ?? 0;
      if (stored !== expected)
        categoryProblems.push(`category ${category}: ${stored} ≠ ${expected}`);
    }
    return {
      staleRequests,
      rollupProblems: [...(await this.metrics.rollupDifferences(unitPath)), ...categoryProblems],
      reference: computeMetrics(requests, { period, scope: { kind: 'unit', path: unitPath }, now }),
      fromRollups: summaryOf(totals),
    };
  }
}
