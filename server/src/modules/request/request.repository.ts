import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  formatRequestNumber,
  localDateOf,
  OPEN_STATUSES,
  type RequestStatus,
  type StaffQueue,
} from '@mqlk/shared';
import {
  Brackets,
  type DataSource,
  type EntityManager,
  In,
  IsNull,
  Not,
  type SelectQueryBuilder,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { subtreePattern } from '../../common/access/access-policy';
import { dbTime, forUpdate, skipLocked } from '../../database/locking';
import type { PageSlice } from '../../common/paging';
import { HELD_REQUEST_IDS } from '../content/content-check.repository';
import { RequestConfirmationEntity } from './request-confirmation.entity';
import { RequestEntity } from './request.entity';

/**
 * The due time that falls first among a request's running clocks (shared `nextDue`): the accept
 * clock's while it awaits 签收 (it always falls before the resolve clock's), else the resolve or
 * rectify clock's. Overdue and due soon in SQL mean what they mean in the lists' badges.
 */
const NEXT_DUE =
  "(CASE WHEN r.status = 'submitted' AND r.accept_due_at IS NOT NULL THEN r.accept_due_at ELSE r.due_at END)";

/** Who reads a staff queue. */
export interface StaffReader {
  userId: number;
  cadreId: number | null;
}

/** The time a queue is read at, and the end of the due-soon range (shared `dueSoonBefore`). */
export interface QueueTime {
  now: Date;
  horizon: Date;
}

/** Open work, plus 当场解决 records still waiting for the resident: both need the owner. */
const NEEDS_OWNER: RequestStatus[] = [...OPEN_STATUSES, 'pending_confirmation'];

export type NewRequest = Omit<
  RequestEntity,
  | 'id'
  | 'number'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'supervisionCount'
  | 'supervisedAt'
  | 'supervisionRemindAt'
  | 'flaggedToCountyAt'
  | 'householdId'
  | 'visitId'
  | 'publicSummary'
  | 'publicHidden'
> &
  // 公示摘要 comes with a resolution (or from staff), never with a new request.
  Partial<Pick<RequestEntity, 'householdId' | 'visitId' | 'publicSummary' | 'publicHidden'>>;

/**
 * The request table's one home (with the day's number sequence and the confirmation codes of
 * 当场解决 records): intention-named reads for each list, and the guarded write every move uses.
 */
@Injectable()
export class RequestRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findById(id: number, m: EntityManager = this.db.manager): Promise<RequestEntity | null> {
    return m.getRepository(RequestEntity).findOne({ where: { id } });
  }

  /** A new request under a number from `takeNumber`; returns its id and public number. */
  async insert(
    m: EntityManager,
    row: NewRequest,
    number: string,
  ): Promise<{ id: number; number: string }> {
    const { identifiers } = await m.getRepository(RequestEntity).insert({
      ...row,
      number,
      version: 1,
    });
    return { id: Number(identifiers[0]?.id), number };
  }

  /**
   * Writes a move's columns if the row is still at `version` (optimistic locking: two cadres
   * cannot both accept). `bump` is false for a move that must not invalidate what the owner has
   * on screen (督办). Returns false when someone else moved first.
   */
  async updateGuarded(
    m: EntityManager,
    id: number,
    version: number,
    set: QueryDeepPartialEntity<RequestEntity>,
    bump = true,
  ): Promise<boolean> {
    const changed = await m
      .createQueryBuilder()
      .update(RequestEntity)
      // TypeORM bumps a @VersionColumn on every update unless the version is set explicitly.
      .set({ ...set, version: bump ? () => 'version + 1' : () => 'version' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return changed.affected === 1;
  }

  /**
   * A resident's requests join another account of the same person (a WeChat account used before
   * its phone was known, joining the account of that phone). The version stays: nothing anyone
   * has on screen changes.
   */
  async moveRequester(m: EntityManager, fromUserId: number, toUserId: number): Promise<number> {
    const moved = await m
      .createQueryBuilder()
      .update(RequestEntity)
      .set({ requesterId: toUserId, version: () => 'version' })
      .where('requester_id = :fromUserId', { fromUserId })
      .execute();
    return moved.affected ?? 0;
  }

  /** 我的诉求: what this resident submitted (or had filed for them), newest first. */
  mine(requesterId: number, slice: PageSlice) {
    return this.page(
      this.base()
        .where('r.requester_id = :requesterId', { requesterId })
        .orderBy('r.submitted_at', 'DESC')
        .addOrderBy('r.id', 'DESC'),
      slice,
    );
  }

  /**
   * The owner's open work, soonest deadline first, or what they finished, latest resolution
   * first (never by last update: a rating changes the row, and its timing would tell a cadre who
   * just rated them). A conduct complaint never reaches the cadre it is about, even through bad data.
   */
  inbox(ownerUserId: number, cadreId: number | null, open: boolean, slice: PageSlice) {
    const qb = this.base().where('r.owner_user_id = :ownerUserId', { ownerUserId });
    this.notAbout(qb, cadreId);
    if (open) {
      qb.andWhere('r.status IN (:...needsOwner)', { needsOwner: NEEDS_OWNER }).orderBy(
        NEXT_DUE,
        'ASC',
      );
    } else {
      qb.andWhere('r.status NOT IN (:...needsOwner)', { needsOwner: NEEDS_OWNER }).orderBy(
        'r.resolved_at',
        'DESC',
      );
    }
    return this.page(qb.addOrderBy('r.id', 'ASC'), slice);
  }

  /** 经手: what a cadre first received that someone else holds now (never what is about them). */
  handledBy(cadreId: number, userId: number, slice: PageSlice) {
    const qb = this.base()
      .where('r.first_contact_cadre_id = :cadreId', { cadreId })
      .andWhere('r.owner_user_id <> :userId', { userId });
    this.notAbout(qb, cadreId);
    return this.page(qb.orderBy('r.submitted_at', 'DESC').addOrderBy('r.id', 'DESC'), slice);
  }

  /**
   * A staff member's queue over their subtree (conduct complaints about them left out). The bad
   * reviews a queue is made of leave out their own work: that they were rated badly would show.
   */
  staffQueue(
    scopePath: string,
    reader: StaffReader,
    queue: StaffQueue,
    time: QueueTime,
    slice: PageSlice,
  ) {
    const qb = this.staffQueueQuery(scopePath, reader, queue, time);
    return this.page(qb.orderBy(NEXT_DUE, 'ASC').addOrderBy('r.id', 'ASC'), slice);
  }

  /** How many requests a queue holds: the same conditions as the list, so the two agree. */
  countStaffQueue(scopePath: string, reader: StaffReader, queue: StaffQueue, time: QueueTime) {
    return this.staffQueueQuery(scopePath, reader, queue, time).getCount();
  }

  private staffQueueQuery(
    scopePath: string,
    reader: StaffReader,
    queue: StaffQueue,
    time: QueueTime,
  ): SelectQueryBuilder<RequestEntity> {
    const qb = this.base().where('r.owner_unit_path LIKE :scope', {
      scope: subtreePattern(scopePath),
    });
    this.notAbout(qb, reader.cadreId);
    if (queue === 'review' || queue === 'flagged') {
      qb.andWhere('r.owner_user_id <> :reader', { reader: reader.userId });
    }
    const open = () => qb.andWhere('r.status IN (:...open)', { open: OPEN_STATUSES });
    switch (queue) {
      case 'review':
        qb.andWhere("r.status = 'under_review'");
        break;
      case 'conduct':
        qb.andWhere("r.category = 'conduct'");
        break;
      case 'overdue':
        open().andWhere(`${NEXT_DUE} < :now`, { now: time.now });
        break;
      case 'due_soon':
        open().andWhere(`${NEXT_DUE} >= :now AND ${NEXT_DUE} < :horizon`, time);
        break;
      case 'supervised':
        open().andWhere('r.supervision_count > 0');
        break;
      case 'flagged':
        qb.andWhere('r.flagged_to_county_at IS NOT NULL');
        break;
      case 'content':
        qb.andWhere(`r.id IN (${HELD_REQUEST_IDS})`);
        break;
      case 'all':
        break;
    }
    return qb;
  }

  /**
   * The requests a unit's figures may draw on: held in the subtree now, or ever held there (every
   * owner gets clocks, each with the unit it ran in), as plain rows.
   */
  metricRowsUnder(path: string): Promise<RequestEntity[]> {
    const like = subtreePattern(path);
    return this.base()
      .where(
        new Brackets((w) =>
          w
            .where('r.owner_unit_path LIKE :like', { like })
            .orWhere(
              'r.id IN (SELECT c.request_id FROM request_clock c WHERE c.owner_unit_path LIKE :like)',
            ),
        ),
      )
      .getMany();
  }

  /* ---- the sweeps' claims (rows held by this transaction; rows another instance holds are passed over) ---- */

  /** Resolved requests still unrated whose resolution came before `resolvedBefore`. */
  claimUnratedBefore(
    m: EntityManager,
    resolvedBefore: Date,
    limit: number,
  ): Promise<RequestEntity[]> {
    return this.claim(
      m,
      "status = 'resolved' AND resolved_at < ? ORDER BY resolved_at, id",
      resolvedBefore,
      limit,
    );
  }

  /** Requests whose 督办 reminder is due. */
  claimSupervisionReminders(m: EntityManager, now: Date, limit: number): Promise<RequestEntity[]> {
    return this.claim(
      m,
      'supervision_remind_at <= ? ORDER BY supervision_remind_at, id',
      now,
      limit,
    );
  }

  /** The reminders are given (or moot: the request was done): cleared without touching the version. */
  async clearSupervisionReminders(m: EntityManager, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await m
      .createQueryBuilder()
      .update(RequestEntity)
      .set({ supervisionRemindAt: null, version: () => 'version' })
      .where('id IN (:...ids)', { ids: [...ids] })
      .execute();
  }

  /**
   * The requests of claimed clocks, locked for the sweep in the order moves lock them (the request
   * first): those a move holds now are passed over, so a sweep never waits on a move.
   */
  async lockForSweep(m: EntityManager, ids: readonly number[]): Promise<RequestEntity[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows: { id: number }[] = await m.query(
      `SELECT id FROM request WHERE id IN (${unique.map(() => '?').join(', ')})${skipLocked(m)}`,
      unique,
    );
    return this.findByIds(
      rows.map((r) => Number(r.id)),
      m,
    );
  }

  /** Requests that came in through each card. */
  async countByCards(cardIds: readonly number[]): Promise<Map<number, number>> {
    if (cardIds.length === 0) return new Map();
    const rows: { cardId: number; n: number | string }[] = await this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select('r.card_id', 'cardId')
      .addSelect('COUNT(*)', 'n')
      .where('r.card_id IN (:...ids)', { ids: [...cardIds] })
      .groupBy('r.card_id')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.cardId), Number(r.n)]));
  }

  /** Requests each of these owners holds in these statuses. */
  async countOwned(
    ownerUserIds: readonly number[],
    statuses: readonly string[],
  ): Promise<Map<number, number>> {
    if (ownerUserIds.length === 0) return new Map();
    const rows: { userId: number; n: number | string }[] = await this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select('r.owner_user_id', 'userId')
      .addSelect('COUNT(*)', 'n')
      .where('r.owner_user_id IN (:...users) AND r.status IN (:...statuses)', {
        users: [...new Set(ownerUserIds)],
        statuses: [...statuses],
      })
      .groupBy('r.owner_user_id')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.userId), Number(r.n)]));
  }

  /** Requests per household in these statuses (a household's open requests). */
  async countByHouseholds(
    householdIds: readonly number[],
    statuses: readonly string[],
  ): Promise<Map<number, number>> {
    if (householdIds.length === 0) return new Map();
    const rows: { householdId: number; n: number | string }[] = await this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select('r.household_id', 'householdId')
      .addSelect('COUNT(*)', 'n')
      .where('r.household_id IN (:...households) AND r.status IN (:...statuses)', {
        households: [...new Set(householdIds)],
        statuses: [...statuses],
      })
      .groupBy('r.household_id')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.householdId), Number(r.n)]));
  }

  /** The requests each visit was turned into, oldest first; every id gets an entry. */
  async byVisits(
    visitIds: readonly number[],
  ): Promise<Map<number, { id: number; number: string }[]>> {
    const out = new Map<number, { id: number; number: string }[]>(visitIds.map((id) => [id, []]));
    if (visitIds.length === 0) return out;
    const rows = await this.db.getRepository(RequestEntity).find({
      where: { visitId: In([...new Set(visitIds)]) },
      select: ['id', 'number', 'visitId'],
      order: { id: 'ASC' },
    });
    for (const r of rows) out.get(r.visitId!)?.push({ id: r.id, number: r.number });
    return out;
  }

  /** The requests an owner holds in these statuses, locked for a hand-over (事随人转). */
  async lockOwned(
    m: EntityManager,
    ownerUserId: number,
    statuses: readonly string[],
  ): Promise<RequestEntity[]> {
    const rows: { id: number }[] = await m.query(
      `SELECT id FROM request WHERE owner_user_id = ? AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY id${forUpdate(m)}`,
      [ownerUserId, ...statuses],
    );
    return this.findByIds(
      rows.map((r) => Number(r.id)),
      m,
    );
  }

  /** The next ids after `afterId`, in order: walking every request in batches. */
  async idsAfter(afterId: number, limit: number): Promise<number[]> {
    const rows: { id: number | string }[] = await this.db.query(
      'SELECT id FROM request WHERE id > ? ORDER BY id LIMIT ?',
      [afterId, limit],
    );
    return rows.map((r) => Number(r.id));
  }

  findByIds(ids: readonly number[], m: EntityManager = this.db.manager): Promise<RequestEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return m.getRepository(RequestEntity).find({ where: { id: In([...new Set(ids)]) } });
  }

  private async claim(
    m: EntityManager,
    condition: string,
    at: Date,
    limit: number,
  ): Promise<RequestEntity[]> {
    const rows: { id: number }[] = await m.query(
      `SELECT id FROM request WHERE ${condition} LIMIT ${Number(limit)}${skipLocked(m)}`,
      [dbTime(m, at)],
    );
    return this.findByIds(
      rows.map((r) => Number(r.id)),
      m,
    );
  }

  /* ---- 当场解决 confirmation codes ---- */

  /** Stores a new code for the request, spending every earlier one. */
  async replaceConfirmation(
    m: EntityManager,
    requestId: number,
    code: { tokenHash: string; expiresAt: Date; bySms: boolean },
    now: Date,
  ): Promise<void> {
    const codes = m.getRepository(RequestConfirmationEntity);
    await codes.update({ requestId, spentAt: IsNull() }, { spentAt: now });
    await codes.insert({
      requestId,
      tokenHash: code.tokenHash,
      expiresAt: code.expiresAt,
      smsSentAt: code.bySms ? now : null,
      spentAt: null,
    });
  }

  /** Spends every code still out for the request (it was confirmed another way). */
  async spendConfirmations(m: EntityManager, requestId: number, now: Date): Promise<void> {
    await m
      .getRepository(RequestConfirmationEntity)
      .update({ requestId, spentAt: IsNull() }, { spentAt: now });
  }

  /** When a code for the request was last sent by SMS, if ever. */
  async lastConfirmationSmsAt(requestId: number): Promise<Date | null> {
    const latest = await this.db.getRepository(RequestConfirmationEntity).findOne({
      where: { requestId, smsSentAt: Not(IsNull()) },
      order: { id: 'DESC' },
      select: ['id', 'smsSentAt'],
    });
    return latest?.smsSentAt ?? null;
  }

  findConfirmation(tokenHash: string): Promise<RequestConfirmationEntity | null> {
    return this.db.getRepository(RequestConfirmationEntity).findOne({ where: { tokenHash } });
  }

  /** Spends the code once; false when it was spent already (a second tap, a race). */
  async spendConfirmation(m: EntityManager, id: number, now: Date): Promise<boolean> {
    const spent = await m
      .getRepository(RequestConfirmationEntity)
      .update({ id, spentAt: IsNull() }, { spentAt: now });
    return spent.affected === 1;
  }

  private base(): SelectQueryBuilder<RequestEntity> {
    return this.db.getRepository(RequestEntity).createQueryBuilder('r');
  }

  private notAbout(qb: SelectQueryBuilder<RequestEntity>, cadreId: number | null): void {
    if (cadreId === null) return;
    qb.andWhere('(r.subject_cadre_id IS NULL OR r.subject_cadre_id <> :cadreId)', { cadreId });
  }

  private async page(qb: SelectQueryBuilder<RequestEntity>, slice: PageSlice) {
    const [rows, total] = await qb.skip(slice.offset).take(slice.limit).getManyAndCount();
    return { rows, total };
  }

  /**
   * The next public number of the day (MQ-20261121-0042). The upsert takes the day's row lock on
   * MySQL, so concurrent submissions get distinct numbers; SQLite serialises writers anyway.
   */
  /**
   * The next public number of `at`'s local day (MQ-20261121-0042), in one statement of its own,
   * outside any submission's transaction: the day's counter row, which every submission of the
   * day writes, is locked for that one statement only, not until a whole submission commits.
   * A submission that fails afterwards leaves its number unused: numbers are unique and rise
   * through the day, with gaps.
   */
  async takeNumber(at: Date): Promise<string> {
    const localDate = localDateOf(at);
    const day = localDate.replace(/-/g, '');
    if (this.db.options.type === 'better-sqlite3') {
      const rows: { last_value: number }[] = await this.db.query(
        'INSERT INTO day_sequence (day, last_value) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last_value = last_value + 1 RETURNING last_value',
        [day],
      );
      return formatRequestNumber(localDate, Number(rows[0]?.last_value));
    }
    // LAST_INSERT_ID(expr) hands the new value back in the statement's own answer.
    const done: { insertId: number } = await this.db.query(
      'INSERT INTO day_sequence (day, last_value) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)',
      [day],
    );
    return formatRequestNumber(localDate, Number(done.insertId));
  }
}
