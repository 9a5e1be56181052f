import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME } from '../../database/columns';
import { VisitEntity } from '../household/visit.entity';
import { RequestEntity } from '../request/request.entity';
import { UserAccountEntity } from '../user/user-account.entity';

/**
 * An uploaded photo (EXIF stripped). Uploaded before its request or visit (走访) exists, then
 * attached to one of them.
 */
@Entity('request_photo')
@Index('IDX_request_photo_request_id', ['requestId'])
@Index('IDX_request_photo_uploader_user_id', ['uploaderUserId'])
@Index('IDX_request_photo_visit_id', ['visitId'])
export class RequestPhotoEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'request_id', type: 'int', nullable: true })
  @ForeignKey(() => RequestEntity, { name: 'FK_request_photo_request_id' })
  requestId!: number | null;

  @Column({ name: 'visit_id', type: 'int', nullable: true })
  @ForeignKey(() => VisitEntity, { name: 'FK_request_photo_visit_id' })
  visitId!: number | null;

  @Column({ name: 'uploader_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_request_photo_uploader_user_id' })
  uploaderUserId!: number;

  /** Key in the file storage (local disk or S3/COS), never a public URL. */
  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 32 })
  mime!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'int' })
  width!: number;

  @Column({ type: 'int' })
  height!: number;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
