import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { RequestEntity } from '../request/request.entity';
import { MetricMeasureColumns } from './metric-measure-columns';

/**
 * Each request's facts as they stand (shared `metricFacts`): what it adds to the rollups now.
 * When the request moves, its facts are recomputed, the difference goes into the rollups and
 * these rows are replaced. They also answer "which requests are behind this number".
 */
@Entity('metric_fact')
@Index('IDX_metric_fact_unit_day', ['unitPath', 'day'])
@Index('IDX_metric_fact_owner_day', ['ownerUserId', 'day'])
export class MetricFactEntity extends MetricMeasureColumns {
  @PrimaryColumn({ name: 'request_id', type: 'int' })
  @ForeignKey(() => RequestEntity, { name: 'FK_metric_fact_request_id' })
  requestId!: number;

  /** The fact's place in the request's list. */
  @PrimaryColumn({ type: 'smallint' })
  seq!: number;

  /** Local day number (days since 1970-01-01 in Asia/Shanghai); a clock's due day. */
  @Column({ type: 'int' })
  day!: number;

  /** The month of `day` (year × 12 + month − 1). */
  @Column({ type: 'int' })
  month!: number;

  /** 0: counts for no one. */
  @Column({ name: 'owner_user_id', type: 'int' })
  ownerUserId!: number;

  /** '': counts in no unit. */
  @Column({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @Column({ name: 'self_subject', type: 'boolean' })
  selfSubject!: boolean;

  /** The day of the request's next resolution (resolution facts); NO_NEXT_DAY otherwise. */
  @Column({ name: 'next_day', type: 'int' })
  nextDay!: number;

  /** A clock's due time in epoch ms; 0 otherwise. */
  @Column({ name: 'due_at', type: 'bigint', transformer: { to: (v: number) => v, from: Number } })
  dueAt!: number;
}
