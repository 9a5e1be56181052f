import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { CadreEntity } from '../cadre/cadre.entity';
import { HouseholdEntity } from '../household/household.entity';

export const CARD_STATUSES = ['active', 'revoked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/**
 * A printed card; `code` is its QR payload. MySQL/MariaDB compare it case-insensitively (default
 * collation) while SQLite does not: the unique index keeps case variants out, and the card service
 * should still compare the fetched code exactly.
 */
@Entity('card')
@Index('UQ_card_code', ['code'], { unique: true })
@Index('IDX_card_cadre_id', ['cadreId'])
@Index('IDX_card_household_id', ['householdId'])
export class CardEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'cadre_id', type: 'int' })
  @ForeignKey(() => CadreEntity, { name: 'FK_card_cadre_id' })
  cadreId!: number;

  /**
   * A 民困帮扶卡: the household in hardship (结亲) it was given to. It reaches the household's
   * linked cadre, and what is asked through it names the household.
   */
  @Column({ name: 'household_id', type: 'int', nullable: true })
  @ForeignKey(() => HouseholdEntity, { name: 'FK_card_household_id' })
  householdId!: number | null;

  @Column(code())
  status!: CardStatus;

  @Column({ ...DATETIME, name: 'issued_at' })
  issuedAt!: Date;

  @Column({ ...DATETIME, name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  /** why it was stopped (遗失…) */
  @Column({ name: 'revoke_reason', type: 'varchar', length: 100, nullable: true })
  revokeReason!: string | null;

  /** the card issued in its place (补卡): the old code points there */
  @Column({ name: 'replaced_by_card_id', type: 'int', nullable: true })
  @ForeignKey(() => CardEntity, { name: 'FK_card_replaced_by_card_id' })
  replacedByCardId!: number | null;
}

/** Openings of a card's page, counted per card and local day. */
@Entity('card_scan_day')
export class CardScanDayEntity {
  @PrimaryColumn({ name: 'card_id', type: 'int' })
  @ForeignKey(() => CardEntity, { name: 'FK_card_scan_day_card_id' })
  cardId!: number;

  /** local date (Asia/Shanghai), YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'int', default: 0 })
  scans!: number;
}
