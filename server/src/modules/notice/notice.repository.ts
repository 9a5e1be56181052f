import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import {
  type DeliveryStatus,
  type NoticeChannel,
  type NoticeKind,
  type NoticeText,
  RESIDENT_NOTICE_KINDS,
} from '@mqlk/shared';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { subtreePattern } from '../../common/access/access-policy';
import type { PageSlice } from '../../common/paging';
import {
  claimTransaction,
  dbTime,
  isSqlite,
  onDuplicateIgnore,
  skipLocked,
} from '../../database/locking';
import { NoticeDeliveryEntity } from './notice-delivery.entity';
import { type NoticeDetail, NoticeEntity } from './notice.entity';

/** A notice to write: to whom, what, about which request, and the cause that makes it unique. */
export interface NoticeDraft {
  recipientUserId: number;
  kind: NoticeKind;
  requestId: number | null;
  /** the request's owner and the cadre a conduct complaint is about (whom the failures hide it from) */
  ownerUserId: number | null;
  subjectCadreId: number | null;
  unitPath: string;
  text: NoticeText;
  detail: NoticeDetail;
  channels: readonly NoticeChannel[];
  dedupeKey: string;
}

/** Who reads the 发送失败 list. */
export interface FailureReader {
  userId: number;
  cadreId: number | null;
}

/** A claimed delivery with its notice. */
export interface ClaimedDelivery {
  delivery: NoticeDeliveryEntity;
  notice: NoticeEntity;
}

export type DeliveryEnd =
  | { status: 'delivered' }
  /** not yet: tried again at `nextAttemptAt` without counting this as an attempt */
  | { status: 'waiting'; reason: string; nextAttemptAt: Date }
  | { status: 'skipped'; reason: string }
  | { status: 'pending'; reason: string; nextAttemptAt: Date }
  | { status: 'failed'; reason: string };

/** Notices per INSERT: 9 parameters a row stays far below SQLite's and MySQL's limits. */
const WRITE_CHUNK = 300;

const NOTICE_COLUMNS =
  'recipient_user_id, kind, request_id, owner_user_id, subject_cadre_id, unit_path, title, body, detail, dedupe_key, read_at, created_at';

/** How long a resident's SMS waits for their WeChat message to go (or not) first. */
export const SMS_AFTER_WECHAT_MS = 60_000;

