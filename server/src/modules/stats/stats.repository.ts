import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MetricRequest, MetricResolution } from '@mqlk/shared';
import type { DataSource } from 'typeorm';
import { toDate } from '../request/request-query.service';

export interface ScopedCadre {
  cadreId: number;
  userId: number;
  name: string;
  post: string;
  unitName: string;
}

/**
 * Raw rows for the figures, read as plain rows (not entities) and turned into the shape the shared
 * reference functions take. Everything is keyed by user id: ratings and ownership are per account.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async cadresUnder(path: string): Promise<ScopedCadre[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.id, c.user_id, c.name, c.post, o.name AS unit_name
         FROM cadre c JOIN org_unit o ON o.id = c.org_unit_id
        WHERE o.path LIKE ? AND c.active = 1
        ORDER BY o.path, c.id`,
      [`${path}%`],
    );
    return rows.map((r) => ({
      cadreId: Number(r.id),
      userId: Number(r.user_id),
      name: String(r.name),
      post: String(r.post),
      unitName: String(r.unit_name),
    }));
  }

  /** Requests owned in the subtree now, or rated to someone in it (ratings stay where they were earned). */
  async metricRequestsUnder(path: string): Promise<MetricRequest[]> {
    const like = `${path}%`;
    const requests: Record<string, unknown>[] = await this.db.query(
      `SELECT r.id, r.category, r.status, r.submitted_at, r.accepted_at, r.owner_user_id, r.owner_unit_path,
              r.due_at, sc.user_id AS subject_user_id
         FROM request r LEFT JOIN cadre sc ON sc.id = r.subject_cadre_id
        WHERE r.owner_unit_path LIKE ?
           OR r.id IN (SELECT request_id FROM rating WHERE owner_unit_path LIKE ?)`,
      [like, like],
    );
    // The same subtree as a subquery: an IN list of every id would hit parameter limits.
    const inScope = `SELECT r.id FROM request r WHERE r.owner_unit_path LIKE ?
      OR r.id IN (SELECT request_id FROM rating WHERE owner_unit_path LIKE ?)`;
    const ratings: Record<string, unknown>[] = await this.db.query(
      `SELECT request_id, round, level, excluded, created_at FROM rating WHERE request_id IN (${inScope})`,
      [like, like],
    );
    const events: Record<string, unknown>[] = await this.db.query(
      `SELECT request_id, action, payload, created_at FROM request_event
        WHERE request_id IN (${inScope}) AND action IN ('resolve', 'confirm', 'verify') ORDER BY id`,
      [like, like],
    );
    const eventsOf = groupByRequest(events);
    const ratingsOf = groupByRequest(ratings);
    return requests.map((r) => {
      const id = Number(r.id);
      const mine = eventsOf.get(id) ?? [];
      const verify = mine.filter((e) => e.action === 'verify').at(-1);
      return {
        id: String(id),
        category: r.category as MetricRequest['category'],
        status: r.status as MetricRequest['status'],
        subjectCadreId: r.subject_user_id === null ? null : String(r.subject_user_id),
        submittedAt: toDate(r.submitted_at),
        acceptedAt: r.accepted_at === null ? null : toDate(r.accepted_at),
        ownerId: String(r.owner_user_id),
        unitPath: String(r.owner_unit_path),
        dueAt: toDate(r.due_at),
        resolutions: mine.filter((e) => e.action !== 'verify').map(resolutionOf),
        ratings: (ratingsOf.get(id) ?? []).map((x) => ({
          at: toDate(x.created_at),
          round: Number(x.round) === 2 ? 2 : 1,
          level: Number(x.level) as 1 | 2 | 3 | 4 | 5,
          excluded: Boolean(Number(x.excluded)),
        })),
        verification: verify
          ? { at: toDate(verify.created_at), founded: Boolean(payloadOf(verify).founded) }
          : null,
      };
    });
  }
}

function groupByRequest(rows: Record<string, unknown>[]): Map<number, Record<string, unknown>[]> {
  const groups = new Map<number, Record<string, unknown>[]>();
  for (const row of rows) {
    const id = Number(row.request_id);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

function payloadOf(e: Record<string, unknown>): Record<string, unknown> {
  return typeof e.payload === 'string' ? (JSON.parse(e.payload) as Record<string, unknown>) : {};
}

function resolutionOf(e: Record<string, unknown>): MetricResolution {
  const p = payloadOf(e);
  return {
    at: toDate(e.created_at),
    round: Number(p.round) === 2 ? 2 : 1,
    level: (p.level ?? 'village') as MetricResolution['level'],
    ownerId: String(p.ownerUserId),
    unitPath: String(p.unitPath),
  };
}
