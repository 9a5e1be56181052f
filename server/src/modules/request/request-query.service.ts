import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  allowedActions,
  canView,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  OPEN_STATUSES,
  type Page,
  type RatingTag,
  type RequestDetail,
  type RequestSummary,
  type TimelineEntry,
  ratingWindowEndsAt,
} from '@mqlk/shared';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { PhotoService } from '../photo/photo.service';
import { RatingEntity } from '../rating/rating.entity';
import { DeadlineRules } from './deadline-rules';
import { RequestEventEntity } from './request-event.entity';
import { RequestEntity } from './request.entity';
import { actorFor, stateOf } from './relations';

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export type InboxFilter = 'open' | 'done';
export type StaffQueue = 'all' | 'conduct' | 'overdue';

const PREVIEW_CHARS = 40;

@Injectable()
export class RequestQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deadlines: DeadlineRules,
    private readonly photos: PhotoService,
  ) {}

  /** 我的诉求: what this resident submitted, newest first. */
  mine(actor: RequestActor, q: PageQuery): Promise<Page<RequestSummary>> {
    if (actor.role !== 'resident') throw new AppError('FORBIDDEN');
    const qb = this.base()
      .where('r.requester_id = :id', { id: actor.userId })
      .orderBy('r.submitted_at', 'DESC')
      .addOrderBy('r.id', 'DESC');
    return this.page(qb, q);
  }

  /** A cadre's or staff member's own work, the most urgent first. */
  inbox(actor: RequestActor, filter: InboxFilter, q: PageQuery): Promise<Page<RequestSummary>> {
    if (actor.role === 'resident') throw new AppError('FORBIDDEN');
    const qb = this.base().where('r.owner_user_id = :id', { id: actor.userId });
    // Defensive: a conduct complaint never reaches the cadre it is about, even through bad data.
    if (actor.cadreId !== null)
      qb.andWhere('(r.subject_cadre_id IS NULL OR r.subject_cadre_id <> :cadre)', {
        cadre: actor.cadreId,
      });
    if (filter === 'open')
      qb.andWhere('r.status IN (:...open)', { open: OPEN_STATUSES }).orderBy('r.due_at', 'ASC');
    else
      qb.andWhere('r.status NOT IN (:...open)', { open: OPEN_STATUSES }).orderBy(
        'r.updated_at',
        'DESC',
      );
    return this.page(qb.addOrderBy('r.id', 'ASC'), q);
  }

  /** Township/county staff: everything owned inside their subtree, or one of its queues. */
  staffQueue(actor: RequestActor, queue: StaffQueue, q: PageQuery): Promise<Page<RequestSummary>> {
    if (actor.role !== 'staff' || !actor.orgUnitPath) throw new AppError('FORBIDDEN');
    const qb = this.base().where('r.owner_unit_path LIKE :scope', {
      scope: `${actor.orgUnitPath}%`,
    });
    if (actor.cadreId !== null) {
      qb.andWhere('(r.subject_cadre_id IS NULL OR r.subject_cadre_id <> :cadre)', {
        cadre: actor.cadreId,
      });
    }
    if (queue === 'conduct') qb.andWhere("r.category = 'conduct'");
    if (queue === 'overdue')
      qb.andWhere('r.status IN (:...open) AND r.due_at < :now', {
        open: OPEN_STATUSES,
        now: new Date(),
      });
    return this.page(qb.orderBy('r.due_at', 'ASC').addOrderBy('r.id', 'ASC'), q);
  }

  async detail(actor: RequestActor, id: number): Promise<RequestDetail> {
    const r = await this.db.getRepository(RequestEntity).findOne({ where: { id } });
    const who = r ? actorFor(actor, r) : null;
    if (!r || !who || !canView(stateOf(r), who)) throw new AppError('REQUEST_NOT_FOUND');
    const [summary] = await this.summaries(this.base().where('r.id = :id', { id }));
    const seesRatings =
      who.relations.includes('requester') || who.relations.includes('staff_in_scope');
    const ratings = seesRatings
      ? await this.db
          .getRepository(RatingEntity)
          .find({ where: { requestId: id }, order: { round: 'ASC' } })
      : [];
    const rateOpen =
      r.status === 'resolved' && r.resolvedAt && !ratings.some((x) => x.round === r.round);
    return {
      ...summary!,
      text: r.text,
      photos: (await this.photos.viewsForRequests([id])).get(id) ?? [],
      contactPhoneMasked: r.contactPhoneMasked,
      firstContactName: await this.cadreName(r.firstContactCadreId),
      round: r.round === 2 ? 2 : 1,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      resolutionOutcome: r.resolutionOutcome,
      resolutionNote: r.resolutionNote,
      rateUntil: rateOpen && r.resolvedAt ? ratingWindowEndsAt(r.resolvedAt).toISOString() : null,
      ratings: ratings.map((x) => ({
        round: x.round === 2 ? 2 : 1,
        level: x.level as 1 | 2 | 3 | 4 | 5,
        tags: (x.tags ? x.tags.split(',') : []) as RatingTag[],
        comment: x.comment ?? '',
        at: x.createdAt.toISOString(),
      })),
      timeline: await this.timeline(id, actor, seesRatings),
      allowedActions: allowedActions(stateOf(r), who).filter(
        (a) => a !== 'submit' && a !== 'record_on_spot',
      ),
    };
  }

  private base(): SelectQueryBuilder<RequestEntity> {
    return this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .leftJoin('user_account', 'o', 'o.id = r.owner_user_id')
      .select([
        'r.id AS id',
        'r.number AS number',
        'r.category AS category',
        'r.sub_topic AS sub_topic',
        'r.text AS text',
        'r.status AS status',
        'r.level AS level',
        'r.channel AS channel',
        'r.submitted_at AS submitted_at',
        'r.accept_due_at AS accept_due_at',
        'r.due_at AS due_at',
        'r.version AS version',
        'o.display_name AS owner_name',
      ]);
  }

  private async page(
    qb: SelectQueryBuilder<RequestEntity>,
    q: PageQuery,
  ): Promise<Page<RequestSummary>> {
    const page = Math.max(1, Math.floor(q.page ?? 1));
    const pageSize = Math.min(
      MAX_PAGE_SIZE,
      Math.max(1, Math.floor(q.pageSize ?? DEFAULT_PAGE_SIZE)),
    );
    const total = await qb.clone().orderBy().getCount();
    const items = await this.summaries(qb.offset((page - 1) * pageSize).limit(pageSize));
    return { items, page, pageSize, total };
  }

  private async summaries(qb: SelectQueryBuilder<RequestEntity>): Promise<RequestSummary[]> {
    const rows: Record<string, unknown>[] = await qb.getRawMany();
    const now = new Date();
    return rows.map((row) => {
      const status = row.status as RequestSummary['status'];
      const dueAt = toDate(row.due_at);
      const text = String(row.text);
      return {
        id: Number(row.id),
        number: String(row.number),
        category: row.category as RequestSummary['category'],
        subTopic: (row.sub_topic ?? null) as RequestSummary['subTopic'],
        preview:
          Array.from(text).length > PREVIEW_CHARS
            ? `${Array.from(text).slice(0, PREVIEW_CHARS).join('')}…`
            : text,
        status,
        level: row.level as RequestSummary['level'],
        channel: row.channel as RequestSummary['channel'],
        submittedAt: toDate(row.submitted_at).toISOString(),
        acceptDueAt: toDate(row.accept_due_at).toISOString(),
        dueAt: dueAt.toISOString(),
        ...this.deadlines.describe(status, dueAt, now),
        ownerName: String(row.owner_name ?? ''),
        version: Number(row.version),
      };
    });
  }

  /** Who did what, as this reader may see it: residents appear as 群众 to everyone but themselves. */
  private async timeline(
    requestId: number,
    reader: RequestActor,
    seesRatings: boolean,
  ): Promise<TimelineEntry[]> {
    const events = await this.db
      .getRepository(RequestEventEntity)
      .createQueryBuilder('e')
      .leftJoin('user_account', 'u', 'u.id = e.actor_user_id')
      .select([
        'e.id AS id',
        'e.action AS action',
        'e.actor_user_id AS actor_user_id',
        'e.actor_role AS actor_role',
        'e.from_status AS from_status',
        'e.to_status AS to_status',
        'e.note AS note',
        'e.created_at AS created_at',
        'u.display_name AS actor_name',
      ])
      .where('e.request_id = :requestId', { requestId })
      .orderBy('e.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return events.map((e) => ({
      id: Number(e.id),
      action: e.action as TimelineEntry['action'],
      actorLabel: actorLabel(e, reader),
      fromStatus: (e.from_status ?? null) as TimelineEntry['fromStatus'],
      toStatus: e.to_status as TimelineEntry['toStatus'],
      // A rating's comment is the resident's to give: cadres never read who said what.
      note: e.action === 'rate' && !seesRatings ? null : ((e.note ?? null) as string | null),
      at: toDate(e.created_at).toISOString(),
    }));
  }

  private async cadreName(cadreId: number | null): Promise<string | null> {
    if (cadreId === null) return null;
    const rows: { name: string }[] = await this.db.query('SELECT name FROM cadre WHERE id = ?', [
      cadreId,
    ]);
    return rows[0]?.name ?? null;
  }
}

function actorLabel(e: Record<string, unknown>, reader: RequestActor): string {
  if (e.actor_role === 'resident') return Number(e.actor_user_id) === reader.userId ? '我' : '群众';
  if (e.actor_role === 'system') return '系统';
  const name = String(e.actor_name ?? '');
  return e.actor_role === 'staff' ? `${name}（工作人员）` : name;
}

/** MySQL answers datetimes as Date, SQLite as 'YYYY-MM-DD HH:MM:SS.SSS' in UTC. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const s = String(value);
  return new Date(/Z|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}
