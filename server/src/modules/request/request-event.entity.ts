import type { ActorRole, RequestStatus } from '@mqlk/shared';
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
import { RequestEntity } from './request.entity';

/** One step of a request's timeline. Append-only: rows are never updated or deleted. */
/** Plain JSON facts about a move (who resolved it and where, the rating given…). */
export type EventPayload = { [key: string]: string | number | boolean | null | string[] };

@Entity('request_event')
@Index('IDX_request_event_request_id', ['requestId'])
export class RequestEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'request_id', type: 'int' })
  @ForeignKey(() => RequestEntity, { name: 'FK_request_event_request_id' })
  requestId!: number;

  /** The shared `Action` (submit, accept, escalate…) or a non-moving one (supervise). */
  @Column(code(32))
  action!: string;

  /** Null for the system (scheduled sweeps). */
  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_request_event_actor_user_id' })
  actorUserId!: number | null;

  @Column({ ...code(), name: 'actor_role' })
  actorRole!: ActorRole;

  @Column({ ...code(24), name: 'from_status', nullable: true })
  fromStatus!: RequestStatus | null;

  @Column({ ...code(24), name: 'to_status' })
  toStatus!: RequestStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Details of the move (new owner, due time, outcome…) as JSON. */
  @Column({ type: 'text', nullable: true, transformer: jsonText<EventPayload>() })
  payload!: EventPayload | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
