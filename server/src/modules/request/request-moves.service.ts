import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AcceptInput,
  type ActorRole,
  type CancelInput,
  canRate,
  type EscalateInput,
  type Move,
  type RateInput,
  ratingWindowEndsAt,
  type ReplyInput,
  type ResolveInput,
  type SuperviseInput,
  type TransferInput,
  transition,
  type Transition,
  UNFOUNDED_REASON_LABELS,
  type VerifyInput,
  handoverTransition,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccessPolicy, stateOf } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import { isDeadlock } from '../../database/errors';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { RatingRepository } from '../rating/rating.repository';
import { MetricLedger } from './metric-ledger';
import { DeadlineRules } from './deadline-rules';
import type { EventPayload } from './request-event.entity';
import { RequestClocks } from './request-clocks';
import { RequestNotices } from './request-notices';
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
  /** a move that keeps its owner by the rules, but whose owner has left the post: to `handover` */
  reassign?: boolean;
  payload?: EventPayload;
  /** 公示摘要, written with a resolution: the village board's one line */
  publicSummary?: string;
  /** more work in the move's transaction, after the checks (spending a confirmation code) */
  alsoInTransaction?: (m: EntityManager) => Promise<void>;
}

/** Thrown inside a transaction when the row changed under us; answered outside it with a fresh read. */
class StaleVersion extends Error {}

/** Who makes a move: a signed-in person, or the system (a sweep). */
interface Mover {
  userId: number | null;
  role: ActorRole;
  displayName: string;
}

