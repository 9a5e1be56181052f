import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BOARD_MAX_ITEMS,
  BOARD_MIN_RATINGS,
  BOARD_MONTHS,
  BOARD_OUTCOME_LABELS,
  BOARD_STATUS_LABELS,
  type BoardItem,
  type BoardMonth,
  boardSince,
  boardStatusOf,
  categoryLabel,
  isOnBoard,
  localDateOf,
  type MetricsSummary,
  type PublicSummaryEditInput,
  type PublicSummaryState,
  type VillageBoard,
} from '@mqlk/shared';
import type { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { OrgRepository } from '../org/org.repository';
import { type CardFont, resolveCardFont } from '../print/card-font';
import { renderBoardPoster } from '../print/board-poster';
import { BoardRepository, type BoardRow, type PublicState } from '../request/board.repository';
import { StatsService } from '../stats/stats.service';
import { UserRepository } from '../user/user.repository';

/**
 * The village board (公示栏): the public page's answer, the staff's edits of what it says about a
 * request, and its poster. What a request shows is read by BoardRepository's one query, which
 * selects nothing but the board's columns; the figures come from the rollups (StatsService).
 */
@Injectable()
export class BoardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly board: BoardRepository,
    private readonly org: OrgRepository,
    private readonly users: UserRepository,
    private readonly stats: StatsService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A village's board, for anyone: a village (村、社区) in use, else 404. */
  async villageBoard(unitId: number): Promise<VillageBoard> {
    const village = await this.org.findById(unitId);
    if (!village || village.kind !== 'village' || village.retiredAt) {
      throw new AppError('NOT_FOUND');
    }
    const now = this.clock.now();
    const since = boardSince(now);
    const [township, rows, months] = await Promise.all([
      this.org.findAncestorOfKind(village, 'township'),
      this.board.publicItems(village.path, since, BOARD_MAX_ITEMS),
      this.stats.publicMonths(village.path, BOARD_MONTHS, now),
    ]);
    const shown = rows.slice(0, BOARD_MAX_ITEMS);
    const names = await this.users.displayNames(shown.map((r) => r.ownerUserId));
    return {
      unitId: village.id,
      villageName: village.name,
      townshipName: township?.name ?? '',
      since: localDateOf(since),
      items: shown.map((r) => itemOf(r, names.get(r.ownerUserId) ?? '')),
      more: rows.length > BOARD_MAX_ITEMS,
      months: months.map(({ month, figures }) => monthOf(month, figures)),
    };
  }

  /** Staff edit or hide a request's 公示摘要, inside their scope; audited with what changed. */
  async editPublic(
    actor: RequestActor,
    id: number,
    input: PublicSummaryEditInput,
  ): Promise<PublicSummaryState> {
    const after = await this.db.transaction(async (m) => {
      const before = await this.board.publicState(id, m);
      if (!before) throw new AppError('REQUEST_NOT_FOUND');
      this.policy.requireOfficeUnit(actor, before.ownerUnitPath);
      const set = {
        ...(input.summary !== undefined ? { publicSummary: input.summary } : {}),
        ...(input.hidden !== undefined ? { publicHidden: input.hidden } : {}),
      };
      await this.board.setPublic(m, id, set);
      await this.audit.record(m, {
        ...auditActor(actor),
        action: 'request.public_summary',
        targetType: 'request',
        targetId: id,
        unitPath: before.ownerUnitPath,
        detail: {
          ...(input.summary !== undefined && input.summary !== before.publicSummary
            ? { from: before.publicSummary, summary: input.summary }
            : {}),
          ...(input.hidden !== undefined ? { hidden: input.hidden ? '是' : '否' } : {}),
        },
        at: this.clock.now(),
      });
      return { ...before, ...set };
    });
    return this.stateOf(after);
  }

  /** The poster (A4 PDF) of a village's board, for staff whose scope holds it; audited. */
  async poster(actor: RequestActor, unitId: number): Promise<Buffer> {
    const unit = await this.org.findById(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    this.policy.requireOfficeUnit(actor, unit.path);
    if (unit.kind !== 'village' || unit.retiredAt) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'id', message: '公示栏海报按村（社区）打印，请选择一个在用的村或社区' },
      ]);
    }
    const township = await this.org.findAncestorOfKind(unit, 'township');
    const pdf = await renderBoardPoster(
      { unitId: unit.id, villageName: unit.name, townshipName: township?.name ?? null },
      { publicBaseUrl: this.config.publicBaseUrl, font: this.font() },
    );
    await this.audit.recordNow({
      ...auditActor(actor),
      action: 'board.poster',
      targetType: 'org_unit',
      targetId: unit.id,
      unitPath: unit.path,
      detail: { name: unit.name },
      at: this.clock.now(),
    });
    return pdf;
  }

  private stateOf(s: PublicState): PublicSummaryState {
    const inTime = s.submittedAt.getTime() >= boardSince(this.clock.now()).getTime();
    return {
      requestId: s.id,
      summary: s.publicSummary,
      hidden: s.publicHidden,
      onBoard: inTime && isOnBoard(s),
    };
  }

  private cachedFont: CardFont | undefined;

  private font(): CardFont {
    this.cachedFont ??= resolveCardFont({
      CARD_FONT_PATH: this.config.cardFont.path ?? undefined,
      CARD_FONT_FACE: this.config.cardFont.face ?? undefined,
    });
    return this.cachedFont;
  }
}

function itemOf(r: BoardRow, ownerName: string): BoardItem {
  return {
    category: categoryLabel(r.category),
    summary: r.publicSummary ?? '',
    status: BOARD_STATUS_LABELS[boardStatusOf(r.status)],
    ownerName,
    submittedOn: localDateOf(r.submittedAt),
    dueOn: r.dueAt ? localDateOf(r.dueAt) : null,
    // Rectifying reads 办理中: its first outcome is not the last word.
    outcome:
      r.resolutionOutcome && boardStatusOf(r.status) === 'done'
        ? BOARD_OUTCOME_LABELS[r.resolutionOutcome]
        : null,
  };
}

function monthOf(month: string, f: MetricsSummary): BoardMonth {
  return {
    month,
    received: f.received,
    resolved: f.resolved,
    onTime: f.onTime,
    ratings: f.ratings,
    satisfaction: f.ratings >= BOARD_MIN_RATINGS ? f.satisfaction : null,
    participation: f.participation,
  };
}
