import { Inject, Injectable } from '@nestjs/common';
import {
  type FigureName,
  type FigureRequest,
  type FigureRequestsQuery,
  type FigureRow,
  localDateOf,
  MAX_PAGE_SIZE,
  type MonthlyReportQuery,
} from '@mqlk/shared';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditRepository } from '../audit/audit.repository';
import { OrgRepository } from '../org/org.repository';
import { type CardFont, resolveCardFont } from '../print/card-font';
import { RatingRepository } from '../rating/rating.repository';
import { RequestRepository } from '../request/request.repository';
import { StatsService, type UnitFigureSheet } from '../stats/stats.service';
import {
  type BadReviewLine,
  isPastMonth,
  type MonthlyReport,
  type OverdueLine,
  RANKING_LEVELS,
  reportFileNames,
  reportPeriod,
  type ReportRanking,
  reviewOutcome,
} from './monthly-report';
import { renderReportPdf } from './report-pdf';
import { reportSections } from './report-tables';
import { renderReportXlsx } from './report-xlsx';

export type ReportFormat = 'pdf' | 'xlsx';

export interface ReportFile {
  /** 石桥镇-2026年11月-月报.pdf */
  name: string;
  asciiName: string;
  bytes: Buffer;
}

/** Who a report was made for, on the audit log: a staff member, or the command (no account). */
export interface ReportReader {
  actorUserId: number | null;
  actorName: string;
}

type Scope = Required<Pick<FigureRequestsQuery, 'unitId' | 'from' | 'to'>>;

const rateOf = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

/**
 * 月报: a unit's figures for one month that is over, its rankings, the clocks it missed and its
 * bad reviews with what became of them, as a PDF or a workbook. Everything is read through the
 * figures (StatsService, which also checks the reader's scope); only a bad review's aftermath is
 * read from the request and its ratings as they stand now.
 */
@Injectable()
export class ReportService {
  private font: CardFont | undefined;

