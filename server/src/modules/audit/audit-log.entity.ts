import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME, code, jsonText } from '../../database/columns';
import { UserAccountEntity } from '../user/user-account.entity';

export type AuditDetail = { [key: string]: string | number | boolean | null };

/**
 * Every staff and admin action that is not a move on a request (a move is on the request's own
 * timeline): who did what to which thing, in which unit. Append-only: the application has no
 * update or delete path, triggers refuse both, and each row's `hash` covers the row and the hash
 * before it, so a changed or removed row breaks the chain (`pnpm audit:verify`).
 */
@Entity('audit_log')
@Index('IDX_audit_log_unit_path_at', ['unitPath', 'createdAt'])
@Index('IDX_audit_log_actor_user_id_at', ['actorUserId', 'createdAt'])
@Index('IDX_audit_log_action_at', ['action', 'createdAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** null for a failed sign-in to an account that does not exist */
  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_audit_log_actor_user_id' })
  actorUserId!: number | null;

  /** the name at the time (or the username tried, for a failed sign-in) */
  @Column({ name: 'actor_name', type: 'varchar', length: 64, default: '' })
  actorName!: string;

  /** e.g. card.issue (shared `AUDIT_ACTION_LABELS`) */
  @Column(code(48))
  action!: string;

  @Column({ ...code(32), name: 'target_type' })
  targetType!: string;

  @Column({ name: 'target_id', type: 'int', nullable: true })
  targetId!: number | null;

  @Column({ name: 'unit_path', type: 'varchar', length: 255 })
  unitPath!: string;

  @Column({ type: 'text', nullable: true, transformer: jsonText<AuditDetail>() })
  detail!: AuditDetail | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;

  /** sha-256 (hex) of the previous row's hash and this row's content */
  @Column({ type: 'varchar', length: 64, default: '' })
  hash!: string;
}

/** One row: the chain's last hash. Locking it orders the appends, so row order is chain order. */
@Entity('audit_chain')
export class AuditChainEntity {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'last_id', type: 'int', default: 0 })
  lastId!: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash!: string;
}
