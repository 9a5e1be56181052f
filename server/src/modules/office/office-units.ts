import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateUnitInput,
  type OfficeUnit,
  type OfficeUnitTree,
  ORG_UNIT_KINDS,
  type UpdateUnitInput,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { CadreRepository } from '../cadre/cadre.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgRepository } from '../org/org.repository';
import { OfficeScope } from './office-scope';

/** The org tree as the office edits it: add, rename, set a township's hotlines, retire. */
@Injectable()
export class OfficeUnits {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly org: OrgRepository,
    private readonly cadres: CadreRepository,
    private readonly scope: OfficeScope,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async tree(actor: RequestActor): Promise<OfficeUnitTree> {
    const units = await this.org.findSubtree(this.scope.path(actor));
    const byUnit = await this.cadres.activeCountsByUnit(units.map((u) => u.id));
    return {
      units: units.map((u) => present(u, byUnit.get(u.id) ?? 0)),
      scopeUnitId: actor.orgUnitId!,
    };
  }

  /** A unit one level below its parent: a county's townships, a township's villages, a village's grids. */
  async create(actor: RequestActor, input: CreateUnitInput): Promise<OfficeUnit> {
    return this.db.transaction(async (m) => {
      const parent = await this.scope.openUnit(actor, input.parentId, m);
      const kind = ORG_UNIT_KINDS[ORG_UNIT_KINDS.indexOf(parent.kind) + 1];
      if (!kind) throw new AppError('UNIT_KIND_LAST');
      const unit = await this.org.insertChild(m, parent, kind, input.name);
      await this.record(m, actor, 'unit.create', unit, { name: unit.name, kind });
      return present(unit, 0);
    });
  }

  /** Rename; a township also keeps its 民众服务卡 hotlines here. Its own scope unit included. */
  async update(actor: RequestActor, id: number, input: UpdateUnitInput): Promise<OfficeUnit> {
    return this.db.transaction(async (m) => {
      const unit = await this.scope.unit(actor, id, m);
      if (input.hotlines && unit.kind !== 'township') {
        throw new AppError('VALIDATION_FAILED', [
          { field: 'hotlines', message: '服务热线只能设置在乡镇（街道）上' },
        ]);
      }
      const changes = { name: input.name, ...(input.hotlines ? { hotlines: input.hotlines } : {}) };
      await this.org.update(m, id, changes);
      await this.record(m, actor, 'unit.update', unit, {
        from: input.name === unit.name ? null : unit.name,
        to: input.name === unit.name ? null : input.name,
        hotlines: input.hotlines ? input.hotlines.length : null,
      });
      return present({ ...unit, ...changes }, await this.cadreCount(m, id));
    });
  }

  /**
   * 撤销: the unit stays (old requests and figures still name it) but takes nothing new. Only
   * below the actor's own scope, and only once nobody is in post there.
   */
  async retire(actor: RequestActor, id: number): Promise<OfficeUnit> {
    return this.db.transaction(async (m) => {
      const unit = await this.scope.unit(actor, id, m);
      if (unit.id === actor.orgUnitId) throw new AppError('FORBIDDEN');
      if (unit.retiredAt) return present(unit, 0);
      const inPost = await this.cadres.activeCountsByUnit(
        await this.org.subtreeIds(unit.path, m),
        m,
      );
      const openBelow = await this.org.countOpenBelow(m, unit);
      if (inPost.size > 0 || openBelow > 0) throw new AppError('UNIT_IN_USE');
      const now = this.clock.now();
      await this.org.update(m, id, { retiredAt: now });
      await this.record(m, actor, 'unit.retire', unit, { name: unit.name });
      return present({ ...unit, retiredAt: now }, 0);
    });
  }

  private async cadreCount(m: EntityManager, unitId: number): Promise<number> {
    return (await this.cadres.activeCountsByUnit([unitId], m)).get(unitId) ?? 0;
  }

  private record(
    m: EntityManager,
    actor: RequestActor,
    action: string,
    unit: OrgUnitEntity,
    detail: Record<string, string | number | null>,
  ) {
    return this.audit.record(m, {
      ...auditActor(actor),
      action,
      targetType: 'org_unit',
      targetId: unit.id,
      unitPath: unit.path,
      detail,
      at: this.clock.now(),
    });
  }
}

function present(u: OrgUnitEntity, cadreCount: number): OfficeUnit {
  return {
    id: u.id,
    parentId: u.parentId,
    kind: u.kind,
    name: u.name,
    path: u.path,
    retiredAt: u.retiredAt ? u.retiredAt.toISOString() : null,
    hotlines: u.hotlines,
    cadreCount,
  };
}
