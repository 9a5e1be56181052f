import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MetricMeasureColumns } from './metric-measure-columns';

/**
 * The figures' daily rollup: metric_fact summed per local day, owner and unit (and the day of a
 * fact's next resolution, which decides whether a resolution is the latest in a period). A clock
 * is filed under the day it falls due; the few not yet due (today's and later) are taken back out
 * from metric_fact at read time, so the table grows with days and owners, not with requests.
 */
@Entity('metric_daily')
export class MetricDailyEntity extends MetricMeasureColumns {
  @PrimaryColumn({ type: 'int' })
  day!: number;

  @PrimaryColumn({ name: 'owner_user_id', type: 'int' })
  ownerUserId!: number;

  @PrimaryColumn({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @PrimaryColumn({ name: 'self_subject', type: 'boolean' })
  selfSubject!: boolean;

  @PrimaryColumn({ name: 'next_day', type: 'int' })
  nextDay!: number;

  /** The month of `day` (year × 12 + month − 1), for monthly series. */
  @Column({ type: 'int' })
  month!: number;
}
