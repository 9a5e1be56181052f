import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BOARD_STATUSES, CONDUCT_CATEGORY } from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { subtreePattern } from '../../common/access/access-policy';
import { RequestClockEntity } from './request-clock.entity';
import { RequestEntity } from './request.entity';

/**
 * How many candidate requests the board's read considers, the latest first: far more than a
 * village submits in three months, and few enough for one `IN (…)` on every database.
 */
const MAX_CANDIDATES = 5000;

/**
 * The only columns the village board (公示栏) ever reads. Nothing the resident gave (text, phone,
 * location, photos, who they are) and nothing about ratings is among them; `id` orders the list
 * and never leaves the server.
 */
export const BOARD_COLUMNS = [
  'id',
  'category',
  'publicSummary',
  'status',
  'ownerUserId',
  'submittedAt',
  'dueAt',
  'resolutionOutcome',
] as const satisfies readonly (keyof RequestEntity)[];

/** A request as the board may read it: these columns and no other. */
export type BoardRow = Pick<RequestEntity, (typeof BOARD_COLUMNS)[number]>;

/** A request's 公示 columns, as staff edit them. */
export type PublicState = Pick<
  RequestEntity,
  'id' | 'category' | 'status' | 'submittedAt' | 'publicSummary' | 'publicHidden' | 'ownerUnitPath'
>;

/**
 * The board's reads and the 公示 columns' writes. The board's query is here alone, with an explicit
 * select list, so that no change elsewhere in the request module can widen what the public sees.
 */
@Injectable()
export class BoardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A village's requests on the board since `since`, the latest first, at most `limit` (and one
   * more, so the caller knows there are more): held in the village's subtree now or ever (a request
   * escalated to the township is still the village's), with a summary, not hidden, not a conduct
   * complaint, in a status the board shows.
   *
   * Two index range reads find the candidates (held there now: `owner_unit_path`; held there
   * before: the clocks' `owner_unit_path, due_at`, every clock of a request submitted since then
   * being due after it), then one read takes the board's columns of those: a county's years of
   * requests are never scanned for one village's page.
   */
  async publicItems(villagePath: string, since: Date, limit: number): Promise<BoardRow[]> {
    const ids = await this.candidates(villagePath, since);
    if (ids.length === 0) return [];
    const rows = await this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select(BOARD_COLUMNS.map((c) => `r.${c}`))
      .where('r.id IN (:...ids)', { ids })
      .andWhere('r.submitted_at >= :since', { since })
      .andWhere("r.public_summary IS NOT NULL AND r.public_summary <> ''")
      .andWhere('r.public_hidden = 0')
      .andWhere('r.category <> :conduct', { conduct: CONDUCT_CATEGORY })
      .andWhere('r.status IN (:...statuses)', { statuses: [...BOARD_STATUSES] })
      .orderBy('r.submitted_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return rows.map((r) => pick(r, BOARD_COLUMNS));
  }

  /** The ids of the requests held in the subtree since `since`, the latest (highest) first. */
  private async candidates(villagePath: string, since: Date): Promise<number[]> {
    const like = subtreePattern(villagePath);
    const [held, clocked] = await Promise.all([
      this.db
        .getRepository(RequestEntity)
        .createQueryBuilder('r')
        .select('r.id', 'id')
        .where('r.owner_unit_path LIKE :like', { like })
        .andWhere('r.submitted_at >= :since', { since })
        .getRawMany<{ id: number | string }>(),
      this.db
        .getRepository(RequestClockEntity)
        .createQueryBuilder('c')
        .select('c.request_id', 'id')
        .where('c.owner_unit_path LIKE :like', { like })
        .andWhere('c.due_at >= :since', { since })
        .getRawMany<{ id: number | string }>(),
    ]);
    const ids = [...new Set([...held, ...clocked].map((r) => Number(r.id)))];
    // Ids grow with submission: beyond MAX_CANDIDATES, the oldest could not make the page anyway.
    return ids.sort((a, b) => b - a).slice(0, MAX_CANDIDATES);
  }

  /** A request's 公示 columns (and where it is held), for a staff edit. */
  async publicState(id: number, m: EntityManager = this.db.manager): Promise<PublicState | null> {
    const row = await m.getRepository(RequestEntity).findOne({
      where: { id },
      select: [
        'id',
        'category',
        'status',
        'submittedAt',
        'publicSummary',
        'publicHidden',
        'ownerUnitPath',
      ],
    });
    return row;
  }

  /**
   * Writes the 公示 columns without bumping the request's version: staff editing what the board
   * says must not turn the owner's next move into a conflict.
   */
  async setPublic(
    m: EntityManager,
    id: number,
    set: { publicSummary?: string; publicHidden?: boolean },
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(RequestEntity)
      .set({ ...set, version: () => 'version' })
      .where('id = :id', { id })
      .execute();
  }
}

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}
