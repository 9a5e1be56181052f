import type { DataSource } from 'typeorm';
import { CadreEntity } from '../modules/cadre/cadre.entity';
import { CadreRepository } from '../modules/cadre/cadre.repository';
import { MetricRepository } from '../modules/metrics/metric.repository';
import { RatingEntity } from '../modules/rating/rating.entity';
import { RatingRepository } from '../modules/rating/rating.repository';
import { ClockRepository } from '../modules/request/clock.repository';
import { MetricLedger } from '../modules/request/metric-ledger';
import { MetricRows } from '../modules/request/metric-rows';
import { RequestRepository } from '../modules/request/request.repository';
import { TimelineRepository } from '../modules/request/timeline.repository';

/** The ledger without the rest of the application (no schedulers, no HTTP). */
export function metricLedgerFor(db: DataSource): MetricLedger {
  return new MetricLedger(
    db,
    metricRowsFor(db),
    new MetricRepository(db),
    new RequestRepository(db),
  );
}

/** The raw rows in the shape of the shared reference functions. */
export function metricRowsFor(db: DataSource): MetricRows {
  return new MetricRows(
    new RequestRepository(db),
    new TimelineRepository(db),
    new ClockRepository(db),
    new RatingRepository(db.getRepository(RatingEntity)),
    new CadreRepository(db.getRepository(CadreEntity)),
  );
}
