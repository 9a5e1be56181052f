import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME } from '../../database/columns';
import { RequestEntity } from './request.entity';

/**
 * The one-time link a resident opens to confirm a 当场解决 record. Only a hash of the token is
 * kept, so the cadre's phone shows a fresh code each time it is asked for one; asking again
 * replaces the earlier code.
 */
@Entity('request_confirmation')
@Index('UQ_request_confirmation_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_request_confirmation_request_id', ['requestId'])
export class RequestConfirmationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'request_id', type: 'int' })
  @ForeignKey(() => RequestEntity, { name: 'FK_request_confirmation_request_id' })
  requestId!: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ ...DATETIME, name: 'expires_at' })
  expiresAt!: Date;

  /** Set when the link was also sent by SMS to the resident's phone. */
  @Column({ ...DATETIME, name: 'sms_sent_at', nullable: true })
  smsSentAt!: Date | null;

  /** Set when the resident confirmed with it, or when a newer code replaced it. */
  @Column({ ...DATETIME, name: 'spent_at', nullable: true })
  spentAt!: Date | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
