import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { CadreEntity } from '../cadre/cadre.entity';

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
export class CardEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'cadre_id', type: 'int' })
  @ForeignKey(() => CadreEntity, { name: 'FK_card_cadre_id' })
  cadreId!: number;

  @Column(code())
  status!: CardStatus;

  @Column({ ...DATETIME, name: 'issued_at' })
  issuedAt!: Date;

  @Column({ ...DATETIME, name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