const SYSTEM: Mover = { userId: null, role: 'system', displayName: '系统' };

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
    private readonly metricLedger: MetricLedger,
    private readonly routing: RequestRouting,
    private readonly policy: AccessPolicy,
    private readonly notices: RequestNotices,
    private readonly deadlines: DeadlineRules,
    @Inject(CLOCK) private readonly clock: Clock,
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
      { version: input.version, note: input.note, publicSummary: input.publicSummary },
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

  /**
   * 差评核实: founded → 整改 with the finding; unfounded → closed, the rating excluded. When the
   * cadre who resolved it has since handed the post over, the 整改 goes to the successor.
   */
  async verify(actor: RequestActor, id: number, input: VerifyInput) {
    const r = await this.requests.findById(id);
    const successor = input.founded && r ? await this.routing.successorOf(r.ownerUserId) : null;
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
      {
        version: input.version,
        note,
        verify: input,
        payload,
        ...(successor ? { handover: successor, reassign: true } : {}),
      },
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
      this.requests.spendConfirmations(m, id, this.clock.now()),
  ) {
    return this.act(actor, id, { action: 'confirm' }, { alsoInTransaction: spend });
  }

  /**
   * 事随人转, one request: it goes to the successor (`to`) with new clocks, a 转办 step on its
   * timeline that says why, and the usual notices — inside the caller's transaction, which holds
   * the row. False when the request is not one that moves (resolved work stays with its resolver).
   */
  async handOver(
    m: EntityManager,
    mover: RequestActor,
    r: RequestEntity,
    to: Holder,
    note: string,
    now: Date,
  ): Promise<boolean> {
    const t = handoverTransition(stateOf(r), to.level);
    if (!t.ok) return false;
    await this.apply(
      m,
      r,
      { action: 'transfer', level: t.level },
      t,
      mover,
      {
        note,
        handover: { ...to, level: t.level },
        payload: { ...handoverPayload(r, to), handover: true },
      },
      now,
    );
    return true;
  }

  /**
   * The rating window ran out without a rating: closed by the system, in the sweep's transaction
   * (which holds the row). False when the request is no longer one to close.
   */
  async expireRating(m: EntityManager, r: RequestEntity, now: Date): Promise<boolean> {
    const t = transition(
      stateOf(r),
      { role: 'system', relations: [] },
      { action: 'expire_rating' },
    );
    // Closed only once rating is no longer allowed (shared `canRate`: up to the window's end).
    if (!t.ok || !r.resolvedAt || ratingWindowEndsAt(r.resolvedAt).getTime() >= now.getTime()) {
      return false;
    }
    try {
      await this.apply(m, r, { action: 'expire_rating' }, t, SYSTEM, {}, now);
      return true;
    } catch (err) {
      if (err instanceof StaleVersion) return false;
      throw err;
    }
  }

  private async act(
    actor: RequestActor,
    id: number,
    move: Move,
    details: MoveDetails = {},
  ): Promise<void> {
    try {
      await retryOnDeadlock(() =>
        this.db.transaction(async (m) => {
          const r = await this.requests.findById(id, m);
          this.policy.requireVisible(actor, r);
          if (!r) throw new AppError('REQUEST_NOT_FOUND');
          const now = this.clock.now();
          // Rated already says more than "not open" to the resident who just rated.
          if (move.action === 'rate') await this.checkRating(m, actor, r, now);
          const t = this.policy.requireMove(actor, r, move);
          if (details.version !== undefined && details.version !== r.version) {
            throw new StaleVersion();
          }
          await details.alsoInTransaction?.(m);
          await this.apply(m, r, move, t, actor, details, now);
        }),
      );
    } catch (err) {
      if (err instanceof StaleVersion) throw await this.conflictFor(id, move);
      throw err;
    }
  }

  /** A permitted move, written: status, clocks, ratings, the timeline step and its notices. */
  private async apply(
    m: EntityManager,
    r: RequestEntity,
    move: Move,
    t: Transition,
    mover: Mover,
    details: MoveDetails,
    now: Date,
  ): Promise<void> {
    if (details.reassign) t = { ...t, ownerChanges: true };
    const holder = details.handover ?? holderOf(r);
    const clocks = await this.clocks.plan(move.action, t, holder, now, m);
    const reminder =
      move.action === 'supervise'
        ? {
            supervisionRemindAt: (
              await this.deadlines.for(holder.ownerUnitPath, m)
            ).supervisionReminderFrom(now),
          }
        : {};
    const written = await this.requests.updateGuarded(
      m,
      r.id,
      r.version,
      {
        ...columnsFor(move, t, details, now),
        ...reminder,
        ...clocks.copies,
        status: t.to,
        round: t.round,
        level: t.level,
      },
      // Oversight must not invalidate what the owner has on screen.
      move.action !== 'supervise',
    );
    if (!written) throw new StaleVersion();
    await this.clocks.write(m, r.id, clocks, now);
    await this.sideEffects(m, mover, r, move, t, details, now);
    const eventId = await this.timeline.append(m, {
      requestId: r.id,
      action: move.action,
      actorUserId: mover.userId,
      actorRole: mover.role,
      fromStatus: r.status,
      toStatus: t.to,
      note: details.note ?? null,
      payload: payloadFor(move, r, details),
      at: now,
    });
    await this.notices.afterMove(m, {
      request: r,
      action: move.action,
      t,
      actor:
        mover.userId === null ? null : { userId: mover.userId, displayName: mover.displayName },
      holder,
      note: details.note ?? null,
      acceptDueAt: clocks.copies.acceptDueAt,
      rectifyDueAt: t.clock === 'rectify' ? clocks.copies.dueAt : undefined,
      eventId,
      now,
    });
    await this.metricLedger.refresh(m, [r.id]);
  }

  private async sideEffects(
    m: EntityManager,
    mover: Mover,
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
        raterUserId: mover.userId!,
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

/**
 * Runs a move's transaction again when the database picked it to give way in a deadlock (rare:
 * another move, or a sweep, on the same rows): the person gets their answer, not an error.
 */
async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= attempts || !isDeadlock(err)) throw err;
    }
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
        // A second round's summary replaces the first: it says how the matter ended.
        ...(details.publicSummary ? { publicSummary: details.publicSummary } : {}),
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
