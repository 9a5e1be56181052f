import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Action,
  canRate,
  canView,
  type Move,
  type RateInput,
  type SubmitRequestInput,
  transition,
  type Transition,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import { CardService } from '../card/card.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { PhotoService } from '../photo/photo.service';
import { RatingEntity } from '../rating/rating.entity';
import { DeadlineRules } from './deadline-rules';
import { type EventPayload, RequestEventEntity } from './request-event.entity';
import { nextRequestNumber } from './request-number';
import { type Routing, RequestRouting } from './request-routing';
import { RequestEntity } from './request.entity';
import { actorFor, stateOf } from './relations';

/** What a move writes besides the status: extra columns, the timeline note and payload. */
export interface MoveDetails {
  version?: number;
  note?: string | null;
  rating?: RateInput;
  /** the new owner, for moves that hand the request on (escalate, transfer) */
  handover?: Pick<Routing, 'ownerUserId' | 'ownerUnitId' | 'ownerUnitPath'>;
}

/** Thrown inside a transaction when the row changed under us; answered outside it with a fresh read. */
class StaleVersion extends Error {}

@Injectable()
export class RequestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cards: CardService,
    private readonly routing: RequestRouting,
    private readonly deadlines: DeadlineRules,
    private readonly idempotency: IdempotencyService,
    private readonly photos: PhotoService,
    private readonly phones: PhoneCipher,
  ) {}

  /** A resident's submission through a card. Returns the new request's id (the same id on a retry). */
  async submit(
    actor: RequestActor,
    input: SubmitRequestInput,
    idemKey: string | undefined,
  ): Promise<number> {
    if (actor.role !== 'resident') throw new AppError('FORBIDDEN');
    if (!input.cardCode) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'cardCode', message: '请先扫描干部的联系卡再反映' },
      ]);
    }
    const card = await this.cards.resolve(input.cardCode);
    const route = await this.routing.forCard(card, input.category);
    const t = transition(
      { status: null, round: 1, level: route.level, category: input.category },
      { role: 'resident', relations: ['requester'] },
      { action: 'submit' },
    );
    if (!t.ok) throw new AppError(t.code);
    return this.idempotency.once(actor.userId, idemKey, 'POST /requests', input, async (m) => {
      const now = new Date();
      const phone = input.contactPhone ? this.phones.protect(input.contactPhone) : null;
      const { identifiers } = await m.insert(RequestEntity, {
        number: await nextRequestNumber(m, now),
        channel: 'card_scan',
        category: input.category,
        subTopic: input.subTopic ?? null,
        text: input.text,
        contactPhoneEnc: phone?.enc ?? null,
        contactPhoneMasked: phone?.masked ?? (await this.accountPhoneMask(m, actor.userId)),
        location: input.location ? JSON.stringify(input.location) : null,
        requesterId: actor.userId,
        cardId: card.card.id,
        ...route,
        status: t.to,
        round: 1,
        ...this.deadlines.clocksFrom(now, route.level),
        submittedAt: now,
        version: 1,
      });
      const id = Number(identifiers[0]?.id);
      await this.photos.attachToRequest(m, actor.userId, id, input.photoIds);
      await this.record(m, id, actor, null, t, 'submit', null, { ownerUserId: route.ownerUserId });
      return id;
    });
  }

  /** Any move on an existing request: checked by the shared state machine, guarded by the version. */
  async act(actor: RequestActor, id: number, move: Move, details: MoveDetails = {}): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        const r = await m.findOne(RequestEntity, { where: { id } });
        const who = r ? actorFor(actor, r) : null;
        if (!r || !who || !canView(stateOf(r), who)) throw new AppError('REQUEST_NOT_FOUND');
        if (details.version !== undefined && details.version !== r.version)
          throw new StaleVersion();
        if (move.action === 'rate') await this.checkRating(m, actor, r);
        const t = transition(stateOf(r), who, move);
        if (!t.ok) throw new AppError(t.code);
        const now = new Date();
        const changed = await m
          .createQueryBuilder()
          .update(RequestEntity)
          .set({
            ...this.columnsFor(move, t, details, now),
            status: t.to,
            round: t.round,
            level: t.level,
            version: () => 'version + 1',
          })
          .where('id = :id AND version = :version', { id, version: r.version })
          .execute();
        if (changed.affected !== 1) throw new StaleVersion();
        if (move.action === 'rate' && details.rating)
          await this.saveRating(m, actor, r, details.rating, now);
        if (move.action === 'verify' && t.excludesRating) {
          await m.update(
            RatingEntity,
            { requestId: id, round: r.round },
            { excluded: true, exclusionReason: details.note ?? null },
          );
        }
        await this.record(
          m,
          id,
          actor,
          r.status,
          t,
          move.action,
          details.note ?? null,
          this.payloadFor(move, r, details),
        );
      });
    } catch (err) {
      if (err instanceof StaleVersion) throw await this.conflictFor(id, move.action);
      throw err;
    }
  }

  /** Escalation (上报): to the staff of the next level up, with new clocks for that level. */
  async escalate(actor: RequestActor, id: number, version: number, reason: string): Promise<void> {
    const r = await this.db.getRepository(RequestEntity).findOne({ where: { id } });
    const who = r ? actorFor(actor, r) : null;
    if (!r || !who || !canView(stateOf(r), who)) throw new AppError('REQUEST_NOT_FOUND');
    const allowed = transition(stateOf(r), who, { action: 'escalate' });
    if (!allowed.ok) throw new AppError(allowed.code);
    const handover = await this.routing.escalationTarget(r.ownerUnitPath, r.level);
    await this.act(actor, id, { action: 'escalate' }, { version, note: reason, handover });
  }

  private columnsFor(
    move: Move,
    t: Transition,
    details: MoveDetails,
    now: Date,
  ): Partial<RequestEntity> {
    if (t.ownerChanges && details.handover) {
      return { ...details.handover, acceptedAt: null, ...this.deadlines.clocksFrom(now, t.level) };
    }
    switch (move.action) {
      case 'accept':
        return { acceptedAt: now };
      case 'resolve':
        return {
          resolvedAt: now,
          resolutionOutcome: move.outcome,
          resolutionNote: details.note ?? null,
        };
      case 'verify':
        return t.clock === 'rectify' ? { dueAt: this.deadlines.rectifyFrom(now) } : {};
      default:
        return {};
    }
  }

  private payloadFor(move: Move, r: RequestEntity, details: MoveDetails): EventPayload | null {
    switch (move.action) {
      // The resolution remembers who resolved it and where: ratings are attributed to that (事随人转).
      case 'resolve':
        return {
          outcome: move.outcome,
          ownerUserId: r.ownerUserId,
          unitPath: r.ownerUnitPath,
          level: r.level,
          round: r.round,
        };
      case 'rate':
        return { level: move.level, round: r.round, tags: details.rating?.tags ?? [] };
      case 'verify':
        return { founded: move.founded };
      default:
        return null;
    }
  }

  private async checkRating(
    m: EntityManager,
    actor: RequestActor,
    r: RequestEntity,
  ): Promise<void> {
    const rated: { round: number }[] = await m.query(
      'SELECT round FROM rating WHERE request_id = ?',
      [r.id],
    );
    const check = canRate({
      isRequester: actor.role === 'resident' && actor.userId === r.requesterId,
      status: r.status,
      round: r.round === 2 ? 2 : 1,
      ratedRounds: rated.map((x) => (Number(x.round) === 2 ? 2 : 1)),
      resolvedAt: r.resolvedAt,
      now: new Date(),
    });
    if (!check.ok) throw new AppError(check.code);
  }

  private async saveRating(
    m: EntityManager,
    actor: RequestActor,
    r: RequestEntity,
    input: RateInput,
    now: Date,
  ) {
    await m.insert(RatingEntity, {
      requestId: r.id,
      round: r.round,
      level: input.level,
      tags: input.tags.join(','),
      comment: input.comment || null,
      raterUserId: actor.userId,
      // Attributed to the owner who resolved it, and that owner's unit at the time.
      ownerUserId: r.ownerUserId,
      ownerUnitId: r.ownerUnitId,
      ownerUnitPath: r.ownerUnitPath,
      excluded: false,
      exclusionReason: null,
      createdAt: now,
    });
  }

  private async record(
    m: EntityManager,
    requestId: number,
    actor: RequestActor,
    from: RequestEntity['status'] | null,
    t: Transition,
    action: Action,
    note: string | null,
    payload: EventPayload | null,
  ) {
    await m.insert(RequestEventEntity, {
      requestId,
      action,
      actorUserId: actor.userId,
      actorRole: actor.role,
      fromStatus: from,
      toStatus: t.to,
      note,
      payload,
    });
  }

  private async conflictFor(id: number, action: Action): Promise<AppError> {
    const rows: { status: string }[] = await this.db.query(
      'SELECT status FROM request WHERE id = ?',
      [id],
    );
    return new AppError(
      action === 'accept' && rows[0]?.status !== 'submitted'
        ? 'ALREADY_ACCEPTED'
        : 'VERSION_CONFLICT',
    );
  }

  private async accountPhoneMask(m: EntityManager, userId: number): Promise<string | null> {
    const rows: { phone_masked: string | null }[] = await m.query(
      'SELECT phone_masked FROM user_account WHERE id = ?',
      [userId],
    );
    return rows[0]?.phone_masked ?? null;
  }
}
