import { Entity, PrimaryColumn } from 'typeorm';
import { MetricMeasureColumns } from './metric-measure-columns';

/**
 * The figures' monthly rollup: the same sums as metric_daily per month, without the due time.
 * Read only for whole months that are over, when every clock due in them has fallen due.
 */
@Entity('metric_monthly')
export class MetricMonthlyEntity extends MetricMeasureColumns {
  /** year × 12 + month − 1 */
  @PrimaryColumn({ type: 'int' })
  month!: number;

  @PrimaryColumn({ name: 'owner_user_id', type: 'int' })
  ownerUserId!: number;

  @PrimaryColumn({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @PrimaryColumn({ name: 'self_subject', type: 'boolean' })
  selfSubject!: boolean;

  @PrimaryColumn({ name: 'next_day', type: 'int' })
  nextDay!: number;
}
