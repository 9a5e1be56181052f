import type { NoticeKind } from '@mqlk/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME, code, jsonText } from '../../database/columns';
import { RequestEntity } from '../request/request.entity';
import { UserAccountEntity } from '../user/user-account.entity';

/** What a WeChat message needs besides the words: the matter and the time it is about. */
export interface NoticeDetail {
  matter: string;
  /** the request's public number, for staff lists */
  number: string | null;
  /** ISO instant: the due time for a deadline notice, else when it happened */
  time: string;
}

/**
 * One notice to one person (the outbox): written in the same transaction as the move or sweep
 * that causes it, read in the app's 消息 list, and carried further by its `notice_delivery` rows.
 * `dedupe_key` names the cause (an event, a clock, a 督办), so a cause yields each notice once.
 */
@Entity('notice')
@Index('UQ_notice_dedupe_key', ['dedupeKey'], { unique: true })
@Index('IDX_notice_recipient_read', ['recipientUserId', 'readAt'])
@Index('IDX_notice_unit_path', ['unitPath'])
export class NoticeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'recipient_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_notice_recipient_user_id' })
  recipientUserId!: number;

  @Column(code(32))
  kind!: NoticeKind;

  @Column({ name: 'request_id', type: 'int', nullable: true })
  @ForeignKey(() => RequestEntity, { name: 'FK_notice_request_id' })
  requestId!: number | null;

  /**
   * The request's owner when the notice was written, and the cadre a conduct complaint is about:
   * the 发送失败 list never shows a staff member the bad reviews of their own work, nor anyone a
   * complaint about them.
   */
  @Column({ name: 'owner_user_id', type: 'int', nullable: true })
  ownerUserId!: number | null;

  @Column({ name: 'subject_cadre_id', type: 'int', nullable: true })
  subjectCadreId!: number | null;

  /** The unit the request is held in (moved with it): staff read failures in their scope. */
  @Column({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @Column({ type: 'varchar', length: 64 })
  title!: string;

  @Column({ type: 'varchar', length: 500 })
  body!: string;

  @Column({ type: 'text', transformer: jsonText<NoticeDetail>() })
  detail!: NoticeDetail;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 120 })
  dedupeKey!: string;

  @Column({ ...DATETIME, name: 'read_at', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
