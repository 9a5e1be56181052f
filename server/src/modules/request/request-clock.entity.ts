import type { Action, ClockKind, ClockResult, ClockStop, HandlingLevel } from '@mqlk/shared';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { UserAccountEntity } from '../user/user-account.entity';
import { RequestEntity } from './request.entity';

/**
 * One deadline clock (accept, resolve or rectify) of one owner. Rows are never overwritten: a
 * clock is started when the request reaches its owner (or at verification, for rectification) and
 * stopped once, with how it stopped and its result, so a missed deadline stays missed after an
 * escalation and each acceptance is measured for the owner who made it.
 */
@Entity('request_clock')
@Index('IDX_request_clock_request_id', ['requestId'])
@Index('IDX_request_clock_owner_unit_path_due', ['ownerUnitPath', 'dueAt'])
@Index('IDX_request_clock_owner_user_due', ['ownerUserId', 'dueAt'])
// The sweeps' claims: running clocks whose warning or alert is due and not yet sent.
@Index('IDX_request_clock_warn', ['stoppedAt', 'warnedAt', 'warnAt'])
@Index('IDX_request_clock_overdue', ['stoppedAt', 'overdueAlertedAt', 'dueAt'])
export class RequestClockEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'request_id', type: 'int' })
  @ForeignKey(() => RequestEntity, { name: 'FK_request_clock_request_id' })
  requestId!: number;

  @Column(code())
  kind!: ClockKind;

  @Column({ type: 'tinyint' })
  round!: number;

  @Column({ name: 'owner_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_request_clock_owner_user_id' })
  ownerUserId!: number;

  @Column({ name: 'owner_unit_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_request_clock_owner_unit_id' })
  ownerUnitId!: number;

  @Column({ name: 'owner_unit_path', type: 'varchar', length: 255 })
  ownerUnitPath!: string;

  @Column(code())
  level!: HandlingLevel;

  @Column({ ...DATETIME, name: 'started_at' })
  startedAt!: Date;

  @Column({ ...DATETIME, name: 'due_at' })
  dueAt!: Date;

  /**
   * When the owner is warned (18:00 of the working day before the due day: shared `warningAt`);
   * null when the clock is too short for a warning to come before it is due.
   */
  @Column({ ...DATETIME, name: 'warn_at', nullable: true })
  warnAt!: Date | null;

  /** Set by the sweep that warned the owner (or found the warning moot), once. */
  @Column({ ...DATETIME, name: 'warned_at', nullable: true })
  warnedAt!: Date | null;

  /** Set by the sweep that alerted the owner and their township's staff that it ran out, once. */
  @Column({ ...DATETIME, name: 'overdue_alerted_at', nullable: true })
  overdueAlertedAt!: Date | null;

  @Column({ ...DATETIME, name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column({ ...code(), name: 'stop', nullable: true })
  stop!: ClockStop | null;

  /** The move that stopped it (accept, resolve, escalate, transfer, withdraw, cancel). */
  @Column({ ...code(), name: 'stop_action', nullable: true })
  stopAction!: Action | null;

  /** Set when it stops (shared `clockResult`); a running clock past its due time is missed. */
  @Column({ ...code(), nullable: true })
  result!: ClockResult | null;
}
