import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Action, type ClockKind, type ClockStop, clockResult } from '@mqlk/shared';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { inBatches } from '../../database/batches';
import { dbTime, skipLocked } from '../../database/locking';
import { RequestClockEntity } from './request-clock.entity';

export type NewClock = Pick<
  RequestClockEntity,
  | 'requestId'
  | 'kind'
  | 'round'
  | 'ownerUserId'
  | 'ownerUnitId'
  | 'ownerUnitPath'
  | 'level'
  | 'startedAt'
  | 'dueAt'
  | 'warnAt'
>;

/** The deadline clocks' one home. A clock is started once and stopped once; never rewritten. */
@Injectable()
export class ClockRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async start(m: EntityManager, clocks: NewClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await m.getRepository(RequestClockEntity).insert(
      clocks.map((c) => ({
        ...c,
        warnedAt: null,
        overdueAlertedAt: null,
        stoppedAt: null,
        stop: null,
        stopAction: null,
        result: null,
      })),
    );
  }

  /** Stops the request's running clocks of these kinds, each with its result. */
  async stopRunning(
    m: EntityManager,
    requestId: number,
    stops: { kind: ClockKind; stop: ClockStop }[],
    at: Date,
    action: Action,
  ): Promise<void> {
    if (stops.length === 0) return;
    const repo = m.getRepository(RequestClockEntity);
    const running = await repo.find({
      where: { requestId, stoppedAt: IsNull(), kind: In(stops.map((s) => s.kind)) },
    });
    for (const clock of running) {
      const stop = stops.find((s) => s.kind === clock.kind)!.stop;
      await repo.update(
        { id: clock.id, stoppedAt: IsNull() },
        { stoppedAt: at, stop, stopAction: action, result: clockResult(clock.dueAt, at, stop) },
      );
    }
  }

  forRequest(requestId: number): Promise<RequestClockEntity[]> {
    return this.db
      .getRepository(RequestClockEntity)
      .find({ where: { requestId }, order: { id: 'ASC' } });
  }

  forRequests(
    requestIds: readonly number[],
    m: EntityManager = this.db.manager,
  ): Promise<RequestClockEntity[]> {
    return inBatches(requestIds, (batch) =>
      m.getRepository(RequestClockEntity).find({
        where: { requestId: In(batch) },
        order: { id: 'ASC' },
      }),
    );
  }

  /** Running clocks whose due-soon warning is due and not yet given, claimed for this transaction. */
  claimWarnings(m: EntityManager, now: Date, limit: number): Promise<RequestClockEntity[]> {
    return this.claim(
      m,
      'stopped_at IS NULL AND warned_at IS NULL AND warn_at <= ? ORDER BY warn_at, id',
      now,
      limit,
    );
  }

  /** Running clocks past their due time whose alert is not yet given, claimed. */
  claimOverdue(m: EntityManager, now: Date, limit: number): Promise<RequestClockEntity[]> {
    return this.claim(
      m,
      'stopped_at IS NULL AND overdue_alerted_at IS NULL AND due_at < ? ORDER BY due_at, id',
      now,
      limit,
    );
  }

  async markWarned(m: EntityManager, ids: readonly number[], at: Date): Promise<void> {
    if (ids.length > 0)
      await m.getRepository(RequestClockEntity).update({ id: In([...ids]) }, { warnedAt: at });
  }

  async markOverdueAlerted(m: EntityManager, ids: readonly number[], at: Date): Promise<void> {
    if (ids.length > 0) {
      await m
        .getRepository(RequestClockEntity)
        .update({ id: In([...ids]) }, { overdueAlertedAt: at });
    }
  }

  private async claim(
    m: EntityManager,
    condition: string,
    now: Date,
    limit: number,
  ): Promise<RequestClockEntity[]> {
    const rows: { id: number }[] = await m.query(
      `SELECT id FROM request_clock WHERE ${condition} LIMIT ${Number(limit)}${skipLocked(m)}`,
      [dbTime(m, now)],
    );
    if (rows.length === 0) return [];
    return m
      .getRepository(RequestClockEntity)
      .find({ where: { id: In(rows.map((r) => Number(r.id))) }, order: { id: 'ASC' } });
  }
}
