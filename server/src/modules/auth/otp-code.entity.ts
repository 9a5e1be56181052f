import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/** A one-time SMS code for H5 residents; only hashes are stored. */
@Entity('otp_code')
@Index('IDX_otp_code_phone_hash', ['phoneHash'])
export class OtpCodeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  phoneHash!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ ...DATETIME, name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ ...DATETIME, name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
