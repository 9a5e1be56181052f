import { Injectable } from '@nestjs/common';
import type { MetricRequest, MetricResolution } from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { CadreRepository } from '../cadre/cadre.repository';
import { RatingRepository } from '../rating/rating.repository';
import { ClockRepository } from './clock.repository';
import type { RatingEntity } from '../rating/rating.entity';
import type { RequestClockEntity } from './request-clock.entity';
import type { RequestEventEntity } from './request-event.entity';
import type { RequestEntity } from './request.entity';
import { RequestRepository } from './request.repository';
import { TimelineRepository } from './timeline.repository';

/**
 * The rows a unit's figures are computed from, in the shape the shared reference functions take,
 * each read from its own table's repository. Everything is keyed by account id: ratings,
 * ownership and clocks are per account.
 */
@Injectable()
export class MetricRows {
  constructor(
    private readonly requests: RequestRepository,
    private readonly timeline: TimelineRepository,
    private readonly clocks: ClockRepository,
    private readonly ratings: RatingRepository,
    private readonly cadres: CadreRepository,
  ) {}

  /** Every request with something in the subtree: owned there now, or with a clock run there. */
  async under(path: string): Promise<MetricRequest[]> {
    return this.shape(await this.requests.metricRowsUnder(path));
  }

  /** These requests as the transaction `m` sees them (its own writes included), in id order. */
  async byIds(m: EntityManager, ids: readonly number[]): Promise<MetricRequest[]> {
    const rows = await this.requests.findByIds(ids, m);
    return this.shape(
      rows.sort((a, b) => a.id - b.id),
      m,
    );
  }

  private async shape(rows: RequestEntity[], m?: EntityManager): Promise<MetricRequest[]> {
    const ids = rows.map((r) => r.id);
    // One after the other: a transaction's connection takes one query at a time.
    const ratings = await this.ratings.forRequests(ids, m);
    const events = await this.timeline.metricEventsOf(ids, m);
    const clocks = await this.clocks.forRequests(ids, m);
    const subjects = await this.cadres.userIdsByCadreIds(
      rows.flatMap((r) => (r.subjectCadreId ? [r.subjectCadreId] : [])),
      m,
    );
    const byRequest = <T extends { requestId: number }>(items: T[]) => {
      const map = new Map<number, T[]>();
      for (const item of items) {
        const list = map.get(item.requestId);
        if (list) list.push(item);
        else map.set(item.requestId, [item]);
      }
      return map;
    };
    const ratingsOf = byRequest(ratings);
    const eventsOf = byRequest(events);
    const clocksOf = byRequest(clocks);
    return rows.map((r) =>
      metricRequestOf(
        r,
        ratingsOf.get(r.id) ?? [],
        eventsOf.get(r.id) ?? [],
        clocksOf.get(r.id) ?? [],
        r.subjectCadreId ? subjects.get(r.subjectCadreId) : undefined,
      ),
    );
  }
}

/**
 * One request in the shape the shared figures take, from its rows: `events` are those
 * `metricEventsOf` reads (resolutions, confirmations, verifications); `subjectUserId` is the
 * account of the cadre a conduct complaint is about.
 */
export function metricRequestOf(
  r: RequestEntity,
  ratings: readonly RatingEntity[],
  events: readonly RequestEventEntity[],
  clocks: readonly RequestClockEntity[],
  subjectUserId: number | null | undefined,
): MetricRequest {
  const verify = events.filter((e) => e.action === 'verify').at(-1);
  return {
    id: String(r.id),
    category: r.category,
    status: r.status,
    subjectCadreId:
      subjectUserId === undefined || subjectUserId === null ? null : String(subjectUserId),
    submittedAt: r.submittedAt,
    ownerId: String(r.ownerUserId),
    unitPath: r.ownerUnitPath,
    clocks: clocks.map((c) => ({
      kind: c.kind,
      ownerId: String(c.ownerUserId),
      unitPath: c.ownerUnitPath,
      startedAt: c.startedAt,
      dueAt: c.dueAt,
      stoppedAt: c.stoppedAt,
      stop: c.stop,
    })),
    resolutions: events.filter((e) => e.action !== 'verify').map(resolutionOf),
    ratings: ratings.map((x) => ({
      at: x.createdAt,
      round: x.round === 2 ? 2 : 1,
      level: x.level as 1 | 2 | 3 | 4 | 5,
      excluded: Boolean(x.excluded),
      solved: x.solved,
    })),
    verification: verify
      ? { at: verify.createdAt, founded: verify.payload?.founded === true }
      : null,
  };
}

function resolutionOf(e: RequestEventEntity): MetricResolution {
  const p = e.payload ?? {};
  return {
    at: e.createdAt,
    round: Number(p.round) === 2 ? 2 : 1,
    level: (p.level ?? 'village') as MetricResolution['level'],
    ownerId: String(p.ownerUserId),
    unitPath: String(p.unitPath),
  };
}