/** The outbox's one home: notices, their deliveries, and the claims the dispatcher makes. */
@Injectable()
export class NoticeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes the notices and their deliveries in the caller's transaction, a few statements per
   * few hundred notices. A notice whose cause was written already (same dedupe key) is left alone
   * with its deliveries; any other refusal (a missing recipient) fails the transaction.
   */
  async write(m: EntityManager, drafts: readonly NoticeDraft[], now: Date): Promise<void> {
    for (let i = 0; i < drafts.length; i += WRITE_CHUNK) {
      await this.writeChunk(m, drafts.slice(i, i + WRITE_CHUNK), now);
    }
  }

  private async writeChunk(m: EntityManager, drafts: NoticeDraft[], now: Date): Promise<void> {
    if (drafts.length === 0) return;
    const values = drafts.flatMap((d) => [
      d.recipientUserId,
      d.kind,
      d.requestId,
      d.ownerUserId,
      d.subjectCadreId,
      d.unitPath,
      d.text.title,
      d.text.body,
      JSON.stringify(d.detail),
      d.dedupeKey,
      dbTime(m, now),
    ]);
    const rowsSql = drafts.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)').join(', ');
    const outward = drafts.filter((d) => d.channels.length > 0);
    if (drafts.length === 1 && outward.length === 1) {
      // The common move (one notice, sent on): its id, new or already there, comes back from
      // the insert itself instead of a read after it.
      const id = await this.insertOne(m, rowsSql, values);
      await this.writeDeliveries(m, outward, new Map([[outward[0]!.dedupeKey, id]]), now);
      return;
    }
    await m.query(
      `INSERT INTO notice (${NOTICE_COLUMNS}) VALUES ${rowsSql} ${onDuplicateIgnore(m, 'dedupe_key')}`,
      values,
    );
    if (outward.length === 0) return;
    const keys = outward.map((d) => d.dedupeKey);
    const rows: { id: number; dedupe_key: string }[] = await m.query(
      `SELECT id, dedupe_key FROM notice WHERE dedupe_key IN (${keys.map(() => '?').join(', ')})`,
      keys,
    );
    const idOf = new Map(rows.map((r) => [r.dedupe_key, Number(r.id)]));
    await this.writeDeliveries(m, outward, idOf, now);
  }

  /** One notice's row, or the one already written for its cause: its id either way. */
  private async insertOne(m: EntityManager, rowSql: string, values: unknown[]): Promise<number> {
    if (isSqlite(m)) {
      const rows: { id: number }[] = await m.query(
        `INSERT INTO notice (${NOTICE_COLUMNS}) VALUES ${rowSql} ON CONFLICT(dedupe_key) DO UPDATE SET dedupe_key = excluded.dedupe_key RETURNING id`,
        values,
      );
      return Number(rows[0]?.id);
    }
    // LAST_INSERT_ID(id) hands back the existing row's id when the cause was written already.
    const done: { insertId: number } = await m.query(
      `INSERT INTO notice (${NOTICE_COLUMNS}) VALUES ${rowSql} ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)`,
      values,
    );
    return Number(done.insertId);
  }

  private async writeDeliveries(
    m: EntityManager,
    outward: readonly NoticeDraft[],
    idOf: Map<string, number>,
    now: Date,
  ): Promise<void> {
    const deliveries = outward.flatMap((d) => {
      const id = idOf.get(d.dedupeKey);
      if (id === undefined) throw new Error(`notice ${d.dedupeKey} was not written`);
      // A resident in WeChat hears from WeChat; their SMS waits to see whether that went.
      const smsLater = d.channels.includes('wechat') && RESIDENT_NOTICE_KINDS.includes(d.kind);
      return d.channels.map((channel) => {
        const due =
          channel === 'sms' && smsLater ? now.getTime() + SMS_AFTER_WECHAT_MS : now.getTime();
        return [id, channel, dbTime(m, new Date(due)), dbTime(m, now)];
      });
    });
    // One row per notice and channel; a repeated cause's rows are left alone.
    await m.query(
      `INSERT INTO notice_delivery (notice_id, channel, status, attempts, next_attempt_at, created_at) VALUES ${deliveries
        .map(() => "(?, ?, 'pending', 0, ?, ?)")
        .join(', ')} ${onDuplicateIgnore(m, 'notice_id, channel')}`,
      deliveries.flat(),
    );
  }

  /* ---- the reader's 消息 ---- */

  /** A person's two accounts become one (微信手机号登录): their 消息 go with them. */
  async moveRecipient(m: EntityManager, fromUserId: number, toUserId: number): Promise<void> {
    await m
      .getRepository(NoticeEntity)
      .update({ recipientUserId: fromUserId }, { recipientUserId: toUserId });
  }

  async listFor(userId: number, unreadOnly: boolean, slice: PageSlice) {
    const [rows, total] = await this.db.getRepository(NoticeEntity).findAndCount({
      where: { recipientUserId: userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { id: 'DESC' },
      skip: slice.offset,
      take: slice.limit,
    });
    return { rows, total };
  }

  unreadCount(userId: number): Promise<number> {
    return this.db
      .getRepository(NoticeEntity)
      .count({ where: { recipientUserId: userId, readAt: IsNull() } });
  }

  /** Marks the reader's own notices read (these ids, or all); another person's ids change nothing. */
  async markRead(userId: number, ids: readonly number[] | null, now: Date): Promise<number> {
    const qb = this.db
      .createQueryBuilder()
      .update(NoticeEntity)
      .set({ readAt: now })
      .where('recipient_user_id = :userId AND read_at IS NULL', { userId });
    if (ids !== null) {
      if (ids.length === 0) return 0;
      qb.andWhere('id IN (:...ids)', { ids: [...ids] });
    }
    return (await qb.execute()).affected ?? 0;
  }

  /* ---- the dispatcher ---- */

  /**
   * Claims up to `limit` deliveries that are due (pending, or sending with a lapsed claim: the
   * instance that held them died), marks them sending with a lease and counts the attempt.
   * Rows another instance holds are skipped, so each delivery is worked by one instance at a time.
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const claimId = randomBytes(12).toString('base64url');
    const ids = await claimTransaction(this.db, async (m) => {
      const rows: { id: number }[] = await m.query(
        `SELECT id FROM notice_delivery WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ${Number(limit)}${skipLocked(m)}`,
        [dbTime(m, now)],
      );
      const claimed = rows.map((r) => Number(r.id));
      if (claimed.length === 0) return [];
      await m
        .createQueryBuilder()
        .update(NoticeDeliveryEntity)
        .set({
          status: 'sending',
          claimId,
          attempts: () => 'attempts + 1',
          lastAttemptAt: now,
          nextAttemptAt: new Date(now.getTime() + leaseMs),
        })
        .where('id IN (:...claimed)', { claimed })
        .execute();
      return claimed;
    });
    if (ids.length === 0) return [];
    const deliveries = await this.db
      .getRepository(NoticeDeliveryEntity)
      .find({ where: { id: In(ids) }, order: { id: 'ASC' } });
    const notices = await this.db
      .getRepository(NoticeEntity)
      .find({ where: { id: In([...new Set(deliveries.map((d) => d.noticeId))]) } });
    const byId = new Map(notices.map((n) => [n.id, n]));
    return deliveries.map((delivery) => ({ delivery, notice: byId.get(delivery.noticeId)! }));
  }

  /**
   * Records how a claimed delivery ended. Only a delivery still in our claim changes (a staff
   * retry or a lapsed lease moved it on otherwise); returns whether it did.
   */
  async finish(d: NoticeDeliveryEntity, end: DeliveryEnd, now: Date): Promise<boolean> {
    const set: QueryDeepPartialEntity<NoticeDeliveryEntity> = {
      status: end.status === 'waiting' ? 'pending' : end.status,
      claimId: null,
    };
    if (end.status === 'delivered') Object.assign(set, { deliveredAt: now, lastError: null });
    else set.lastError = end.reason.slice(0, 255);
    if (end.status === 'pending' || end.status === 'waiting') set.nextAttemptAt = end.nextAttemptAt;
    if (end.status === 'waiting') set.attempts = () => 'attempts - 1';
    // In a transaction of its own: on SQLite it then waits for any other to end (data-source.ts).
    const result = await this.db.transaction((m) =>
      m
        .createQueryBuilder()
        .update(NoticeDeliveryEntity)
        .set(set)
        .where("id = :id AND status = 'sending' AND claim_id = :claimId", {
          id: d.id,
          claimId: d.claimId,
        })
        .execute(),
    );
    return result.affected === 1;
  }

  /** How the notice's delivery on another channel stands (a resident's SMS waits on their WeChat). */
  async channelStatus(noticeId: number, channel: NoticeChannel): Promise<DeliveryStatus | null> {
    const row = await this.db
      .getRepository(NoticeDeliveryEntity)
      .findOne({ where: { noticeId, channel }, select: ['id', 'status'] });
    return row?.status ?? null;
  }

  /** The request moved to another unit: its notices' failures are read by the staff there now. */
  async moveRequest(m: EntityManager, requestId: number, unitPath: string): Promise<void> {
    await m.getRepository(NoticeEntity).update({ requestId }, { unitPath });
  }

  /** SMS notices this person received since `since` (the local day's start): the daily cap. */
  smsDeliveredSince(userId: number, since: Date): Promise<number> {
    return this.db
      .getRepository(NoticeDeliveryEntity)
      .createQueryBuilder('d')
      .innerJoin(NoticeEntity, 'n', 'n.id = d.notice_id')
      .where("n.recipient_user_id = :userId AND d.channel = 'sms'", { userId })
      .andWhere("d.status = 'delivered' AND d.delivered_at >= :since", { since })
      .getCount();
  }

  /* ---- the 发送失败 list ---- */

  async failedUnder(scopePath: string, reader: FailureReader, slice: PageSlice) {
    const qb = this.failedQuery(scopePath, reader)
      .orderBy('d.id', 'DESC')
      .offset(slice.offset)
      .limit(slice.limit);
    const [rows, total] = await Promise.all([
      qb.select(['d.id AS id']).getRawMany<{ id: number }>(),
      this.failedQuery(scopePath, reader).getCount(),
    ]);
    return { rows: await this.withNotices(rows.map((r) => Number(r.id))), total };
  }

  countFailedUnder(scopePath: string, reader: FailureReader): Promise<number> {
    return this.failedQuery(scopePath, reader).getCount();
  }

  async findDelivery(id: number): Promise<ClaimedDelivery | null> {
    const [found] = await this.withNotices([id]);
    return found ?? null;
  }

  /** A failed delivery goes back in the queue, with its attempts counted afresh. */
  async requeue(m: EntityManager, id: number, now: Date): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(NoticeDeliveryEntity)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where("id = :id AND status = 'failed'", { id })
      .execute();
    return result.affected === 1;
  }

  /** How many deliveries stand in each status (operations, tests). */
  async tally(): Promise<Record<DeliveryStatus, number>> {
    const rows = await this.db
      .getRepository(NoticeDeliveryEntity)
      .createQueryBuilder('d')
      .select('d.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('d.status')
      .getRawMany<{ status: DeliveryStatus; n: string | number }>();
    const out = { pending: 0, sending: 0, delivered: 0, skipped: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /**
   * Failed deliveries in scope, as the queues would show them to this reader: never a bad review
   * of their own work (that it was rated badly would show), never a complaint about them.
   */
  private failedQuery(scopePath: string, reader: FailureReader) {
    return this.visibleQuery(scopePath, reader).andWhere("d.status = 'failed'");
  }

  private visibleQuery(scopePath: string, reader: FailureReader) {
    const qb = this.db
      .getRepository(NoticeDeliveryEntity)
      .createQueryBuilder('d')
      .innerJoin(NoticeEntity, 'n', 'n.id = d.notice_id')
      .where('n.unit_path LIKE :scope', { scope: subtreePattern(scopePath) })
      .andWhere(
        "NOT (n.kind IN ('bad_review', 'flagged') AND n.owner_user_id IS NOT NULL AND n.owner_user_id = :reader)",
        { reader: reader.userId },
      );
    if (reader.cadreId !== null) {
      qb.andWhere('(n.subject_cadre_id IS NULL OR n.subject_cadre_id <> :cadreId)', {
        cadreId: reader.cadreId,
      });
    }
    return qb;
  }

  /** Whether the reader may see this delivery at all (the list's rules, whatever its status). */
  async deliveryVisible(id: number, scopePath: string, reader: FailureReader): Promise<boolean> {
    const qb = this.visibleQuery(scopePath, reader).andWhere('d.id = :id', { id });
    return (await qb.getCount()) === 1;
  }

  private async withNotices(ids: number[]): Promise<ClaimedDelivery[]> {
    if (ids.length === 0) return [];
    const deliveries = await this.db
      .getRepository(NoticeDeliveryEntity)
      .find({ where: { id: In(ids) } });
    const notices = await this.db
      .getRepository(NoticeEntity)
      .find({ where: { id: In([...new Set(deliveries.map((d) => d.noticeId))]) } });
    const byId = new Map(notices.map((n) => [n.id, n]));
    const byDelivery = new Map(deliveries.map((d) => [d.id, d]));
    return ids
      .map((id) => byDelivery.get(id))
      .filter((d): d is NoticeDeliveryEntity => !!d)
      .map((delivery) => ({ delivery, notice: byId.get(delivery.noticeId)! }));
  }
}
