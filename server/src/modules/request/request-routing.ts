import { Injectable } from '@nestjs/common';
import {
  type CategoryCode,
  type HandlingLevel,
  isConductComplaint,
  type OrgUnitKind,
  type TransferTarget,
} from '@mqlk/shared';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgRepository } from '../org/org.repository';
import { UserRepository } from '../user/user.repository';
import type { RequestEntity } from './request.entity';

/** Who holds a request: the owner account, their unit, and the level it is handled at. */
export interface Holder {
  ownerUserId: number;
  ownerUnitId: number;
  ownerUnitPath: string;
  level: HandlingLevel;
}

export interface Routing extends Holder {
  firstContactCadreId: number;
  subjectCadreId: number | null;
  /** the subject cadre's account, which the figures key them by */
  subjectUserId: number | null;
}

export const LEVEL_OF_UNIT: Record<OrgUnitKind, HandlingLevel> = {
  grid: 'village',
  village: 'village',
  township: 'township',
  county: 'county',
};

/**
 * Who a request goes to, and who it may be handed on to. Normally the cadre first contacted; a
 * conduct complaint (干部作风) goes to the township's staff instead.
 */
@Injectable()
export class RequestRouting {
  constructor(
    private readonly org: OrgRepository,
    private readonly users: UserRepository,
    private readonly cadres: CadreRepository,
  ) {}

  /**
   * A request that reaches `cadre` (their card, or their own entry for a resident). A conduct
   * complaint through a card names the card's cadre as its subject, who never sees it; one a
   * cadre files for a resident names nobody, since it may be about anyone.
   */
  async forCadre(
    cadre: Pick<CadreEntity, 'id' | 'userId' | 'orgUnitId'>,
    category: CategoryCode,
    via: 'card' | 'cadre',
    /** the cadre's unit, when the caller read it already */
    known: Pick<OrgUnitEntity, 'id' | 'path' | 'kind'> | null = null,
  ): Promise<Routing> {
    const unit = known ?? (await this.org.findById(cadre.orgUnitId));
    if (!unit) throw new Error(`cadre ${cadre.id} has no org unit`);
    const base = { firstContactCadreId: cadre.id, subjectCadreId: null, subjectUserId: null };
    if (!isConductComplaint(category)) {
      return { ...base, ...holderOf(cadre.userId, unit) };
    }
    const subject = via === 'card' ? cadre : null;
    // The township handles it; with no staff there other than the subject, the county does.
    for (const kind of ['township', 'county'] as const) {
      const handler = await this.org.findAncestorOfKind(unit, kind);
      const staff = handler ? await this.users.firstStaffOf(handler.id, subject?.userId) : null;
      if (handler && staff)
        return {
          ...base,
          subjectCadreId: subject?.id ?? null,
          subjectUserId: subject?.userId ?? null,
          ...holderOf(staff, handler),
        };
    }
    throw new AppError('SERVICE_UNAVAILABLE');
  }

  /**
   * Who answers today for an owner who handed their post over (事随人转): the successor (or
   * theirs), when one is in post. Work that comes back to the owner — a founded bad review's
   * 整改 — goes there instead of to someone who left.
   */
  async successorOf(ownerUserId: number): Promise<Holder | null> {
    const left = await this.cadres.findHandedOverByUserId(ownerUserId);
    if (!left) return null;
    const holder = await this.cadres.currentHolder(left);
    if (!holder.active || holder.id === left.id) return null;
    const unit = await this.org.findById(holder.orgUnitId);
    return unit ? holderOf(holder.userId, unit) : null;
  }

  /** Who takes an escalated request: the staff of the nearest unit of the next level up. */
  async escalationTarget(r: RequestEntity): Promise<Holder> {
    const kind = r.level === 'village' ? 'township' : 'county';
    const unit = await this.org.findAncestorOfKind({ path: r.ownerUnitPath }, kind);
    // At the top there is nobody to escalate to; the state machine refuses that before we get here.
    if (!unit) throw new AppError('ESCALATION_TOP_LEVEL');
    const staff = await this.users.firstStaffOf(unit.id);
    if (!staff) throw new AppError('ESCALATION_NO_STAFF');
    return holderOf(staff, unit);
  }

  /**
   * Whom a request may be transferred to (转办): another cadre or staff member at the same level,
   * inside the township it is handled in (the county, for county-level work). County staff may
   * reassign it anywhere in their county, to any level. A conduct complaint stays with staff and
   * never reaches the cadre it is about.
   */
  async transferTargets(
    actor: RequestActor,
    r: RequestEntity,
  ): Promise<{ acrossLevels: boolean; items: (TransferTarget & Holder)[] }> {
    const acrossLevels = await this.isCountyStaff(actor);
    const area = acrossLevels ? actor.orgUnitPath! : await this.transferArea(r);
    const units = await this.org.findSubtree(area);
    const unitById = new Map(units.map((u) => [u.id, u]));
    const conduct = isConductComplaint(r.category);
    const accounts = await this.users.findWorkAccountsIn(
      units.map((u) => u.id),
      conduct ? ['staff'] : ['staff', 'cadre'],
    );
    const profiles = await this.cadres.activeByUserIds(
      accounts.filter((a) => a.role === 'cadre').map((a) => a.id),
    );
    const subjectUserId = r.subjectCadreId
      ? (await this.cadres.userIdsByCadreIds([r.subjectCadreId])).get(r.subjectCadreId)
      : undefined;
    const items: (TransferTarget & Holder)[] = [];
    for (const account of accounts) {
      const unit = unitById.get(account.orgUnitId ?? 0);
      const profile = profiles.get(account.id);
      if (!unit || account.id === r.ownerUserId || account.id === subjectUserId) continue;
      if (account.role === 'cadre' && !profile) continue;
      const level = LEVEL_OF_UNIT[unit.kind];
      if (!acrossLevels && level !== r.level) continue;
      items.push({
        userId: account.id,
        name: profile?.name ?? account.displayName,
        post: profile?.post ?? '工作人员',
        unitName: unit.name,
        unitKind: unit.kind,
        ...holderOf(account.id, unit),
      });
    }
    return { acrossLevels, items };
  }

  /** The new holder of a transfer, or TRANSFER_TARGET_INVALID when they are not one of the targets. */
  async transferTarget(actor: RequestActor, r: RequestEntity, toUserId: number): Promise<Holder> {
    const target = (await this.transferTargets(actor, r)).items.find((t) => t.userId === toUserId);
    if (!target) throw new AppError('TRANSFER_TARGET_INVALID');
    return {
      ownerUserId: target.ownerUserId,
      ownerUnitId: target.ownerUnitId,
      ownerUnitPath: target.ownerUnitPath,
      level: target.level,
    };
  }

  private async isCountyStaff(actor: RequestActor): Promise<boolean> {
    if (actor.role !== 'staff' || actor.orgUnitId === null) return false;
    return (await this.org.findById(actor.orgUnitId))?.kind === 'county';
  }

  /** The township a request is handled in, or the county for county-level work. */
  private async transferArea(r: RequestEntity): Promise<string> {
    const kind = r.level === 'county' ? 'county' : 'township';
    const unit = await this.org.findAncestorOfKind({ path: r.ownerUnitPath }, kind);
    return unit?.path ?? r.ownerUnitPath;
  }
}

function holderOf(ownerUserId: number, unit: Pick<OrgUnitEntity, 'id' | 'path' | 'kind'>): Holder {
  return {
    ownerUserId,
    ownerUnitId: unit.id,
    ownerUnitPath: unit.path,
    level: LEVEL_OF_UNIT[unit.kind],
  };
}