  constructor(
    private readonly stats: StatsService,
    private readonly org: OrgRepository,
    private readonly requests: RequestRepository,
    private readonly ratings: RatingRepository,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One download: built, rendered, and on the audit log before a byte is sent. */
  async download(
    actor: RequestActor,
    q: MonthlyReportQuery,
    format: ReportFormat,
  ): Promise<ReportFile> {
    const report = await this.build(actor, q);
    const bytes = await this.render(report, format);
    await this.record({ actorUserId: actor.userId, actorName: actor.displayName }, report, format);
    return { ...reportFileNames(report.unit, report.period.month, format), bytes };
  }

  async build(
    actor: RequestActor,
    q: MonthlyReportQuery,
    now = this.clock.now(),
  ): Promise<MonthlyReport> {
    const period = reportPeriod(q.month);
    if (!period) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'month', message: '月份格式应为 2026-11' },
      ]);
    }
    if (!isPastMonth(q.month, localDateOf(now))) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'month', message: '月报只能生成已经结束的月份，本月和以后的月份还不行' },
      ]);
    }
    const unit = await this.org.findById(q.unitId ?? actor.orgUnitId ?? 0);
    if (!unit) throw new AppError('NOT_FOUND');
    const scope: Scope = { unitId: unit.id, from: period.from, to: period.to };
    // The first call checks the reader's scope; nothing is read before it.
    const pages: UnitFigureSheet[] = [];
    for (const level of RANKING_LEVELS[unit.kind]) {
      pages.push(await this.stats.allUnitFigures(actor, { ...scope, level }, now));
    }
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path },
      period,
      generatedAt: now,
      total: pages[0]!.total,
      rankings: pages.map(rankingOf),
      overdue: await this.overdue(actor, scope, now),
      badReviews: await this.badReviews(actor, scope, now),
    };
  }

  render(report: MonthlyReport, format: ReportFormat): Promise<Buffer> {
    const sections = reportSections(report);
    if (format === 'xlsx') return renderReportXlsx(report, sections);
    this.font ??= resolveCardFont({
      CARD_FONT_PATH: this.config.cardFont.path ?? undefined,
      CARD_FONT_FACE: this.config.cardFont.face ?? undefined,
    });
    return renderReportPdf(report, sections, this.font);
  }

  record(reader: ReportReader, report: MonthlyReport, kind: string): Promise<void> {
    return this.audit.recordNow({
      ...reader,
      action: 'report.monthly',
      targetType: 'org_unit',
      targetId: report.unit.id,
      unitPath: report.unit.path,
      detail: {
        unitId: report.unit.id,
        name: report.unit.name,
        fromDate: report.period.from,
        toDate: report.period.to,
        kind,
      },
      at: report.generatedAt,
    });
  }

  /** Resolve and rectify clocks due in the month and missed: 按时办结率's base less its numerator. */
  private async overdue(actor: RequestActor, scope: Scope, now: Date): Promise<OverdueLine[]> {
    const due = await this.figureRequests(actor, scope, 'onTime', 'denominator', now);
    return due
      .filter((f) => f.clock === 'missed')
      .map((f) => ({
        number: f.number,
        dueDate: f.date,
        submittedDate: localDateOf(new Date(f.submittedAt)),
        category: f.category,
        ownerName: f.ownerName,
        status: f.status,
      }));
  }

  /**
   * The month's bad reviews: those its 差评率 counts, and those found founded (差评整改率's base),
   * which a better second rating took out of 差评率. One line per request.
   */
  private async badReviews(actor: RequestActor, scope: Scope, now: Date): Promise<BadReviewLine[]> {
    const counted = await this.figureRequests(actor, scope, 'badReviewRate', 'numerator', now);
    const founded = await this.figureRequests(actor, scope, 'rectification', 'denominator', now);
    const byRequest = new Map<number, FigureRequest>();
    for (const f of [...counted, ...founded])
      if (!byRequest.has(f.requestId)) byRequest.set(f.requestId, f);
    const ids = [...byRequest.keys()];
    const requests = new Map((await this.requests.findByIds(ids)).map((r) => [r.id, r]));
    const ratings = await this.ratings.forRequests(ids);
    return [...byRequest.values()]
      .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number))
      .map((f) => {
        const r = requests.get(f.requestId)!;
        const own = ratings
          .filter((x) => x.requestId === f.requestId)
          .map((x) => ({
            round: Number(x.round),
            level: Number(x.level),
            excluded: Boolean(x.excluded),
            date: localDateOf(x.createdAt),
          }));
        // The bad rating the month counts: the latest one given that day.
        const bad = own
          .filter((x) => x.date === f.date && x.level <= 2 && !x.excluded)
          .sort((a, b) => b.round - a.round)[0];
        return {
          number: f.number,
          ratedDate: f.date,
          category: f.category,
          ownerName: f.ownerName,
          level: bad?.level ?? f.ratingLevel ?? 0,
          outcome: reviewOutcome({
            status: r.status,
            round: Number(r.round),
            flaggedToCounty: r.flaggedToCountyAt !== null,
            ratings: own,
            badRound: bad?.round ?? 1,
          }),
          status: r.status,
        };
      });
  }

  /** Every request behind one part of a figure, page after page. */
  private async figureRequests(
    actor: RequestActor,
    scope: Scope,
    figure: FigureName,
    part: 'numerator' | 'denominator',
    now: Date,
  ): Promise<FigureRequest[]> {
    const out: FigureRequest[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await this.stats.figureRequests(
        actor,
        { ...scope, figure, part, page, pageSize: MAX_PAGE_SIZE },
        now,
      );
      out.push(...items);
      if (items.length === 0 || out.length >= total) return out;
    }
  }
}

function rankingOf(page: UnitFigureSheet): ReportRanking {
  const rows = new Map<string, FigureRow>(page.rows.map((r) => [r.key, r]));
  const note = (key: string) => rows.get(key)?.note ?? '';
  return {
    level: page.level,
    baseline: page.ranking.baseline,
    ranked: page.ranking.ranked.map((e) => ({
      rank: e.rank,
      name: e.name,
      note: note(e.key),
      score: e.score,
      satisfaction: rateOf(e.satisfied, e.rated),
    })),
    insufficient: page.ranking.insufficient.map((e) => ({
      name: e.name,
      note: note(e.key),
      rated: e.rated,
    })),
  };
}
