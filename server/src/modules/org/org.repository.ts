import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Like, type Repository } from 'typeorm';
import { subtreePattern } from '../../common/access/access-policy';
import { OrgUnitEntity } from './org-unit.entity';

/**
 * The org tree's one home. A unit's ancestors are the ids in its materialised path. Paths are
 * made of ids and units never move, so a unit's path never changes: it is cached per instance,
 * which stays correct with several instances (names and hotlines are always read fresh).
 */
@Injectable()
export class OrgRepository {
  private readonly paths = new Map<number, string>();

  constructor(@InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>) {}

  findById(id: number): Promise<OrgUnitEntity | null> {
    return this.units.findOne({ where: { id } });
  }

  findByIds(ids: readonly number[]): Promise<OrgUnitEntity[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.units.find({ where: { id: In(unique) } });
  }

  /** The materialised path of a unit, or null when there is no such unit. */
  async pathOf(id: number): Promise<string | null> {
    const known = this.paths.get(id);
    if (known !== undefined) return known;
    const unit = await this.units.findOne({ where: { id }, select: ['id', 'path'] });
    if (unit) this.paths.set(id, unit.path);
    return unit?.path ?? null;
  }

  /** The unit and every unit above it, top down (county first). */
  async findLineage(unit: Pick<OrgUnitEntity, 'path'>): Promise<OrgUnitEntity[]> {
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const rows = await this.units.find({ where: { id: In(ids) } });
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OrgUnitEntity => !!r);
  }

  /** The nearest unit of this kind at or above the unit (its township, its county). */
  async findAncestorOfKind(
    unit: Pick<OrgUnitEntity, 'path'>,
    kind: OrgUnitEntity['kind'],
  ): Promise<OrgUnitEntity | null> {
    return (await this.findLineage(unit)).find((u) => u.kind === kind) ?? null;
  }

  /** The unit and everything under it, in path order. */
  findSubtree(path: string): Promise<OrgUnitEntity[]> {
    return this.units.find({ where: { path: Like(subtreePattern(path)) }, order: { path: 'ASC' } });
  }
}
