import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { HouseholdEntity } from './household.entity';

export const HOUSEHOLD_TAG_KINDS = ['group', 'free'] as const;
export type HouseholdTagKind = (typeof HOUSEHOLD_TAG_KINDS)[number];

/**
 * A household's tags: its special groups (`group`, the shared code) and free tags (`free`). A
 * child table rather than a JSON column, so "every 低保 household" is an indexed EXISTS.
 */
@Entity('household_tag')
@Index('IDX_household_tag_tag', ['kind', 'tag', 'householdId'])
export class HouseholdTagEntity {
  @PrimaryColumn({ name: 'household_id', type: 'int' })
  @ForeignKey(() => HouseholdEntity, { name: 'FK_household_tag_household_id' })
  householdId!: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind!: HouseholdTagKind;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  tag!: string;
}
