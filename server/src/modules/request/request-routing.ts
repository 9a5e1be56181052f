import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type HandlingLevel,
  isConductComplaint,
  type CategoryCode,
  type OrgUnitKind,
} from '@mqlk/shared';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { ResolvedCard } from '../card/card.service';
import { OrgRepository } from '../org/org.repository';

export interface Routing {
  ownerUserId: number;
  ownerUnitId: number;
  ownerUnitPath: string;
  level: HandlingLevel;
  firstContactCadreId: number;
  subjectCadreId: number | null;
}

const LEVEL_OF_UNIT: Record<OrgUnitKind, HandlingLevel> = {
  grid: 'village',
  village: 'village',
  township: 'township',
  county: 'county',
};

/**
 * Who a new request goes to. Normally the cadre the card reaches; a conduct complaint (干部作风)
 * goes to the township's staff instead and names the cadre as its subject, who never sees it.
 */
@Injectable()
export class RequestRouting {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly org: OrgRepository,
  ) {}

  async forCard(card: ResolvedCard, category: CategoryCode): Promise<Routing> {
    const unit = await this.org.findById(card.cadre.orgUnitId);
    if (!unit) throw new Error(`cadre ${card.cadre.id} has no org unit`);
    const base = { firstContactCadreId: card.cadre.id, subjectCadreId: null };
    if (!isConductComplaint(category)) {
      return {
        ...base,
        ownerUserId: card.cadre.userId,
        ownerUnitId: unit.id,
        ownerUnitPath: unit.path,
        level: LEVEL_OF_UNIT[unit.kind],
      };
    }
    // The township handles it; with no staff there other than the subject, the county does.
    const lineage = await this.org.findLineage(unit);
    for (const kind of ['township', 'county'] as const) {
      const handler = lineage.find((u) => u.kind === kind);
      const staff = handler ? await this.staffOf(handler.id, card.cadre.userId) : null;
      if (!handler || !staff) continue;
      return {
        ...base,
        subjectCadreId: card.cadre.id,
        ownerUserId: staff,
        ownerUnitId: handler.id,
        ownerUnitPath: handler.path,
        level: kind,
      };
    }
    throw new AppError('SERVICE_UNAVAILABLE');
  }

  /** Who takes an escalated request: the staff of the nearest unit of the next level up. */
  async escalationTarget(
    ownerUnitPath: string,
    level: HandlingLevel,
  ): Promise<Pick<Routing, 'ownerUserId' | 'ownerUnitId' | 'ownerUnitPath'>> {
    const kind = level === 'village' ? 'township' : 'county';
    const unit = (await this.org.findLineage({ path: ownerUnitPath })).find((u) => u.kind === kind);
    const staff = unit ? await this.staffOf(unit.id) : null;
    // At the top there is nobody to escalate to; the state machine refuses that before we get here.
    if (!unit || !staff) throw new AppError('ESCALATION_TOP_LEVEL');
    return { ownerUserId: staff, ownerUnitId: unit.id, ownerUnitPath: unit.path };
  }

  /** The unit's first staff account handles what reaches the unit as a whole. */
  private async staffOf(unitId: number, exceptUserId = 0): Promise<number | null> {
    const rows: { id: number }[] = await this.db.query(
      "SELECT id FROM user_account WHERE role = 'staff' AND org_unit_id = ? AND id <> ? ORDER BY id LIMIT 1",
      [unitId, exceptUserId],
    );
    return rows[0]?.id ?? null;
  }
}
