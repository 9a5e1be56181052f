import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  compareFractions,
  daysBetween,
  localDateOf,
  type Page,
  parseQuarter,
  quarterLabel,
  quarterOf,
  startOfLocalDay,
  UNVISITED_DAYS,
  type UnvisitedHousehold,
  type UnvisitedQuery,
  type VisitCoverage,
  type VisitCoverageQuery,
  type VisitCoverageRow,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { pageOf, sliceOf } from '../../common/paging';
import { CadreRepository } from '../cadre/cadre.repository';
import { HouseholdPresenter } from '../fieldwork/household-presenter';
import { HouseholdRepository } from '../household/household.repository';
import { VisitRepository } from '../household/visit.repository';
import { OrgRepository } from '../org/org.repository';
import { OfficeScope } from './office-scope';

/**
 * What the office sees of the cadres' visits (走访日记): coverage per cadre for a quarter, and the
 * households nobody has visited for 90 days, 特殊群体 first. Counts only, and household lists with
 * the phone masked: what a visit found stays between the cadre and the household.
 */
@Injectable()
export class OfficeVisits {
  constructor(
    private readonly org: OrgRepository,
    private readonly cadres: CadreRepository,
    private readonly households: HouseholdRepository,
    private readonly visits: VisitRepository,
    private readonly presenter: HouseholdPresenter,
    private readonly scope: OfficeScope,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * 走访覆盖率: for each cadre in post in the unit, their households linked now and how many were
   * visited in the quarter (by them or, before a hand-over, by the cadre before them). Lowest
   * coverage first, so the township sees who is behind.
   */
  async coverage(actor: RequestActor, query: VisitCoverageQuery): Promise<VisitCoverage> {
    const unitIds = await this.unitsOf(actor, query.unitId);
    const quarter =
      (query.quarter ? parseQuarter(query.quarter) : null) ??
      quarterOf(localDateOf(this.clock.now()));
    const cadres = await this.cadres.findActiveInUnits(unitIds);
    const ids = cadres.map((c) => c.id);
    const [linked, made, units] = await Promise.all([
      this.visits.coverage(ids, quarter.from, quarter.to),
      this.visits.countsByCadre(ids, quarter.from, quarter.to),
      this.org.findByIds(cadres.map((c) => c.orgUnitId)),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const rows: VisitCoverageRow[] = cadres
      .map((c) => {
        const l = linked.get(c.id);
        const v = made.get(c.id);
        return {
          cadreId: c.id,
          cadreName: c.name,
          unitName: unitNames.get(c.orgUnitId) ?? '',
          coverage: { numerator: l?.visited ?? 0, denominator: l?.linked ?? 0 },
          specialCoverage: { numerator: l?.specialVisited ?? 0, denominator: l?.special ?? 0 },
          visits: v?.visits ?? 0,
          dutyDayVisits: v?.dutyDay ?? 0,
        };
      })
      .filter((r) => r.coverage.denominator > 0 || r.visits > 0)
      .sort(
        (a, b) =>
          // No linked household: nothing to cover, listed last.
          Number(a.coverage.denominator === 0) - Number(b.coverage.denominator === 0) ||
          (a.coverage.denominator > 0 && b.coverage.denominator > 0
            ? compareFractions(
                a.coverage.numerator,
                a.coverage.denominator,
                b.coverage.numerator,
                b.coverage.denominator,
              )
            : 0) ||
          a.cadreId - b.cadreId,
      );
    const slice = sliceOf(query);
    return {
      quarter: quarter.key,
      label: quarterLabel(quarter),
      from: quarter.from,
      to: quarter.to,
      total: {
        numerator: rows.reduce((n, r) => n + r.coverage.numerator, 0),
        denominator: rows.reduce((n, r) => n + r.coverage.denominator, 0),
      },
      rows: pageOf(slice, rows.slice(slice.offset, slice.offset + slice.limit), rows.length),
    };
  }

  /** Households not visited for 90 days or more (never: once registered that long), 特殊群体 first. */
  async unvisited(actor: RequestActor, query: UnvisitedQuery): Promise<Page<UnvisitedHousehold>> {
    const unitIds = await this.unitsOf(actor, query.unitId);
    const today = localDateOf(this.clock.now());
    const cutoff = addDays(today, -(UNVISITED_DAYS - 1));
    const slice = sliceOf(query);
    const [rows, total] = await this.households.unvisitedPage(
      { unitIds, cadreId: query.cadreId },
      cutoff,
      startOfLocalDay(cutoff),
      slice,
    );
    const views = await this.presenter.present(rows);
    return pageOf(
      slice,
      views.map((household) => ({
        household,
        daysSince: household.lastVisitOn ? daysBetween(household.lastVisitOn, today) : null,
      })),
      total,
    );
  }

  private async unitsOf(actor: RequestActor, unitId: number | undefined): Promise<number[]> {
    const under = unitId ? (await this.scope.unit(actor, unitId)).path : this.scope.path(actor);
    return this.org.subtreeIds(under);
  }
}
