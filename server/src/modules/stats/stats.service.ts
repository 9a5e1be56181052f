import { Inject, Injectable } from '@nestjs/common';
import {
  type CadreFigures,
  computeMetrics,
  type FiguresQuery,
  groupByCadre,
  localDateOf,
  type MetricsSummary,
} from '@mqlk/shared';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { CadreRepository } from '../cadre/cadre.repository';
import { OrgRepository } from '../org/org.repository';
import { MetricRows } from './metric-rows';

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
    private readonly cadres: CadreRepository,
    private readonly rows: MetricRows,
    private readonly policy: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One row per cadre in the staff member's scope (or a unit inside it), by the shared definitions. */
  async cadreFigures(
    actor: RequestActor,
    q: FiguresQuery,
    now = this.clock.now(),
  ): Promise<CadreFigures> {
    const unit = await this.org.findById(q.unitId ?? actor.orgUnitId ?? 0);
    if (!unit) throw new AppError('NOT_FOUND');
    this.policy.requireUnit(actor, unit.path);
    const period = this.periodOf(q, now);
    if (period.from > period.to) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    }
    const units = await this.org.findSubtree(unit.path);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const unitOrder = new Map(units.map((u, i) => [u.id, i]));
    const [cadres, requests] = await Promise.all([
      this.cadres.findActiveInUnits(units.map((u) => u.id)),
      this.rows.under(unit.path),
    ]);
    cadres.sort((a, b) => unitOrder.get(a.orgUnitId)! - unitOrder.get(b.orgUnitId)! || a.id - b.id);
    // A staff member who also carries a card reads everyone's row but their own: with a short
    // period it could single out one resident's rating (their own figures come with issue 9).
    const others = cadres.filter((c) => c.userId !== actor.userId);
    const options = { period, scope: { kind: 'unit' as const, path: unit.path }, now };
    const groups = groupByCadre(
      requests,
      others.map((c) => String(c.userId)),
      options,
    );
    return {
      period,
      scope: { unitId: unit.id, name: unit.name },
      rows: others.map((c, i) => ({
        cadreId: c.id,
        name: c.name,
        post: c.post,
        unitName: unitName.get(c.orgUnitId) ?? '',
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
