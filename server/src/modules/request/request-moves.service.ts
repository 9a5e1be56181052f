import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AcceptInput,
  type CancelInput,
  canRate,
  type EscalateInput,
  type Move,
  type RateInput,
  type ReplyInput,
  type ResolveInput,
  type SuperviseInput,
  type TransferInput,
  type Transition,
  UNFOUNDED_REASON_LABELS,
  type VerifyInput,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { RatingRepository } from '../rating/rating.repository';
import type { EventPayload } from './request-event.entity';
import { RequestClocks } from './request-clocks';
import { type Holder, RequestRouting } from './request-routing';
import type { RequestEntity } from './request.entity';
import { RequestRepository } from './request.repository';
import { TimelineRepository } from './timeline.repository';

/** What a move carries besides itself. */
interface MoveDetails {
  /** the version the mover last saw; moves that take none (督办, 答复) skip the check */
  version?: number;
  note?: string | null;
  rating?: RateInput;
  verify?: VerifyInput;
  /** the new holder, for the moves that hand the request on (escalate, transfer) */
  handover?: Holder;
  payload?: EventPayload;
  /** more work in the move's transaction, after the checks (spending a confirmation code) */
  alsoInTransaction?: (m: EntityManager) => Promise<void>;
}

/** Thrown inside a transaction when the row changed under us; answered outside it with a fresh read. */
class StaleVersion extends Error {}

/**
 * Every move on an existing request: the access policy and the shared state machine decide, the
 * version guards against a concurrent move, and the status, clocks, ratings and timeline change
 * together in one transaction.
 */
@Injectable()
export class RequestMoves {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestRepository,
    private readonly timeline: TimelineRepository,
    private readonly clocks: RequestClocks,
    private readonly ratings: RatingRepository,
    private readonly routing: RequestRouting,
    private readonly policy: AccessPolicy,
  ) {}

  withdraw(actor: RequestActor, id: number) {
    return this.act(actor, id, { action: 'withdraw' });
  }

  accept(actor: RequestActor, id: number, input: AcceptInput) {
    return this.act(actor, id, { action: 'accept' }, { version: input.version });
  }

  reply(actor: RequestActor, id: number, input: ReplyInput) {
    return this.act(actor, id, { action: 'reply' }, { note: input.text });
  }

  resolve(actor: RequestActor, id: number, input: ResolveInput) {
    return this.act(
      actor,
      id,
      { action: 'resolve', outcome: input.outcome },
      { version: input.version, note: input.note },
    );
  }

  rate(actor: RequestActor, id: number, input: RateInput) {
    return this.act(
      actor,
      id,
      { action: 'rate', level: input.level },
      { rating: input, note: input.comment || null },
    );
  }

  supervise(actor: RequestActor, id: number, input: SuperviseInput) {
    return this.act(actor, id, { action: 'supervise' }, { note: input.note });
  }

  cancel(actor: RequestActor, id: number, input: CancelInput) {
    return this.act(
      actor,
      id,
      { action: 'cancel' },
      { version: input.version, note: input.reason },
    );
  }

  /** 差评核实: founded → 整改 with the finding; unfounded → closed, the rating excluded. */
  verify(actor: RequestActor, id: number, input: VerifyInput) {
    const note = input.founded
      ? input.finding
      : `${UNFOUNDED_REASON_LABELS[input.reason]}：${input.note}`;
    const payload: EventPayload = input.founded
      ? { founded: true }
      : { founded: false, reason: input.reason };
    return this.act(
      actor,
      id,
      { action: 'verify', founded: input.founded },
      { version: input.version, note, verify: input, payload },
    );
  }

  /** 上报: to the staff of the next level up, with new clocks for them. */
  async escalate(actor: RequestActor, id: number, input: EscalateInput) {
    const r = await this.requests.findById(id);
    this.policy.requireMove(actor, r, { action: 'escalate' });
    const handover = await this.routing.escalationTarget(r!);
    await this.act(
      actor,
      id,
      { action: 'escalate' },
      {
        version: input.version,
        note: input.reason,
        handover,
        payload: handoverPayload(r!, handover),
      },
    );
  }

  /** 转办: to a named cadre or staff member at the same level (county staff: any level). */
  async transfer(actor: RequestActor, id: number, input: TransferInput) {
    const r = await this.requests.findById(id);
    this.policy.requireMove(actor, r, { action: 'transfer' });
    const handover = await this.routing.transferTarget(actor, r!, input.toUserId);
    await this.act(
      actor,
      id,
      { action: 'transfer', level: handover.level },
      {
        version: input.version,
        note: input.reason,
        handover,
        payload: handoverPayload(r!, handover),
      },
    );
  }

  /**
   * 当场解决 confirmed by the resident: resolved, and open for their rating. By default every code
   * still out for the record is spent with it; the link route spends the one it came with.
   */
  confirm(
    actor: RequestActor,
    id: number,
    spend: (m: EntityManager) => Promise<void> = (m) =>
      this.requests.spendConfirmations(m, id, new Date()),
  ) {
    return this.act(actor, id, { action: 'confirm' }, { alsoInTransaction: spend });
  }

  private async act(
    actor: RequestActor,
    id: number,
    move: Move,
    details: MoveDetails = {},
  ): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        const r = await this.requests.findById(id, m);
        this.policy.requireVisible(actor, r);
        if (!r) throw new AppError('REQUEST_NOT_FOUND');
        const now = new Date();
        // Rated already says more than "not open" to the resident who just rated.
        if (move.action === 'rate') await this.checkRating(m, actor, r, now);
        const t = this.policy.requireMove(actor, r, move);
        if (details.version !== undefined && details.version !== r.version) {
          throw new StaleVersion();
        }
        await details.alsoInTransaction?.(m);
        const holder = details.handover ?? holderOf(r);
        const clocks = this.clocks.plan(move.action, t, holder, now);
        const written = await this.requests.updateGuarded(
          m,
          id,
          r.version,
          {
            ...columnsFor(move, t, details, now),
            ...clocks.copies,
            status: t.to,
            round: t.round,
            level: t.level,
          },
          // Oversight must not invalidate what the owner has on screen.
          move.action !== 'supervise',
        );
        if (!written) throw new StaleVersion();
        await this.clocks.write(m, id, clocks, now);
        await this.sideEffects(m, actor, r, move, t, details, now);
        await this.timeline.append(m, {
          requestId: id,
          action: move.action,
          actorUserId: actor.userId,
          actorRole: actor.role,
          fromStatus: r.status,
          toStatus: t.to,
          note: details.note ?? null,
          payload: payloadFor(move, r, details),
          at: now,
        });
      });
    } catch (err) {
      if (err instanceof StaleVersion) throw await this.conflictFor(id, move);
      throw err;
    }
  }

  private async sideEffects(
    m: EntityManager,
    actor: RequestActor,
    r: RequestEntity,
    move: Move,
    t: Transition,
    details: MoveDetails,
    now: Date,
  ): Promise<void> {
    if (move.action === 'rate' && details.rating) {
      await this.ratings.insert(m, {
        requestId: r.id,
        round: r.round,
        raterUserId: actor.userId,
        input: details.rating,
        // The owner who resolved it, in their unit at the time: it stays theirs (事随人转).
        to: {
          ownerUserId: r.ownerUserId,
          ownerUnitId: r.ownerUnitId,
          ownerUnitPath: r.ownerUnitPath,
        },
        at: now,
      });
    }
    if (t.excludesRating && details.verify && !details.verify.founded) {
      await this.ratings.exclude(m, r.id, r.round, details.verify.reason, details.verify.note);
    }
  }

  private async checkRating(
    m: EntityManager,
    actor: RequestActor,
    r: RequestEntity,
    now: Date,
  ): Promise<void> {
    const check = canRate({
      isRequester: actor.role === 'resident' && actor.userId === r.requesterId,
      status: r.status,
      round: r.round === 2 ? 2 : 1,
      ratedRounds: await this.ratings.roundsRated(m, r.id),
      resolvedAt: r.resolvedAt,
      now,
    });
    if (!check.ok) throw new AppError(check.code);
  }

  private async conflictFor(id: number, move: Move): Promise<AppError> {
    const now = await this.requests.findById(id);
    return new AppError(
      move.action === 'accept' && now?.status !== 'submitted'
        ? 'ALREADY_ACCEPTED'
        : 'VERSION_CONFLICT',
    );
  }
}

