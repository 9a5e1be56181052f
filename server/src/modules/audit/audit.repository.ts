import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { forUpdate, fromDbTime } from '../../database/locking';
import { type AuditDetail, AuditChainEntity, AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorUserId: number | null;
  /** the actor's name at the time; for a failed sign-in, the username tried */
  actorName: string;
  action: string;
  targetType: string;
  targetId: number | null;
  unitPath: string;
  detail?: AuditDetail;
  at: Date;
}

export interface AuditFilter {
  scopePath: string;
  actorUserId?: number;
  action?: string;
  from?: Date;
  to?: Date;
}

export interface ChainCheck {
  rows: number;
  intact: boolean;
  /** the first row whose hash does not match, or the end of the chain when rows are missing there */
  brokenAt: number | null;
  problem: string | null;
}

const GENESIS = '0'.repeat(64);
const CHAIN_ROW = 1;
const VERIFY_BATCH = 1000;

/** The hash of one row after `prev`: every stored field in a fixed order. */
export function auditHash(prev: string, row: Omit<AuditLogEntity, 'id' | 'hash'>): string {
  const detail = row.detail
    ? JSON.stringify(
        Object.fromEntries(Object.entries(row.detail).sort(([a], [b]) => a.localeCompare(b))),
      )
    : '';
  return createHash('sha256')
    .update(
      [
        prev,
        row.actorUserId ?? '',
        row.actorName,
        row.action,
        row.targetType,
        row.targetId ?? '',
        row.unitPath,
        detail,
        row.createdAt.toISOString(),
      ].join('\u001f'),
    )
    .digest('hex');
}

/**
 * The audit log's one home. It can only append (there is no update or delete here, and database
 * triggers refuse both) and read. Appends take the chain row's lock, so rows are chained in id
 * order even with several instances.
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends beside the action it records, in the same transaction. */
  async record(m: EntityManager, e: AuditEntry): Promise<void> {
    const chain = m.getRepository(AuditChainEntity);
    const rows = (await m.query(
      `SELECT last_hash AS lastHash FROM audit_chain WHERE id = ?${forUpdate(m)}`,
      [CHAIN_ROW],
    )) as { lastHash: string }[];
    const prev = rows[0]?.lastHash ?? GENESIS;
    const { at, detail, ...fields } = e;
    const row = { ...fields, detail: detail ?? null, createdAt: at };
    const hash = auditHash(prev, row);
    const inserted = await m.getRepository(AuditLogEntity).insert({ ...row, hash });
    const id = Number(inserted.identifiers[0]!.id);
    if (rows.length === 0) await chain.insert({ id: CHAIN_ROW, lastId: id, lastHash: hash });
    else await chain.update({ id: CHAIN_ROW }, { lastId: id, lastHash: hash });
  }

  /** An action with nothing else to write (a sign-in, a view, an export): its own transaction. */
  recordNow(e: AuditEntry): Promise<void> {
    return this.db.transaction((m) => this.record(m, e));
  }

  /** The entries about one thing, oldest first. */
  about(targetType: string, targetId: number): Promise<AuditLogEntity[]> {
    return this.db
      .getRepository(AuditLogEntity)
      .find({ where: { targetType, targetId }, order: { id: 'ASC' } });
  }

  /** A page of the log within a scope, newest first. */
  async page(f: AuditFilter, page: number, pageSize: number) {
    const q = this.db
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      // '/': failed sign-ins to names that match no account, which no township owns.
      .where("(a.unit_path LIKE :scope OR a.unit_path = '/')", { scope: `${f.scopePath}%` });
    if (f.actorUserId !== undefined)
      q.andWhere('a.actor_user_id = :actor', { actor: f.actorUserId });
    if (f.action !== undefined) q.andWhere('a.action = :action', { action: f.action });
    if (f.from) q.andWhere('a.created_at >= :from', { from: f.from });
    if (f.to) q.andWhere('a.created_at < :to', { to: f.to });
    const [items, total] = await q
      .orderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Walks the whole chain in id order and recomputes every hash. */
  async verify(): Promise<ChainCheck> {
    let prev = GENESIS;
    let lastId = 0;
    let rows = 0;
    for (;;) {
      const batch = await this.db
        .getRepository(AuditLogEntity)
        .createQueryBuilder('a')
        .where('a.id > :lastId', { lastId })
        .orderBy('a.id', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      for (const row of batch) {
        const { id, hash, ...content } = row;
        const expected = auditHash(prev, { ...content, createdAt: fromDbTime(content.createdAt) });
        if (expected !== hash) {
          return { rows, intact: false, brokenAt: id, problem: `第${id}条的内容或顺序被改动过` };
        }
        prev = hash;
        lastId = id;
        rows++;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    const head = await this.db
      .getRepository(AuditChainEntity)
      .findOne({ where: { id: CHAIN_ROW } });
    if (head && (head.lastId !== lastId || head.lastHash !== prev)) {
      return { rows, intact: false, brokenAt: lastId, problem: `第${lastId}条之后的记录被删除了` };
    }
    return { rows, intact: true, brokenAt: null, problem: null };
  }
}

/** Who acted, as the audit log names them. */
export function auditActor(actor: { userId: number; displayName: string }) {
  return { actorUserId: actor.userId, actorName: actor.displayName };
}
