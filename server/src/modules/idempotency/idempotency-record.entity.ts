import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME } from '../../database/columns';
import { UserAccountEntity } from '../user/user-account.entity';

/**
 * The first answer to a create-POST, kept under the client's idempotency key so that a retry on a
 * weak network gets the same answer instead of a second request. A reused key with a different body
 * (`request_hash`) is refused. `text` holds 64 KB on MySQL: create answers are small.
 */
@Entity('idempotency_record')
@Index('UQ_idempotency_record_user_key', ['userId', 'idemKey'], { unique: true })
export class IdempotencyRecordEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_idempotency_record_user_id' })
  userId!: number;

  @Column({ name: 'idem_key', type: 'varchar', length: 64 })
  idemKey!: string;

  @Column({ type: 'varchar', length: 64 })
  route!: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  /** Null while the first attempt is still being processed. */
  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
