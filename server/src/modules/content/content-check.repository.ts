import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentHoldState, ContentItem } from '@mqlk/shared';
import {
  type DataSource,
  type EntityManager,
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
} from 'typeorm';
import { ContentCheckEntity } from './content-check.entity';

/** One item to check, written with its request. */
export interface NewContentCheck {
  requestId: number;
  item: ContentItem;
  photoId: number | null;
  voiceId: number | null;
  authorUserId: number;
  /** the words, for a text check */
  content: string | null;
}

/**
 * The requests with an item held for staff, as a subquery for the 内容待审 queue (this table's
 * SQL stays in its module).
 */
export const HELD_REQUEST_IDS = "SELECT c.request_id FROM content_check c WHERE c.state = 'held'";

/** Why an item is not sent at all: msgSecCheck and mediaCheckAsync need the writer's openid. */
export const NO_OPENID = '群众没有在微信里登录过小程序，无法送微信内容安全检测';

/** The states staff see: flagged, and what they decided. */
export const HOLD_STATES: readonly ContentHoldState[] = ['held', 'released', 'withheld'];

/** What a check ended with: a verdict, a wait for WeChat's push, or a failure. */
export type CheckEnd =
  | { state: 'passed' | 'held'; suggest: string; label: number; traceId: string | null }
  | { state: 'awaiting'; traceId: string }
  | { state: 'pending'; failure: string; nextAttemptAt: Date }
  | { state: 'unchecked'; failure: string };

@Injectable()
export class ContentCheckRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get rows() {
    return this.db.getRepository(ContentCheckEntity);
  }

  /** The table through the caller's transaction, or on its own. */
  private on(m: EntityManager | undefined) {
    return m?.getRepository(ContentCheckEntity) ?? this.rows;
  }

  /**
   * The items of a new request, in its transaction: one statement, nothing read back. A writer
   * known to have no openid (signed in by SMS) gets them recorded as unchecked, with the reason.
   */
  async enqueue(
    m: EntityManager,
    checks: NewContentCheck[],
    now: Date,
    sendable: boolean,
  ): Promise<void> {
    if (checks.length === 0) return;
    await m
      .createQueryBuilder()
      .insert()
      .into(ContentCheckEntity)
      .values(
        checks.map((c) => ({
          ...c,
          ...(sendable
            ? { state: 'pending' as const }
            : { state: 'unchecked' as const, failure: NO_OPENID, checkedAt: now, content: null }),
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        })),
      )
      .updateEntity(false)
      .execute();
  }

  /** Checks due to be sent now, oldest first, that no instance is sending. */
  async dueIds(now: Date, limit: number): Promise<number[]> {
    const rows = await this.rows.find({
      where: [
        { state: 'pending', nextAttemptAt: LessThanOrEqual(now), leaseUntil: IsNull() },
        { state: 'pending', nextAttemptAt: LessThanOrEqual(now), leaseUntil: LessThan(now) },
      ],
      select: ['id'],
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /**
   * Takes one check for this instance until `until`, counting the attempt; null when another
   * instance took it first. One conditional statement, so two instances never both send it.
   */
  async claim(id: number, now: Date, until: Date): Promise<ContentCheckEntity | null> {
    const taken = await this.rows
      .createQueryBuilder()
      .update()
      .set({ leaseUntil: until, attempts: () => 'attempts + 1' })
      .where('id = :id AND state = :pending', { id, pending: 'pending' })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now })
      .execute();
    if (taken.affected !== 1) return null;
    return this.rows.findOneBy({ id });
  }

  /**
   * What a check ended with; a row no longer pending (its verdict came by push) is left alone.
   * True when this call recorded it (`m`: the caller's transaction).
   */
  async finish(id: number, end: CheckEnd, now: Date, m?: EntityManager): Promise<boolean> {
    // The words are kept only while they may still have to be sent.
    const common =
      end.state === 'pending' ? { leaseUntil: null } : { leaseUntil: null, content: null };
    const set =
      end.state === 'pending'
        ? { ...common, failure: end.failure, nextAttemptAt: end.nextAttemptAt }
        : end.state === 'unchecked'
          ? { ...common, state: end.state, failure: end.failure, checkedAt: now }
          : end.state === 'awaiting'
            ? { ...common, state: end.state, traceId: end.traceId }
            : { ...common, ...end, checkedAt: now };
    const done = await this.on(m).update({ id, state: 'pending' }, set);
    return done.affected === 1;
  }

  /** The check a pushed verdict is about. */
  findByTraceId(traceId: string): Promise<ContentCheckEntity | null> {
    return this.rows.findOneBy({ traceId });
  }

  /** A pushed verdict, recorded once: only a check still waiting for it takes it. */
  async settle(
    id: number,
    end: Extract<CheckEnd, { state: 'passed' | 'held' | 'unchecked' }>,
    now: Date,
    m?: EntityManager,
  ): Promise<boolean> {
    const set =
      end.state === 'unchecked'
        ? { state: end.state, failure: end.failure, checkedAt: now }
        : { state: end.state, suggest: end.suggest, label: end.label, checkedAt: now };
    const done = await this.on(m).update({ id, state: 'awaiting' }, set);
    return done.affected === 1;
  }

  /** The flagged items of these requests (held, or reviewed), oldest first. */
  holdsOf(requestIds: readonly number[]): Promise<ContentCheckEntity[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.rows.find({
      where: { requestId: In([...new Set(requestIds)]), state: In([...HOLD_STATES]) },
      order: { id: 'ASC' },
    });
  }

  findById(id: number): Promise<ContentCheckEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /** Staff's decision, in the caller's transaction; false when someone decided first. */
  async review(
    m: EntityManager,
    id: number,
    decision: { state: Exclude<ContentHoldState, 'held'>; reviewerUserId: number; note: string },
    now: Date,
  ): Promise<boolean> {
    const done = await this.on(m).update(
      { id, state: 'held' },
      {
        state: decision.state,
        reviewerUserId: decision.reviewerUserId,
        reviewNote: decision.note || null,
        reviewedAt: now,
      },
    );
    return done.affected === 1;
  }
}
