import type { ContentItem } from '@mqlk/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { RequestPhotoEntity } from '../photo/request-photo.entity';
import { RequestEntity } from '../request/request.entity';
import { UserAccountEntity } from '../user/user-account.entity';
import { RequestVoiceEntity } from '../voice/request-voice.entity';

/**
 * Where one item's check stands:
 * - pending: to be sent to WeChat (written with the request, in its transaction: an outbox);
 * - awaiting: a photo or recording sent to mediaCheckAsync, its answer to come by push;
 * - passed: WeChat let it through;
 * - held: WeChat flagged it, staff to review; released / withheld: what staff decided;
 * - unchecked: it could not be checked (the resident never signed in through WeChat, or WeChat
 *   kept failing); shown as it is, and the reason kept.
 */
export const CONTENT_CHECK_STATES = [
  'pending',
  'awaiting',
  'passed',
  'held',
  'released',
  'withheld',
  'unchecked',
] as const;
export type ContentCheckState = (typeof CONTENT_CHECK_STATES)[number];

/** 内容安全: one item of a resident's request (its text, a photo, its recording) and its check. */
@Entity('content_check')
@Index('IDX_content_check_request_id', ['requestId'])
@Index('IDX_content_check_state', ['state'])
@Index('UQ_content_check_trace_id', ['traceId'], { unique: true })
export class ContentCheckEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'request_id', type: 'int' })
  @ForeignKey(() => RequestEntity, { name: 'FK_content_check_request_id' })
  requestId!: number;

  @Column(code(8))
  item!: ContentItem;

  @Column({ name: 'photo_id', type: 'int', nullable: true })
  @ForeignKey(() => RequestPhotoEntity, { name: 'FK_content_check_photo_id' })
  photoId!: number | null;

  @Column({ name: 'voice_id', type: 'int', nullable: true })
  @ForeignKey(() => RequestVoiceEntity, { name: 'FK_content_check_voice_id' })
  voiceId!: number | null;

  /**
   * The words a text check sends, carried by the outbox row until they are sent (then cleared):
   * the request's text as submitted.
   */
  @Column({ type: 'text', nullable: true })
  content!: string | null;

  /** whose words or pictures: their WeChat openid is what the checks are asked under */
  @Column({ name: 'author_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_content_check_author_user_id' })
  authorUserId!: number;

  @Column(code(12))
  state!: ContentCheckState;

  /** mediaCheckAsync's trace_id, by which its pushed answer finds this row */
  @Column({ name: 'trace_id', type: 'varchar', length: 64, nullable: true })
  traceId!: string | null;

  /** WeChat's answer: `result.suggest` (pass / risky / review) and `result.label` */
  @Column({ ...code(8), nullable: true })
  suggest!: string | null;

  @Column({ type: 'int', nullable: true })
  label!: number | null;

  /** why it could not be checked, or the last failure while trying */
  @Column({ type: 'varchar', length: 200, nullable: true })
  failure!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** not tried again before this time (growing delays after a failure) */
  @Column({ ...DATETIME, name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** an instance is sending it until then; after that another may take it up */
  @Column({ ...DATETIME, name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @Column({ ...DATETIME, name: 'checked_at', nullable: true })
  checkedAt!: Date | null;

  @Column({ name: 'reviewer_user_id', type: 'int', nullable: true })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_content_check_reviewer_user_id' })
  reviewerUserId!: number | null;

  @Column({ ...DATETIME, name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'review_note', type: 'varchar', length: 400, nullable: true })
  reviewNote!: string | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
