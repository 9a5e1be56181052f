import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Requests received per local day, unit (the current owner's) and category: the category mix of
 * the figures pages. Kept with the other rollups, from the same facts.
 */
@Entity('metric_category_daily')
export class MetricCategoryDailyEntity {
  @PrimaryColumn({ type: 'int' })
  day!: number;

  @PrimaryColumn({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  category!: string;

  /** The month of `day` (year × 12 + month − 1). */
  @Column({ type: 'int' })
  month!: number;

  @Column({ type: 'int', default: 0 })
  received!: number;
}

/** The same per month; read only for whole months that are over. */
@Entity('metric_category_monthly')
export class MetricCategoryMonthlyEntity {
  @PrimaryColumn({ type: 'int' })
  month!: number;

  @PrimaryColumn({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  category!: string;

  @Column({ type: 'int', default: 0 })
  received!: number;
}
