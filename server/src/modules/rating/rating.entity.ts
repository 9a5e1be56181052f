import type { SolvedAnswer, UnfoundedReason } from '@mqlk/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME } from '../../database/columns';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { RequestEntity } from '../request/request.entity';
import { UserAccountEntity } from '../user/user-account.entity';

/**
 * A resident's rating of one round of a request. It is attributed to the owner who resolved it and
 * that owner's unit at that time (事随人转 moves open work, never past ratings).
 */
@Entity('rating')
@Index('UQ_rating_request_round', ['requestId', 'round'], { unique: true })
// The county's anomaly flags read a subtree's ratings over a period.
@Index('IDX_rating_owner_unit_path_created', ['ownerUnitPath', 'createdAt'])
export class RatingEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'request_id', type: 'int' })
  @ForeignKey(() => RequestEntity, { name: 'FK_rating_request_id' })
  requestId!: number;

  @Column({ type: 'tinyint' })
  round!: number;

  /** 1 (非常不满意) … 5 (非常满意). */
  @Column({ type: 'tinyint' })
  level!: number;

  /** 问题解决了吗: a shared `SOLVED_ANSWERS` code. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  solved!: SolvedAnswer | null;

  /** Shared rating tag codes, comma-separated. */
  @Column({ type: 'varchar', length: 255 })
  tags!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'rater_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_rating_rater_user_id' })
  raterUserId!: number;

  @Column({ name: 'owner_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_rating_owner_user_id' })
  ownerUserId!: number;

  @Column({ name: 'owner_unit_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_rating_owner_unit_id' })
  ownerUnitId!: number;

  @Column({ name: 'owner_unit_path', type: 'varchar', length: 255 })
  ownerUnitPath!: string;

  /** Set when staff find a bad review unfounded: kept, but left out of every figure. */
  @Column({ type: 'boolean', default: false })
  excluded!: boolean;

  /** A shared `UNFOUNDED_REASONS` code, and the staff's written explanation. */
  @Column({ name: 'exclusion_reason', type: 'varchar', length: 16, nullable: true })
  exclusionReason!: UnfoundedReason | null;

  @Column({ name: 'exclusion_note', type: 'text', nullable: true })
  exclusionNote!: string | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
