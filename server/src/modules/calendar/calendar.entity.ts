import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME, code, jsonText } from '../../database/columns';
import { OrgUnitEntity } from '../org/org-unit.entity';

/** A county's holiday schedule for one year (放假和调休安排), as its staff entered it. */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ name: 'county_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_calendar_year_county_id' })
  countyId!: number;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'text', transformer: jsonText<string[]>() })
  holidays!: string[];

  @Column({ name: 'makeup_workdays', type: 'text', transformer: jsonText<string[]>() })
  makeupWorkdays!: string[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  @UpdateDateColumn({ ...DATETIME, name: 'updated_at' })
  updatedAt!: Date;
}

/** A county's own change to one day (a local festival, a day off after a flood…). */
@Entity('calendar_change')
export class CalendarChangeEntity {
  @PrimaryColumn({ name: 'county_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_calendar_change_county_id' })
  countyId!: number;

  /** local date, YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column(code())
  kind!: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 50, nullable: true })
  note!: string | null;

  @UpdateDateColumn({ ...DATETIME, name: 'updated_at' })
  updatedAt!: Date;
}

/** A county's deadline policy in working days (DESIGN §3's defaults until changed). */
@Entity('deadline_policy')
export class DeadlinePolicyEntity {
  @PrimaryColumn({ name: 'county_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_deadline_policy_county_id' })
  countyId!: number;

  @Column({ name: 'accept_days', type: 'int' })
  acceptDays!: number;

  @Column({ name: 'village_days', type: 'int' })
  villageDays!: number;

  @Column({ name: 'township_days', type: 'int' })
  townshipDays!: number;

  @Column({ name: 'county_days', type: 'int' })
  countyDays!: number;

  @Column({ name: 'rectify_days', type: 'int' })
  rectifyDays!: number;

  @UpdateDateColumn({ ...DATETIME, name: 'updated_at' })
  updatedAt!: Date;
}
