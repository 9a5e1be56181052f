import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last request number handed out on each local day (MQ-20261121-0042 → day 20261121, 42).
 * `varchar(8)`: TypeORM has no `char` type common to MySQL and SQLite.
 */
@Entity('day_sequence')
export class DaySequenceEntity {
  /** Local date (Asia/Shanghai) as YYYYMMDD. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day!: string;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}
