import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME } from '../../database/columns';
import { RequestEntity } from '../request/request.entity';
import { UserAccountEntity } from '../user/user-account.entity';

/**
 * A resident's recording (语音), kept as uploaded in the photo storage. Uploaded before its
 * request exists, then attached to it; at most one per request.
 */
@Entity('request_voice')
@Index('IDX_request_voice_request_id', ['requestId'])
@Index('IDX_request_voice_uploader_user_id', ['uploaderUserId'])
export class RequestVoiceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'request_id', type: 'int', nullable: true })
  @ForeignKey(() => RequestEntity, { name: 'FK_request_voice_request_id' })
  requestId!: number | null;

  @Column({ name: 'uploader_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_request_voice_uploader_user_id' })
  uploaderUserId!: number;

  /** Key in the file storage (local disk or S3/COS), never a public URL. */
  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  /** decided from the bytes: audio/mpeg, audio/aac, audio/webm or audio/mp4 */
  @Column({ type: 'varchar', length: 32 })
  mime!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs!: number;

  /** what the speech-to-text provider heard; null when it heard nothing or was not reached */
  @Column({ type: 'text', nullable: true })
  transcript!: string | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
