import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Pairing, SpecialGroup } from '@mqlk/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { PageSlice } from '../../common/paging';
import { isUniqueViolation } from '../../database/errors';
import { containsPattern } from '../../database/like';
import { HouseholdTagEntity } from './household-tag.entity';
import { HouseholdEntity } from './household.entity';

export type NewHousehold = Pick<
  HouseholdEntity,
  | 'orgUnitId'
  | 'groupName'
  | 'houseNumber'
  | 'headName'
  | 'memberCount'
  | 'phoneEnc'
  | 'phoneHash'
  | 'phoneMasked'
  | 'cadreId'
  | 'pairing'
  | 'linkedAt'
>;

/** A household's own fields as an edit changes them (the link to a cadre moves by `relink`). */
export type HouseholdChanges = Partial<Omit<NewHousehold, 'cadreId' | 'pairing' | 'linkedAt'>>;

/** A household's tags, as the shared answer splits them. */
export interface HouseholdTags {
  specialGroups: SpecialGroup[];
  freeTags: string[];
}

export interface HouseholdFilter {
  /** the units to look in (a scope's subtree); empty: nothing */
  unitIds?: readonly number[];
  cadreId?: number;
  linked?: boolean;
  group?: SpecialGroup;
  /** head name, house number or group (contains), or the phone's hash (equal) */
  q?: string;
  phoneHash?: string | null;
}

/** The household table's one home (and its tags'): the 联户台账. */
@Injectable()
export class HouseholdRepository {
  constructor(
    @InjectRepository(HouseholdEntity) private readonly households: Repository<HouseholdEntity>,
    @InjectRepository(HouseholdTagEntity) private readonly tags: Repository<HouseholdTagEntity>,
  ) {}

  private repo(m?: EntityManager): Repository<HouseholdEntity> {
    return m ? m.getRepository(HouseholdEntity) : this.households;
  }