export function holderOf(r: RequestEntity): Holder {
  return {
    ownerUserId: r.ownerUserId,
    ownerUnitId: r.ownerUnitId,
    ownerUnitPath: r.ownerUnitPath,
    level: r.level,
  };
}

/** What a move writes besides the status, round and level. */
function columnsFor(
  move: Move,
  t: Transition,
  details: MoveDetails,
  now: Date,
): QueryDeepPartialEntity<RequestEntity> {
  if (t.ownerChanges && details.handover) {
    const { ownerUserId, ownerUnitId, ownerUnitPath } = details.handover;
    return { ownerUserId, ownerUnitId, ownerUnitPath };
  }
  switch (move.action) {
    case 'resolve':
      return {
        resolvedAt: now,
        resolutionOutcome: move.outcome,
        resolutionNote: details.note ?? null,
      };
    case 'confirm':
      return { resolvedAt: now };
    case 'rate':
      return t.flagToCounty ? { flaggedToCountyAt: now } : {};
    case 'supervise':
      return { supervisionCount: () => 'supervision_count + 1', supervisedAt: now };
    default:
      return {};
  }
}

/** Plain facts about a move for the timeline: resolutions carry who resolved it and where. */
function payloadFor(move: Move, r: RequestEntity, details: MoveDetails): EventPayload | null {
  switch (move.action) {
    case 'resolve':
    case 'confirm':
      return {
        outcome: move.action === 'resolve' ? move.outcome : 'solved',
        ownerUserId: r.ownerUserId,
        unitPath: r.ownerUnitPath,
        level: r.level,
        round: r.round,
      };
    case 'rate':
      return {
        level: move.level,
        round: r.round,
        solved: details.rating?.solved ?? null,
        tags: details.rating?.tags ?? [],
      };
    default:
      return details.payload ?? null;
  }
}

function handoverPayload(r: RequestEntity, to: Holder): EventPayload {
  return { fromUserId: r.ownerUserId, toUserId: to.ownerUserId, toLevel: to.level };
}
