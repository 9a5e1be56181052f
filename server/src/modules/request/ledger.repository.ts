import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CategoryCode,
  type HandlingLevel,
  OPEN_STATUSES,
  type RequestChannel,
  type RequestStatus,
  type ResolutionOutcome,
  type SubTopicCode,
} from '@mqlk/shared';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { subtreePattern } from '../../common/access/access-policy';
import { fromDbTime } from '../../database/locking';
import { RequestEntity } from './request.entity';

/** Which requests a ledger holds. Times are instants; `until` is exclusive. */
export interface LedgerFilter {
  /** the subtree: requests whose owner's unit is under it */
  unitPath: string;
  from: Date | null;
  until: Date | null;
  /** the status as the reader sees it (see `reader`) */
  status: RequestStatus | null;
  category: CategoryCode | null;
  /** only open requests whose first running clock fell due before this instant */
  overdueAt: Date | null;
  reader: LedgerReader;
}

/**
 * Who reads the ledger, for the rules of what they may see: conduct complaints about themselves
 * are left out (as in every list), and the three states after a resolution read 已办结 to those
 * who may not see ratings (shared `seesRatings`): admins, and staff on the requests they handled
 * themselves below the county.
 */
export interface LedgerReader {
  userId: number;
  cadreId: number | null;
  role: 'staff' | 'admin';
}

/** One request as the ledger reads it: plain columns, no entity hydration. */
export interface LedgerRequestRow {
  id: number;
  number: string;
  channel: RequestChannel;
  category: CategoryCode;
  subTopic: SubTopicCode | null;
  text: string;
  contactPhoneMasked: string | null;
  requesterId: number;
  firstContactCadreId: number | null;
  subjectCadreId: number | null;
  ownerUserId: number;
  ownerUnitPath: string;
  level: HandlingLevel;
  status: RequestStatus;
  round: number;
  dueAt: Date | null;
  submittedAt: Date;
  resolvedAt: Date | null;
  resolutionOutcome: ResolutionOutcome | null;
  resolutionNote: string | null;
}

/** The first running clock's due time, as the staff queue's overdue list reads it. */
const NEXT_DUE =
  "(CASE WHEN r.status = 'submitted' AND r.accept_due_at IS NOT NULL THEN r.accept_due_at ELSE r.due_at END)";

const AFTER_RESOLUTION: RequestStatus[] = ['resolved', 'under_review', 'closed'];

const COLUMNS: [string, keyof LedgerRequestRow][] = [
  ['r.id', 'id'],
  ['r.number', 'number'],
  ['r.channel', 'channel'],
  ['r.category', 'category'],
  ['r.sub_topic', 'subTopic'],
  ['r.text', 'text'],
  ['r.contact_phone_masked', 'contactPhoneMasked'],
  ['r.requester_id', 'requesterId'],
  ['r.first_contact_cadre_id', 'firstContactCadreId'],
  ['r.subject_cadre_id', 'subjectCadreId'],
  ['r.owner_user_id', 'ownerUserId'],
  ['r.owner_unit_path', 'ownerUnitPath'],
  ['r.level', 'level'],
  ['r.status', 'status'],
  ['r.round', 'round'],
  ['r.due_at', 'dueAt'],
  ['r.submitted_at', 'submittedAt'],
  ['r.resolved_at', 'resolvedAt'],
  ['r.resolution_outcome', 'resolutionOutcome'],
  ['r.resolution_note', 'resolutionNote'],
];

type RawRow = Record<keyof LedgerRequestRow, unknown>;

/**
 * The ledger's reads of the request table: a count, then keyset batches in id order (`id > last`),
 * plain queries that page the same way on MariaDB and SQLite and never hold more than one batch.
 */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  countLedger(f: LedgerFilter): Promise<number> {
    return this.query(f).getCount();
  }

  async ledgerBatch(f: LedgerFilter, afterId: number, limit: number): Promise<LedgerRequestRow[]> {
    const qb = this.query(f).select(COLUMNS[0]![0], COLUMNS[0]![1]);
    for (const [column, alias] of COLUMNS.slice(1)) qb.addSelect(column, alias);
    const raw = await qb
      .andWhere('r.id > :afterId', { afterId })
      .orderBy('r.id', 'ASC')
      .limit(limit)
      .getRawMany<RawRow>();
    return raw.map(toRow);
  }

  private query(f: LedgerFilter): SelectQueryBuilder<RequestEntity> {
    const qb = this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.owner_unit_path LIKE :scope', { scope: subtreePattern(f.unitPath) });
    if (f.reader.cadreId !== null) {
      qb.andWhere('(r.subject_cadre_id IS NULL OR r.subject_cadre_id <> :cadreId)', {
        cadreId: f.reader.cadreId,
      });
    }
    if (f.from) qb.andWhere('r.submitted_at >= :from', { from: f.from });
    if (f.until) qb.andWhere('r.submitted_at < :until', { until: f.until });
    if (f.category) qb.andWhere('r.category = :category', { category: f.category });
    if (f.status) this.whereSeenStatus(qb, f.status, f.reader);
    if (f.overdueAt) {
      qb.andWhere('r.status IN (:...open)', { open: OPEN_STATUSES }).andWhere(
        `${NEXT_DUE} < :overdueAt`,
        { overdueAt: f.overdueAt },
      );
    }
    return qb;
  }

  /**
   * The status filter matches what the reader sees, or it would tell a good rating from a bad one:
   * 已办结 picks all three after-resolution states where the reader may not see ratings, and
   * 差评核实中 or 已关闭 pick none there. Mirrors shared `statusSeenBy` (checked in the e2e test).
   */
  private whereSeenStatus(
    qb: SelectQueryBuilder<RequestEntity>,
    status: RequestStatus,
    reader: LedgerReader,
  ): void {
    if (!AFTER_RESOLUTION.includes(status)) {
      qb.andWhere('r.status = :status', { status });
      return;
    }
    const masked =
      reader.role === 'admin' ? '1 = 1' : "(r.owner_user_id = :readerId AND r.level <> 'county')";
    const params = { status, after: AFTER_RESOLUTION, readerId: reader.userId };
    if (status === 'resolved') {
      qb.andWhere(`(r.status = :status OR (r.status IN (:...after) AND ${masked}))`, params);
    } else {
      qb.andWhere(`(r.status = :status AND NOT ${masked})`, params);
    }
  }
}

const time = (value: unknown): Date | null =>
  value === null || value === undefined ? null : fromDbTime(value as Date | string);

function toRow(raw: RawRow): LedgerRequestRow {
  const id = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    id: Number(raw.id),
    number: String(raw.number),
    channel: raw.channel as RequestChannel,
    category: raw.category as CategoryCode,
    subTopic: (raw.subTopic ?? null) as SubTopicCode | null,
    text: String(raw.text),
    contactPhoneMasked: (raw.contactPhoneMasked ?? null) as string | null,
    requesterId: Number(raw.requesterId),
    firstContactCadreId: id(raw.firstContactCadreId),
    subjectCadreId: id(raw.subjectCadreId),
    ownerUserId: Number(raw.ownerUserId),
    ownerUnitPath: String(raw.ownerUnitPath),
    level: raw.level as HandlingLevel,
    status: raw.status as RequestStatus,
    round: Number(raw.round),
    dueAt: time(raw.dueAt),
    submittedAt: time(raw.submittedAt)!,
    resolvedAt: time(raw.resolvedAt),
    resolutionOutcome: (raw.resolutionOutcome ?? null) as ResolutionOutcome | null,
    resolutionNote: (raw.resolutionNote ?? null) as string | null,
  };
}
