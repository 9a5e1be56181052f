import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { childPath, type OrgUnitKind } from '@mqlk/shared';
import { type EntityManager, In, IsNull, Like, Not, type Repository } from 'typeorm';
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

  findById(id: number, m?: EntityManager): Promise<OrgUnitEntity | null> {
    return (m ? m.getRepository(OrgUnitEntity) : this.units).findOne({ where: { id } });
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

  /**
   * A new unit under `parent`, its path written once its id is known (inside the caller's
   * transaction, so nobody sees the unit without it).
   */
  async insertChild(
    m: EntityManager,
    parent: OrgUnitEntity,
    kind: OrgUnitEntity['kind'],
    name: string,
  ): Promise<OrgUnitEntity> {
    const repo = m.getRepository(OrgUnitEntity);
    const inserted = await repo.insert({
      parentId: parent.id,
      kind,
      name,
      path: parent.path,
      hotlines: [],
      retiredAt: null,
    });
    const id = Number(inserted.identifiers[0]!.id);
    await repo.update(id, { path: childPath(parent.path, id) });
    return repo.findOneByOrFail({ id });
  }

  async update(
    m: EntityManager,
    id: number,
    changes: Partial<Pick<OrgUnitEntity, 'name' | 'hotlines' | 'retiredAt'>>,
  ): Promise<void> {
    await m.getRepository(OrgUnitEntity).update(id, changes);
  }

  /** Units under `path` (itself excluded) that are not retired. */
  countOpenBelow(m: EntityManager, unit: Pick<OrgUnitEntity, 'id' | 'path'>): Promise<number> {
    return m.getRepository(OrgUnitEntity).count({
      where: { path: Like(subtreePattern(unit.path)), id: Not(unit.id), retiredAt: IsNull() },
    });
  }

  /** The ids of the unit and everything under it. */
  async subtreeIds(path: string, m?: EntityManager): Promise<number[]> {
    const rows = await (m ? m.getRepository(OrgUnitEntity) : this.units).find({
      where: { path: Like(subtreePattern(path)) },
      select: ['id'],
    });
    return rows.map((r) => r.id);
  }

  /** The unit and everything under it, in path order. */
  findSubtree(path: string): Promise<OrgUnitEntity[]> {
    return this.units.find({ where: { path: Like(subtreePattern(path)) }, order: { path: 'ASC' } });
  }

  /**
   * The same units as `findSubtree` with only what a figures page shows of them, read raw: a
   * county's few hundred units as entities (hotlines parsed) cost more than the rest of its read.
   */
  async outlineOf(path: string): Promise<UnitOutline[]> {
    const rows: Record<string, string | number | Date | null>[] = await this.units
      .createQueryBuilder('u')
      .select(['u.id AS id', 'u.parent_id AS parentId', 'u.kind AS kind', 'u.name AS name'])
      .addSelect(['u.path AS path', 'u.retired_at AS retiredAt'])
      .where('u.path LIKE :like', { like: subtreePattern(path) })
      .orderBy('u.path')
      .getRawMany();
    return rows.map((r) => ({
      id: Number(r.id),
      parentId: r.parentId === null ? null : Number(r.parentId),
      kind: r.kind as OrgUnitKind,
      name: String(r.name),
      path: String(r.path),
      retired: r.retiredAt !== null,
    }));
  }
}

/** A unit as a figures page lists it. */
export interface UnitOutline {
  id: number;
  parentId: number | null;
  kind: OrgUnitKind;
  name: string;
  path: string;
  retired: boolean;
}
