import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import { OfficeScope } from './office-scope';

/** Where a household may be registered: a village (社区) or a grid, not a township or county. */
const HOUSEHOLD_UNIT_KINDS: readonly OrgUnitEntity['kind'][] = ['village', 'grid'];

export const NOT_A_HOUSEHOLD_UNIT = '联户要登记在村（社区）或网格下';

/** Whether households may be registered in this unit (by its kind). */
export function holdsHouseholds(unit: Pick<OrgUnitEntity, 'kind'>): boolean {
  return HOUSEHOLD_UNIT_KINDS.includes(unit.kind);
}

/**
 * The rules of where a household goes and who may be linked to it, for the form and the import
 * alike: a unit in the actor's scope that can hold households, and a cadre in scope, in post and
 * of the household's township.
 */
@Injectable()
export class HouseholdPlacement {
  constructor(
    private readonly cadres: CadreRepository,
    private readonly scope: OfficeScope,
  ) {}

  /** A unit that can take a household: in scope, not retired, a village or a grid. */
  async placeable(actor: RequestActor, unitId: number, m: EntityManager): Promise<OrgUnitEntity> {
    const unit = await this.scope.openUnit(actor, unitId, m);
    if (!holdsHouseholds(unit)) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'unitId', message: NOT_A_HOUSEHOLD_UNIT }]);
    }
    return unit;
  }

  /** A cadre who may be linked to a household of `unit`: in scope, in post, same township. */
  async pairable(
    actor: RequestActor,
    unit: OrgUnitEntity,
    cadreId: number,
    m: EntityManager,
  ): Promise<CadreEntity> {
    const cadre = await this.cadres.findById(cadreId, m);
    if (!cadre) throw new AppError('NOT_FOUND');
    const cadreUnit = await this.scope.unit(actor, cadre.orgUnitId, m);
    if (!cadre.active) throw new AppError('PAIRING_INVALID');
    if (!(await this.sameTownship(cadreUnit, unit))) throw new AppError('PAIRING_INVALID');
    return cadre;
  }

  /** A linked household may move only within its township (its cadre's). */
  async sameTownship(a: OrgUnitEntity, b: OrgUnitEntity): Promise<boolean> {
    return (await this.scope.townshipOf(a)) === (await this.scope.townshipOf(b));
  }
}
