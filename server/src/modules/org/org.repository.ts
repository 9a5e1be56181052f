import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/** Reads of the org tree. A unit's ancestors are the ids in its materialised path. */
@Injectable()
export class OrgRepository {
  constructor(@InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>) {}

  findById(id: number): Promise<OrgUnitEntity | null> {
    return this.units.findOne({ where: { id } });
  }

  /** The unit and every unit above it, top down (county first). */
  async findLineage(unit: Pick<OrgUnitEntity, 'path'>): Promise<OrgUnitEntity[]> {
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const rows = await this.units.find({ where: { id: In(ids) } });
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OrgUnitEntity => !!r);
  }

  /** The nearest township at or above the unit (where its conduct complaints and hotlines live). */
  async findTownshipOf(unit: Pick<OrgUnitEntity, 'path'>): Promise<OrgUnitEntity | null> {
    return (await this.findLineage(unit)).find((u) => u.kind === 'township') ?? null;
  }
}
