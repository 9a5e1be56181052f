import { Inject, Injectable } from '@nestjs/common';
import {
  type CadreFigures,
  daysOfMonth,
  emptyTotals,
  FIGURE_PARTS,
  type FigureLevel,
  type FigureRef,
  type FigureRequest,
  type FigureRequestsQuery,
  type FigureRow,
  type FigureSeries,
  type FigureSeriesQuery,
  type FiguresQuery,
  type FigureSet,
  isWithinPath,
  localDateOf,
  localDay,
  monthKey,
  monthOfDay,
  type MetricsSummary,
  type MetricTotals,
  type MyFigures,
  type MyFiguresQuery,
  type Page,
  RANKING_MIN_RATINGS,
  RATING_FIGURES,
  rankUnits,
  rollupPlan,
  summaryOf,
  toDayRange,
  type UnitFigures,
  type UnitFiguresQuery,
  addMeasures,
  type CategoryCode,
  statusSeenBy,
} from '@mqlk/shared';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { pageOf, sliceOf } from '../../common/paging';
import { CadreRepository, type CadreRosterEntry } from '../cadre/cadre.repository';
import type { CadreEntity } from '../cadre/cadre.entity';
import { MetricRepository, type SumCell, type SumRow } from '../metrics/metric.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgRepository, type UnitOutline } from '../org/org.repository';
import { RequestRepository } from '../request/request.repository';
import { UserRepository } from '../user/user.repository';

/** Which kinds of unit a unit's page may list as rows. */
const LEVELS_BELOW: Record<OrgUnitEntity['kind'], readonly FigureLevel[]> = {
  county: ['township', 'village', 'grid', 'cadre'],
  township: ['village', 'grid', 'cadre'],
  village: ['grid', 'cadre'],
  grid: ['cadre'],
};

interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The figures pages, read from the rollups (metric_daily, metric_monthly): never from the raw
 * rows, so that an answer costs the same after years of data. Sums are added up per owner and
 * unit, then divided by the shared definitions (`summaryOf`).
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly org: OrgRepository,
    private readonly cadres: CadreRepository,
    private readonly users: UserRepository,
    private readonly requests: RequestRepository,
    private readonly metrics: MetricRepository,
    private readonly policy: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A unit's figures: in total, one page of its rows (per cadre or per unit of a level below),
   * and the ranking of every row. Only the page's rows are worked out into figures.
   */
  async unitFigures(
    actor: RequestActor,
    q: UnitFiguresQuery,
    now = this.clock.now(),
  ): Promise<UnitFigures> {
    const { rows, ...sheet } = await this.sheet(actor, q, now);
    const slice = sliceOf(q);
    const page = rows.slice(slice.offset, slice.offset + slice.limit).map(figureRowOf);
    return { ...sheet, rows: pageOf(slice, page, rows.length) };
  }

  /** Every row of a unit's figures at once: the monthly report's rankings, the five columns. */
  async allUnitFigures(
    actor: RequestActor,
    q: UnitFiguresQuery,
    now = this.clock.now(),
  ): Promise<UnitFigureSheet> {
    const { rows, ...sheet } = await this.sheet(actor, q, now);
    return { ...sheet, rows: rows.map(figureRowOf) };
  }

  private async sheet(
    actor: RequestActor,
    q: UnitFiguresQuery,
    now: Date,
  ): Promise<Omit<UnitFigures, 'rows'> & { rows: SheetRow[] }> {
    const unit = await this.scopeUnit(actor, q.unitId);
    if (!LEVELS_BELOW[unit.kind].includes(q.level)) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'level', message: '这一级单位下面没有这个层级' },
      ]);
    }
    const period = this.periodOf(q, now);
    // Independent reads, side by side on the pool's connections.
    const [cells, categories, [units, inPost]] = await Promise.all([
      // Per cadre the rows need the owner (and whether they are the subject), per unit the unit.
      this.cellsOf(
        unit.path,
        period,
        now,
        q.level === 'cadre' ? ['owner_user_id', 'self_subject'] : ['unit_path'],
      ),
      this.metrics.categorySums({
        ...rollupPlan(toDayRange(period), localDay(now)),
        unitPath: unit.path,
      }),
      // The subtree, then (per cadre) who is in post in it, while the sums are read.
      this.org.outlineOf(unit.path).then(
        async (units) =>
          [
            units,
            q.level === 'cadre'
              ? await this.cadres.rosterOf(
                  units.map((u) => u.id),
                  [],
                )
              : [],
          ] as const,
      ),
    ]);
    const total = sumOf(cells);
    const rows =
      q.level === 'cadre'
        ? await this.cadreRows(actor, units, inPost, cells)
        : this.unitRows(units, q.level, cells);
    const refs = new Map(rows.map((r) => [r.key, refOf(r)]));
    const ranking = rankUnits(
      rows
        .filter((r) => r.kind !== 'staff')
        .map((r) => ({
          key: r.key,
          satisfied: satisfiedCount(r.totals),
          rated: ratingCount(r.totals),
        })),
      { baseline: { satisfied: satisfiedCount(total), rated: ratingCount(total) } },
    );
    return {
      period,
      scope: { unitId: unit.id, name: unit.name, kind: unit.kind },
      level: q.level,
      total: summaryOf(total),
      rows,
      ranking: {
        ...ranking,
        ranked: ranking.ranked.map((e) => ({ ...e, ...refs.get(e.key)! })),
        insufficient: ranking.insufficient.map((e) => ({ ...e, ...refs.get(e.key)! })),
      },
      categories: [...categories.entries()]
        .filter(([, received]) => received > 0)
        .map(([category, received]) => ({ category: category as CategoryCode, received }))
        .sort((a, b) => b.received - a.received || (a.category < b.category ? -1 : 1)),
    };
  }

  /** Month by month, for a unit or for one cadre's part of it. */
  async figureSeries(
    actor: RequestActor,
    q: FigureSeriesQuery,
    now = this.clock.now(),
  ): Promise<FigureSeries> {
    const unit = await this.scopeUnit(actor, q.unitId);
    const cadre = q.cadreId ? await this.cadreIn(unit, q.cadreId) : null;
    const months = this.monthsOf(q, now);
    const series = await this.series(unit.path, months, now, cadre?.userId);
    return {
      scope: { unitId: unit.id, name: unit.name, cadreId: cadre?.id ?? null },
      months: series.map((s) => ({ ...s, figures: summaryOf(s.totals) })),
    };
  }

  /**
   * The last `count` months of a unit's figures for the village board (公示栏), the same sums as
   * figureSeries. No actor: the caller has decided the unit's figures are public.
   */
  async publicMonths(
    unitPath: string,
    count: number,
    now = this.clock.now(),
  ): Promise<{ month: string; figures: MetricsSummary }[]> {
    const last = monthOfDay(localDay(now));
    const series = await this.series(unitPath, { first: last - count + 1, last }, now);
    return series.map((s) => ({ month: s.month, figures: summaryOf(s.totals) }));
  }

  /** A cadre's own figures, wherever they earned them; ratings only over at least 5 of them. */
  async myFigures(
    actor: RequestActor,
    q: MyFiguresQuery,
    now = this.clock.now(),
  ): Promise<MyFigures> {
    const cadre = await this.cadres.findActiveByUserId(actor.userId);
    if (!cadre) throw new AppError('FORBIDDEN');
    const period = this.periodOf(q, now);
    const cells = await this.cellsOf('/', period, now, [], actor.userId);
    const current = monthOfDay(localDay(now));
    const series = await this.series(
      '/',
      { first: current - 11, last: current },
      now,
      actor.userId,
    );
    const guarded = (totals: MetricTotals) => {
      const shown = ratingCount(totals) >= RANKING_MIN_RATINGS;
      return {
        figures: shown ? summaryOf(totals) : withoutRatings(summaryOf(totals)),
        ratingsShown: shown,
      };
    };
    return {
      period,
      name: cadre.name,
      ...guarded(sumOf(cells)),
      months: series.map((s) => ({ month: s.month, period: s.period, ...guarded(s.totals) })),
    };
  }

  /** The facts behind one part of one figure, as requests; the list is as long as the number. */
  async figureRequests(
    actor: RequestActor,
    q: FigureRequestsQuery,
    now = this.clock.now(),
  ): Promise<Page<FigureRequest>> {
    const parts = FIGURE_PARTS[q.figure];
    const measures = q.part === 'numerator' ? parts.numerator : parts.denominator;
    if (!measures) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'part', message: '这个指标没有分母' }]);
    }
    let unitPath: string;
    let ownerUserId: number | undefined;
    const staff = actor.role !== 'cadre';
    if (staff) {
      const unit = await this.scopeUnit(actor, q.unitId);
      unitPath = unit.path;
      if (q.cadreId) ownerUserId = (await this.cadreIn(unit, q.cadreId)).userId;
      else if (q.staffUserId) ownerUserId = q.staffUserId;
    } else {
      // A cadre opens only their own numbers, and never those that rest on ratings.
      if (RATING_FIGURES.includes(q.figure)) throw new AppError('FORBIDDEN');
      unitPath = '/';
      ownerUserId = actor.userId;
    }
    const period = this.periodOf(q, now);
    const range = toDayRange(period);
    const slice = sliceOf(q);
    const [facts, total] = await this.metrics.factPage(
      { range, nowMs: now.getTime(), unitPath, ownerUserId },
      measures,
      slice,
    );
    const requests = new Map(
      (await this.requests.findByIds(facts.map((f) => f.requestId))).map((r) => [r.id, r]),
    );
    const names = await this.users.displayNames(facts.map((f) => f.ownerUserId));
    return pageOf(
      slice,
      facts.map((f) => {
        const r = requests.get(f.requestId)!;
        const due = f.deadlineDue + f.acceptDue > 0;
        const level = ([1, 2, 3, 4, 5] as const).find((k) => f[`rating${k}`] > 0) ?? null;
        return {
          requestId: r.id,
          number: r.number,
          submittedAt: r.submittedAt.toISOString(),
          category: r.category,
          // A cadre reads resolved, under review and closed alike (已办结): nothing tells them a rating.
          status: statusSeenBy(r.status, this.policy.actorFor(actor, r), r.level),
          ownerName: names.get(f.ownerUserId) ?? '—',
          date: dateOfDay(f.day),
          clock: due ? (f.deadlineMet + f.acceptMet > 0 ? 'met' : 'missed') : null,
          ratingLevel: staff ? level : null,
        };
      }),
      total,
    );
  }

  /** The five columns of the first staff page, now from the rollups too. */
  async cadreFigures(
    actor: RequestActor,
    q: FiguresQuery,
    now = this.clock.now(),
  ): Promise<CadreFigures> {
    const figures = await this.allUnitFigures(actor, { ...q, level: 'cadre' }, now);
    const counts = (s: FigureSet) => ({
      received: s.received,
      resolved: s.resolved,
      ratings: s.ratings,
      satisfaction: s.satisfaction,
      participation: s.participation,
    });
    const cadreIds = figures.rows.filter((r) => r.kind === 'cadre').map((r) => r.id);
    const profiles = new Map((await this.cadres.findByIds(cadreIds)).map((c) => [c.id, c]));
    return {
      period: figures.period,
      scope: { unitId: figures.scope.unitId, name: figures.scope.name },
      rows: figures.rows
        .filter((r) => r.kind === 'cadre' && profiles.get(r.id)?.active)
        .map((r) => ({
          cadreId: r.id,
          name: r.name,
          post: profiles.get(r.id)!.post,
          unitName: r.note.split(' · ').at(-1) ?? '',
          ...counts(r.figures),
        })),
      total: counts(figures.total),
    };
  }

  /* ---- reading the rollups ---- */

  /** Sums per owner and unit over a period, only those that count in it. */
  private async cellsOf(
    unitPath: string,
    period: Period,
    now: Date,
    by: readonly SumCell[],
    ownerUserId?: number,
  ): Promise<SumRow[]> {
    const range = toDayRange(period);
    const rows = await this.metrics.sums({
      ...rollupPlan(range, localDay(now)),
      nowMs: now.getTime(),
      unitPath,
      by,
      ...(ownerUserId === undefined ? {} : { ownerUserId }),
      // A resolution counts only when it is the request's latest inside the period.
      countedAfter: range.last,
    });
    return rows;
  }

  private async series(
    unitPath: string,
    months: { first: number; last: number },
    now: Date,
    ownerUserId?: number,
  ): Promise<{ month: string; period: Period; totals: MetricTotals }[]> {
    const range = { first: daysOfMonth(months.first).first, last: daysOfMonth(months.last).last };
    const rows = await this.metrics.sums(
      {
        ...rollupPlan(range, localDay(now)),
        nowMs: now.getTime(),
        unitPath,
        // A month's totals only: no owner, unit or subject flag.
        by: [],
        ...(ownerUserId === undefined ? {} : { ownerUserId }),
        // What counts in no month of the series (each month's own rule is applied below).
        countedAfter: daysOfMonth(months.first).last,
      },
      true,
    );
    const out = [];
    for (let month = months.first; month <= months.last; month++) {
      const days = daysOfMonth(month);
      const totals = sumOf(rows.filter((r) => r.month === month && r.nextDay! > days.last));
      out.push({
        month: monthKey(month),
        period: { from: dateOfDay(days.first), to: dateOfDay(days.last) },
        totals,
      });
    }
    return out;
  }

  /** One row per cadre of `units` (the unit's subtree) and per staff member with work in it. */
  private async cadreRows(
    actor: RequestActor,
    units: readonly UnitOutline[],
    inPost: readonly CadreRosterEntry[],
    cells: SumRow[],
  ): Promise<SheetRow[]> {
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const unitOrder = new Map(units.map((u, i) => [u.id, i]));
    const byUser = new Map<number, CadreRosterEntry>(inPost.map((c) => [c.userId, c]));
    // Whoever else owns a cell: a cadre who moved on or works elsewhere now, or a staff member.
    const others = [
      ...new Set(cells.map((c) => c.ownerUserId).filter((id) => id > 0 && !byUser.has(id))),
    ];
    for (const c of others.length > 0 ? await this.cadres.rosterOf([], others) : []) {
      byUser.set(c.userId, c);
    }
    const staffNames = await this.users.displayNames(others.filter((id) => !byUser.has(id)));
    const byOwner = totalsBy(
      cells.filter((c) => !c.selfSubject),
      (c) => [c.ownerUserId],
    );
    const mine = (userId: number) => byOwner.get(userId) ?? emptyTotals();
    // A staff member who also carries a card reads everyone's row but their own: with a short
    // period it could single out one resident's rating.
    const cadres = [...byUser.values()]
      .filter((c) => c.userId !== actor.userId)
      .sort(
        (a, b) =>
          (unitOrder.get(a.orgUnitId) ?? 1e9) - (unitOrder.get(b.orgUnitId) ?? 1e9) || a.id - b.id,
      );
    return [
      ...cadres.map((c) => ({
        key: `cadre:${c.id}`,
        kind: 'cadre' as const,
        id: c.id,
        name: c.name,
        note: `${c.post} · ${unitName.get(c.orgUnitId) ?? ''}${c.active ? '' : '（已离岗）'}`,
        totals: mine(c.userId),
      })),
      ...[...staffNames.entries()]
        .filter(([userId]) => userId !== actor.userId)
        .map(([userId, name]) => ({
          key: `staff:${userId}`,
          kind: 'staff' as const,
          id: userId,
          name,
          note: '乡镇工作人员直接办理',
          totals: mine(userId),
        })),
    ];
  }

  /** One row per unit of a level in `units` (the unit's subtree). */
  private unitRows(units: readonly UnitOutline[], level: FigureLevel, cells: SumRow[]): SheetRow[] {
    const name = new Map(units.map((u) => [u.id, u.name]));
    // Each cell counts in its unit and every unit above it: '/1/2/5/' in '/1/', '/1/2/', '/1/2/5/'.
    const byPath = totalsBy(
      cells.filter((c) => c.unitPath !== ''),
      (c) => ancestorPaths(c.unitPath),
    );
    return units
      .filter((u) => u.kind === level)
      .map((u) => ({
        key: `unit:${u.id}`,
        kind: 'unit' as const,
        id: u.id,
        name: u.name,
        note: `${u.parentId ? (name.get(u.parentId) ?? '') : ''}${u.retired ? '（已撤销）' : ''}`,
        totals: byPath.get(u.path) ?? emptyTotals(),
      }));
  }

  /* ---- scope and period ---- */

  private async scopeUnit(actor: RequestActor, unitId: number | undefined): Promise<OrgUnitEntity> {
    const scope = this.policy.requireOfficeScope(actor);
    const unit = await this.org.findById(unitId ?? actor.orgUnitId ?? 0);
    if (!unit) throw new AppError('NOT_FOUND');
    if (!isWithinPath(unit.path, scope)) throw new AppError('OUT_OF_SCOPE');
    return unit;
  }

  /**
   * A cadre whose figures are read inside `unit`: wherever they are now, since what they earned
   * there stays theirs after they move (the sums are limited to the unit's subtree anyway).
   */
  private async cadreIn(_unit: OrgUnitEntity, cadreId: number): Promise<CadreEntity> {
    const cadre = await this.cadres.findById(cadreId);
    if (!cadre) throw new AppError('NOT_FOUND');
    return cadre;
  }

  /** Default: this month so far, in local (Asia/Shanghai) dates. */
  private periodOf(q: { from?: string; to?: string }, now: Date): Period {
    const today = localDateOf(now);
    const period = { from: q.from ?? `${today.slice(0, 7)}-01`, to: q.to ?? today };
    if (period.from > period.to) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    }
    return period;
  }

  /** Default: the last 12 months, this one included; at most 60. */
  private monthsOf(q: FigureSeriesQuery, now: Date): { first: number; last: number } {
    const parse = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const last = q.toMonth ? parse(q.toMonth) : monthOfDay(localDay(now));
    const first = q.fromMonth ? parse(q.fromMonth) : last - 11;
    if (first > last) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'fromMonth', message: '开始月份不能晚于结束月份' },
      ]);
    }
    if (last - first >= 60) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'fromMonth', message: '一次最多看60个月' },
      ]);
    }
    return { first, last };
  }
}

