import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Action, ActorRole, RequestStatus } from '@mqlk/shared';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { inBatches } from '../../database/batches';
import { type EventPayload, RequestEventEntity } from './request-event.entity';

export interface NewEvent {
  requestId: number;
  action: Action;
  actorUserId: number | null;
  actorRole: ActorRole;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  note: string | null;
  payload: EventPayload | null;
  at: Date;
}

/** The events the figures read: resolutions, confirmations, verifications. */
export const METRIC_EVENTS: readonly string[] = ['resolve', 'confirm', 'verify'];

/** The timeline's one home. Append-only: events are never updated or deleted. */
@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one step; returns its id (the cause the move's notices are unique to). */
  async append(m: EntityManager, e: NewEvent): Promise<number> {
    const { at, ...fields } = e;
    const { identifiers } = await m
      .getRepository(RequestEventEntity)
      .insert({ ...fields, createdAt: at });
    return Number(identifiers[0]?.id);
  }

  forRequest(requestId: number): Promise<RequestEventEntity[]> {
    return this.db
      .getRepository(RequestEventEntity)
      .find({ where: { requestId }, order: { id: 'ASC' } });
  }

  /** The events the figures read (resolutions, confirmations, verifications), oldest first. */
  metricEventsOf(
    requestIds: readonly number[],
    m: EntityManager = this.db.manager,
  ): Promise<RequestEventEntity[]> {
    return inBatches(requestIds, (batch) =>
      m.getRepository(RequestEventEntity).find({
        where: { requestId: In(batch), action: In([...METRIC_EVENTS]) },
        order: { id: 'ASC' },
      }),
    );
  }
}
