import type { DeliveryStatus, NoticeChannel } from '@mqlk/shared';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { NoticeEntity } from './notice.entity';

/**
 * One notice on one external channel (WeChat, SMS). The dispatcher claims due rows (`pending`, or
 * `sending` whose lease ran out because the instance died), sends, and marks each `delivered`,
 * `skipped` (a normal outcome: no WeChat bound, subscription used up, daily SMS cap), back to
 * `pending` with a later `next_attempt_at`, or `failed` after the last attempt (the 发送失败 list).
 */
@Entity('notice_delivery')
@Index('UQ_notice_delivery_notice_channel', ['noticeId', 'channel'], { unique: true })
@Index('IDX_notice_delivery_status_next', ['status', 'nextAttemptAt'])
export class NoticeDeliveryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'notice_id', type: 'int' })
  @ForeignKey(() => NoticeEntity, { name: 'FK_notice_delivery_notice_id' })
  noticeId!: number;

  @Column(code())
  channel!: NoticeChannel;

  @Column(code())
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** When it may be tried next; while `sending`, when the claim lapses (the instance died). */
  @Column({ ...DATETIME, name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column({ ...DATETIME, name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: Date | null;

  /** Names the claim working it now: only that claim may record how it ended. */
  @Column({ name: 'claim_id', type: 'varchar', length: 24, nullable: true })
  claimId!: string | null;

  /** Why it was skipped or why the last attempt failed, in words staff can act on. */
  @Column({ name: 'last_error', type: 'varchar', length: 255, nullable: true })
  lastError!: string | null;

  @Column({ ...DATETIME, name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
