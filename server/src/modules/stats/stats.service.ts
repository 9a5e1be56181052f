import { Injectable } from '@nestjs/common';
import {
  type CadreFigures,
  computeMetrics,
  groupByCadre,
  isWithinPath,
  localDateOf,
  type MetricsSummary,
} from '@mqlk/shared';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { OrgRepository } from '../org/org.repository';
import { StatsRepository } from './stats.repository';

export interface FiguresQuery {
  from?: string;
  to?: string;
  unitId?: number;
}

const counts = (s: MetricsSummary) => ({
  received: s.received,
  resolved: s.resolved,
  ratings: s.ratings,
  satisfaction: s.satisfaction,
  participation: s.participation,
});

@Injectable()
export class StatsService {
  constructor(
    private readonly org: OrgRepository,
    private readonly stats: StatsRepository,
  ) {}

  /** One row per cadre in the staff member's scope (or a unit inside it), by the shared definitions. */
  async cadreFigures(
    actor: RequestActor,
    q: FiguresQuery,
    now = new Date(),
  ): Promise<CadreFigures> {
    const unit = await this.org.findById(q.unitId ?? actor.orgUnitId ?? 0);
    if (!unit) throw new AppError('NOT_FOUND');
    if (
      actor.role !== 'staff' ||
      !actor.orgUnitPath ||
      !isWithinPath(unit.path, actor.orgUnitPath)
    ) {
      throw new AppError('OUT_OF_SCOPE');
    }
    const period = this.periodOf(q, now);
    if (period.from > period.to) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    }
    const [cadres, requests] = await Promise.all([
      this.stats.cadresUnder(unit.path),
      this.stats.metricRequestsUnder(unit.path),
    ]);
    const options = { period, scope: { kind: 'unit' as const, path: unit.path }, now };
    const groups = groupByCadre(
      requests,
      cadres.map((c) => String(c.userId)),
      options,
    );
    return {
      period,
      scope: { unitId: unit.id, name: unit.name },
      rows: cadres.map((c, i) => ({
        cadreId: c.cadreId,
        name: c.name,
        post: c.post,
        unitName: c.unitName,
        ...counts(groups[i]!.summary),
      })),
      total: counts(computeMetrics(requests, options)),
    };
  }

  /** Default: this month so far, in local (Asia/Shanghai) dates. */
  private periodOf(q: FiguresQuery, now: Date): { from: string; to: string } {
    const today = localDateOf(now);
    return { from: q.from ?? `${today.slice(0, 7)}-01`, to: q.to ?? today };
  }
}
