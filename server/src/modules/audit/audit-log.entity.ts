import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME, code, jsonText } from '../../database/columns';
import { UserAccountEntity } from '../user/user-account.entity';

export type AuditDetail = { [key: string]: string | number | boolean | null };

/**
 * Staff actions that are not a move on a request (a move is on the request's own timeline):
 * who did what to which thing, in which unit. Append-only.
 */
@Entity('audit_log')
@Index('IDX_audit_log_unit_path_at', ['unitPath', 'createdAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'actor_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_audit_log_actor_user_id' })
  actorUserId!: number;

  /** e.g. notice.retry */
  @Column(code(48))
  action!: string;

  @Column({ ...code(32), name: 'target_type' })
  targetType!: string;

  @Column({ name: 'target_id', type: 'int' })
  targetId!: number;

  @Column({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @Column({ type: 'text', nullable: true, transformer: jsonText<AuditDetail>() })
  detail!: AuditDetail | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
