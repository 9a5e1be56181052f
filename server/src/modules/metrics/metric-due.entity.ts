import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The clocks by the instant they fall due: metric_fact's four clock measures summed per due time,
 * unit, owner (and next-resolution day, like the other rollups). A figures read takes today's
 * clocks not yet due back out of the daily rollup from here. Every clock falls due at 18:00 of a
 * working day, so a day's clocks share one instant and its rows grow with owners, not requests
 * (at 2,000,000 requests a Monday's ~9,500 deadline facts are ~800 rows here).
 */
@Entity('metric_due')
export class MetricDueEntity {
  @PrimaryColumn({
    name: 'due_at',
    type: 'bigint',
    transformer: { to: (v: number) => v, from: Number },
  })
  dueAt!: number;

  @PrimaryColumn({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @PrimaryColumn({ name: 'owner_user_id', type: 'int' })
  ownerUserId!: number;

  @PrimaryColumn({ name: 'self_subject', type: 'boolean' })
  selfSubject!: boolean;

  @PrimaryColumn({ name: 'next_day', type: 'int' })
  nextDay!: number;

  @Column({ name: 'accept_due', type: 'int', default: 0 })
  acceptDue!: number;

  @Column({ name: 'accept_met', type: 'int', default: 0 })
  acceptMet!: number;

  @Column({ name: 'deadline_due', type: 'int', default: 0 })
  deadlineDue!: number;

  @Column({ name: 'deadline_met', type: 'int', default: 0 })
  deadlineMet!: number;
}