function sumOf(cells: readonly SumRow[]): MetricTotals {
  const totals = emptyTotals();
  for (const c of cells) addMeasures(totals, c.totals);
  return totals;
}

/** The cells' sums under each key a cell gives: one pass, however many rows the page has. */
function totalsBy<K>(cells: readonly SumRow[], keysOf: (c: SumRow) => K[]): Map<K, MetricTotals> {
  const out = new Map<K, MetricTotals>();
  for (const c of cells) {
    for (const key of keysOf(c)) {
      let totals = out.get(key);
      if (!totals) out.set(key, (totals = emptyTotals()));
      addMeasures(totals, c.totals);
    }
  }
  return out;
}

/** '/1/2/5/' → ['/1/', '/1/2/', '/1/2/5/']. */
function ancestorPaths(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1))
    out.push(path.slice(0, i + 1));
  return out;
}

function ratingCount(t: MetricTotals): number {
  return t.rating1 + t.rating2 + t.rating3 + t.rating4 + t.rating5;
}

/** 满意率's numerator: 基本满意 and above. */
function satisfiedCount(t: MetricTotals): number {
  return t.rating3 + t.rating4 + t.rating5;
}

/** A row of a unit's figures before its figures are worked out: its sums. */
type SheetRow = Omit<FigureRow, 'figures'> & { totals: MetricTotals };

/** A unit's figures with every row (not one page of them). */
export type UnitFigureSheet = Omit<UnitFigures, 'rows'> & { rows: FigureRow[] };

function figureRowOf({ totals, ...row }: SheetRow): FigureRow {
  return { ...row, figures: summaryOf(totals) };
}

function refOf(r: SheetRow): FigureRef {
  return { key: r.key, kind: r.kind, id: r.id, name: r.name };
}

/** The figures with everything that rests on ratings emptied (shown as 暂不显示, not 0). */
function withoutRatings(s: MetricsSummary): MetricsSummary {
  const none = { numerator: 0, denominator: 0, value: null };
  return {
    ...s,
    ratings: 0,
    badReviews: 0,
    satisfaction: none,
    verySatisfied: none,
    badReviewRate: none,
    averageScore: { count: 0, total: 0, value: null },
    solvedRate: none,
    participation: none,
    rectification: none,
  };
}
