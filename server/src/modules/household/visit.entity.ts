import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';
import { CadreEntity } from '../cadre/cadre.entity';
import { HouseholdEntity } from './household.entity';

/**
 * A visit (走访日记): a cadre at a household on a date, who they met and what they found. It
 * stays the visiting cadre's when the household moves to a successor (事随人转).
 */
@Entity('visit')
@Index('IDX_visit_household_visited_on', ['householdId', 'visitedOn'])
@Index('IDX_visit_cadre_visited_on', ['cadreId', 'visitedOn'])
export class VisitEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'household_id', type: 'int' })
  @ForeignKey(() => HouseholdEntity, { name: 'FK_visit_household_id' })
  householdId!: number;

  @Column({ name: 'cadre_id', type: 'int' })
  @ForeignKey(() => CadreEntity, { name: 'FK_visit_cadre_id' })
  cadreId!: number;

  /** The local date of the visit, 2026-12-07. */
  @Column({ name: 'visited_on', type: 'varchar', length: 10 })
  visitedOn!: string;

  /** On the cadre's 一线工作日, as their duty text read on the day it was recorded. */
  @Column({ name: 'on_duty_day', type: 'boolean' })
  onDutyDay!: boolean;

  @Column({ type: 'varchar', length: 64 })
  met!: string;

  @Column({ type: 'text' })
  found!: string;

  /** When it was written down (the server's clock), which may be days after `visitedOn`. */
  @Column({ ...DATETIME, name: 'recorded_at' })
  recordedAt!: Date;
}