  findById(id: number, m?: EntityManager): Promise<HouseholdEntity | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  findByIds(ids: readonly number[]): Promise<HouseholdEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.households.find({ where: { id: In([...new Set(ids)]) } });
  }

  /**
   * The households registered at any of these addresses (unit, group, house number as the unique
   * index holds them), for an import to tell new rows from known ones.
   */
  async findByAddresses(
    m: EntityManager,
    addresses: readonly Pick<HouseholdEntity, 'orgUnitId' | 'groupName' | 'houseNumber'>[],
  ): Promise<HouseholdEntity[]> {
    if (addresses.length === 0) return [];
    const units = [...new Set(addresses.map((a) => a.orgUnitId))];
    const numbers = [...new Set(addresses.map((a) => a.houseNumber))];
    const key = (a: (typeof addresses)[number]) =>
      JSON.stringify([a.orgUnitId, a.groupName, a.houseNumber]);
    const wanted = new Set(addresses.map(key));
    const rows = await m
      .getRepository(HouseholdEntity)
      .find({ where: { orgUnitId: In(units), houseNumber: In(numbers) } });
    return rows.filter((h) => wanted.has(key(h)));
  }

  /** A new household and its tags; an address already registered is HOUSEHOLD_EXISTS. */
  async insert(m: EntityManager, fields: NewHousehold, tags: HouseholdTags): Promise<number> {
    let id: number;
    try {
      const inserted = await m.getRepository(HouseholdEntity).insert(fields);
      id = Number(inserted.identifiers[0]!.id);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('HOUSEHOLD_EXISTS');
      throw err;
    }
    await this.insertTags(m, id, tags);
    return id;
  }

  /** Changes a household's own fields; an address taken by another is HOUSEHOLD_EXISTS. */
  async update(m: EntityManager, id: number, changes: HouseholdChanges): Promise<void> {
    try {
      await m.getRepository(HouseholdEntity).update(id, changes);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('HOUSEHOLD_EXISTS');
      throw err;
    }
  }

  /** The household's tags become exactly these. */
  async replaceTags(m: EntityManager, id: number, tags: HouseholdTags): Promise<void> {
    await m.getRepository(HouseholdTagEntity).delete({ householdId: id });
    await this.insertTags(m, id, tags);
  }

  private async insertTags(m: EntityManager, id: number, tags: HouseholdTags): Promise<void> {
    const rows = [
      ...tags.specialGroups.map((tag) => ({ householdId: id, kind: 'group' as const, tag })),
      ...tags.freeTags.map((tag) => ({ householdId: id, kind: 'free' as const, tag })),
    ];
    if (rows.length > 0) await m.getRepository(HouseholdTagEntity).insert(rows);
  }

  /** The tags of these households, in the order they were given. */
  async tagsOf(ids: readonly number[], m?: EntityManager): Promise<Map<number, HouseholdTags>> {
    const unique = [...new Set(ids)];
    const out = new Map<number, HouseholdTags>(
      unique.map((id) => [id, { specialGroups: [], freeTags: [] }]),
    );
    if (unique.length === 0) return out;
    const rows = await (m ? m.getRepository(HouseholdTagEntity) : this.tags).find({
      where: { householdId: In(unique) },
    });
    for (const r of rows) {
      const t = out.get(r.householdId)!;
      if (r.kind === 'group') t.specialGroups.push(r.tag as SpecialGroup);
      else t.freeTags.push(r.tag);
    }
    return out;
  }

  /** Links a household to a cadre (or unlinks it: both null). */
  async relink(
    m: EntityManager,
    id: number,
    cadreId: number | null,
    pairing: Pairing | null,
    at: Date | null,
  ): Promise<void> {
    await m.getRepository(HouseholdEntity).update(id, { cadreId, pairing, linkedAt: at });
  }

  /**
   * 事随人转: every household linked to `fromCadreId` is now linked to `toCadreId`, with the same
   * kind of link. Returns how many moved; their visits stay as they were.
   */
  async relinkAll(m: EntityManager, fromCadreId: number, toCadreId: number, at: Date) {
    const result = await m
      .getRepository(HouseholdEntity)
      .update({ cadreId: fromCadreId }, { cadreId: toCadreId, linkedAt: at });
    return result.affected ?? 0;
  }

  /**
   * A cadre leaves with no successor (停用): their households are unlinked, so that the office
   * finds them under 未结对 and pairs them again. Returns how many.
   */
  async unlinkAll(m: EntityManager, cadreId: number): Promise<number> {
    const result = await m
      .getRepository(HouseholdEntity)
      .update({ cadreId }, { cadreId: null, pairing: null, linkedAt: null });
    return result.affected ?? 0;
  }

  /**
   * One page of the households in `unitIds` not visited since before `cutoff` (a local date):
   * those never visited count once they were registered before `registeredBefore`. 特殊群体 first,
   * then never visited, then the longest unvisited.
   */
  async unvisitedPage(
    filter: { unitIds: readonly number[]; cadreId?: number },
    cutoff: string,
    registeredBefore: Date,
    slice: PageSlice,
  ): Promise<[HouseholdEntity[], number]> {
    if (filter.unitIds.length === 0) return [[], 0];
    const q = this.households
      .createQueryBuilder('h')
      .where('h.org_unit_id IN (:...units)', { units: [...filter.unitIds] })
      .andWhere(
        '(h.last_visit_on < :cutoff OR (h.last_visit_on IS NULL AND h.created_at < :registered))',
        { cutoff, registered: registeredBefore },
      );
    if (filter.cadreId !== undefined) q.andWhere('h.cadre_id = :cadre', { cadre: filter.cadreId });
    return q
      .addSelect(
        "CASE WHEN EXISTS (SELECT 1 FROM household_tag t WHERE t.household_id = h.id AND t.kind = 'group') THEN 0 ELSE 1 END",
        'special_last',
      )
      .addSelect('CASE WHEN h.last_visit_on IS NULL THEN 0 ELSE 1 END', 'visited_last')
      .orderBy('special_last', 'ASC')
      .addOrderBy('visited_last', 'ASC')
      .addOrderBy('h.last_visit_on', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .skip(slice.offset)
      .take(slice.limit)
      .getManyAndCount();
  }

  /** One page of households, oldest first. */
  async page(filter: HouseholdFilter, slice: PageSlice): Promise<[HouseholdEntity[], number]> {
    if (filter.unitIds && filter.unitIds.length === 0) return [[], 0];
    const q = this.households.createQueryBuilder('h');
    if (filter.unitIds) q.andWhere('h.org_unit_id IN (:...units)', { units: [...filter.unitIds] });
    if (filter.cadreId !== undefined) q.andWhere('h.cadre_id = :cadre', { cadre: filter.cadreId });
    if (filter.linked === true) q.andWhere('h.cadre_id IS NOT NULL');
    if (filter.linked === false) q.andWhere('h.cadre_id IS NULL');
    if (filter.group) {
      q.andWhere(
        "EXISTS (SELECT 1 FROM household_tag t WHERE t.household_id = h.id AND t.kind = 'group' AND t.tag = :group)",
        { group: filter.group },
      );
    }
    if (filter.q) {
      const byPhone = filter.phoneHash ? ' OR h.phone_hash = :hash' : '';
      q.andWhere(
        `(h.head_name LIKE :q ESCAPE '!' OR h.house_number LIKE :q ESCAPE '!' OR h.group_name LIKE :q ESCAPE '!'${byPhone})`,
        { q: containsPattern(filter.q), hash: filter.phoneHash ?? null },
      );
    }
    return q.orderBy('h.id', 'ASC').skip(slice.offset).take(slice.limit).getManyAndCount();
  }

  /** One page of a cadre's own households. */
  pageOfCadre(
    cadreId: number,
    filter: Pick<HouseholdFilter, 'group' | 'q' | 'phoneHash'>,
    slice: PageSlice,
  ): Promise<[HouseholdEntity[], number]> {
    return this.page({ ...filter, cadreId }, slice);
  }
}
