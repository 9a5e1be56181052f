import type { Pairing } from '@mqlk/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { CadreEntity } from '../cadre/cadre.entity';
import { OrgUnitEntity } from '../org/org-unit.entity';

/**
 * A household (联户) in a village or grid, and the cadre linked to it (结对). One household per
 * address: the unit, the group and the house number, normalised in shared
 * (`normalizeAddressPart`) so MariaDB's collation and SQLite's bytes refuse the same rows.
 */
@Entity('household')
@Index('UQ_household_address', ['orgUnitId', 'groupName', 'houseNumber'], { unique: true })
@Index('IDX_household_cadre_id', ['cadreId', 'id'])
@Index('IDX_household_phone_hash', ['phoneHash'])
@Index('IDX_household_org_unit_last_visit', ['orgUnitId', 'lastVisitOn'])
export class HouseholdEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'org_unit_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_household_org_unit_id' })
  orgUnitId!: number;

  /** 村民小组; '' (not NULL: NULLs never collide in a unique index) where there is none. */
  @Column({ name: 'group_name', type: 'varchar', length: 32, default: '' })
  groupName!: string;

  @Column({ name: 'house_number', type: 'varchar', length: 32 })
  houseNumber!: string;

  @Column({ name: 'head_name', type: 'varchar', length: 64 })
  headName!: string;

  @Column({ name: 'member_count', type: 'int' })
  memberCount!: number;

  /** The phone, encrypted (PhoneCipher); all three NULL when the household gave none. */
  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc!: string | null;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'phone_masked', type: 'varchar', length: 16, nullable: true })
  phoneMasked!: string | null;

  /** 结对干部 and the kind of link: both set or both NULL. */
  @Column({ name: 'cadre_id', type: 'int', nullable: true })
  @ForeignKey(() => CadreEntity, { name: 'FK_household_cadre_id' })
  cadreId!: number | null;

  @Column({ ...code(), nullable: true })
  pairing!: Pairing | null;

  /** When the current link was made. */
  @Column({ ...DATETIME, name: 'linked_at', nullable: true })
  linkedAt!: Date | null;

  /** The latest visit's local date (走访日记), kept with each visit; NULL until the first. */
  @Column({ name: 'last_visit_on', type: 'varchar', length: 10, nullable: true })
  lastVisitOn!: string | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ ...DATETIME, name: 'updated_at' })
  updatedAt!: Date;
}
