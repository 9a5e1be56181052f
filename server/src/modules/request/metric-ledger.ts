import { Injectable } from '@nestjs/common';
import { metricFacts } from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { MetricRepository, storedFact } from '../metrics/metric.repository';
import { MetricRows } from './metric-rows';

/**
 * Keeps the figures' rollups true: after a request changes, inside the same transaction, its
 * facts are recomputed with the shared definitions and the difference is added to the rollups.
 */
@Injectable()
export class MetricLedger {
  constructor(
    private readonly rows: MetricRows,
    private readonly metrics: MetricRepository,
  ) {}

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
        before.filter((f) => f.requestId === id),
        metricFacts(request).map(storedFact),
      );
    }
  }
}
