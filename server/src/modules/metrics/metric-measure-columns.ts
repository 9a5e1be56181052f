import type { MetricMeasure, MetricTotals } from '@mqlk/shared';
import { Column, type ValueTransformer } from 'typeorm';

/** mysql2 reads BIGINT as text; sums of milliseconds stay far below 2^53. */
const BIG_NUMBER: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? 0 : Number(value)),
};

/**
 * The measures of MetricTotals as columns, shared by the facts and both rollups: each figure is a
 * ratio of sums of these, so rows can be added up over any days, owners and units.
 */
export abstract class MetricMeasureColumns implements MetricTotals {
  @Column({ name: 'received', type: 'int', default: 0 })
  received!: number;

  @Column({ name: 'resolved', type: 'int', default: 0 })
  resolved!: number;

  @Column({ name: 'resolved_rated', type: 'int', default: 0 })
  resolvedRated!: number;

  @Column({ name: 'resolved_village', type: 'int', default: 0 })
  resolvedVillage!: number;

  @Column({ name: 'resolved_township', type: 'int', default: 0 })
  resolvedTownship!: number;

  @Column({ name: 'resolved_county', type: 'int', default: 0 })
  resolvedCounty!: number;

  @Column({ name: 'rating_1', type: 'int', default: 0 })
  rating1!: number;

  @Column({ name: 'rating_2', type: 'int', default: 0 })
  rating2!: number;

  @Column({ name: 'rating_3', type: 'int', default: 0 })
  rating3!: number;

  @Column({ name: 'rating_4', type: 'int', default: 0 })
  rating4!: number;

  @Column({ name: 'rating_5', type: 'int', default: 0 })
  rating5!: number;

  @Column({ name: 'answered', type: 'int', default: 0 })
  answered!: number;

  @Column({ name: 'solved', type: 'int', default: 0 })
  solved!: number;

  @Column({ name: 'accepted', type: 'int', default: 0 })
  accepted!: number;

  @Column({ name: 'acceptance_ms', type: 'bigint', default: 0, transformer: BIG_NUMBER })
  acceptanceMs!: number;

  @Column({ name: 'founded_bad', type: 'int', default: 0 })
  foundedBad!: number;

  @Column({ name: 'rectified', type: 'int', default: 0 })
  rectified!: number;

  @Column({ name: 'accept_due', type: 'int', default: 0 })
  acceptDue!: number;

  @Column({ name: 'accept_met', type: 'int', default: 0 })
  acceptMet!: number;

  @Column({ name: 'deadline_due', type: 'int', default: 0 })
  deadlineDue!: number;

  @Column({ name: 'deadline_met', type: 'int', default: 0 })
  deadlineMet!: number;
}

/** The column of each measure, for raw SQL. */
export const MEASURE_COLUMNS: Record<MetricMeasure, string> = {
  received: 'received',
  resolved: 'resolved',
  resolvedRated: 'resolved_rated',
  resolvedVillage: 'resolved_village',
  resolvedTownship: 'resolved_township',
  resolvedCounty: 'resolved_county',
  rating1: 'rating_1',
  rating2: 'rating_2',
  rating3: 'rating_3',
  rating4: 'rating_4',
  rating5: 'rating_5',
  answered: 'answered',
  solved: 'solved',
  accepted: 'accepted',
  acceptanceMs: 'acceptance_ms',
  foundedBad: 'founded_bad',
  rectified: 'rectified',
  acceptDue: 'accept_due',
  acceptMet: 'accept_met',
  deadlineDue: 'deadline_due',
  deadlineMet: 'deadline_met',
};
