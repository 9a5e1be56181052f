import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MetricMeasureColumns } from './metric-measure-columns';

/**
 * The figures' daily rollup: metric_fact summed per local day, owner and unit (and the two
 * conditions a period puts on a fact: its next resolution's day, a clock's due time).
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

  @PrimaryColumn({ name: 'due_at', type: 'bigint' })
  dueAt!: string;

  /** The month of `day` (year × 12 + month − 1), for monthly series. */
  @Column({ type: 'int' })
  month!: number;
}
