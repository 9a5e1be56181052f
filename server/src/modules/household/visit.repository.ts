import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { PageSlice } from '../../common/paging';
import { HouseholdEntity } from './household.entity';
import { VisitEntity } from './visit.entity';

export type NewVisit = Pick<
  VisitEntity,
  'householdId' | 'cadreId' | 'visitedOn' | 'onDutyDay' | 'met' | 'found' | 'recordedAt'
>;

/** A cadre's households in a quarter: linked now, visited in it, and of them in 特殊群体. */
export interface CoverageCounts {
  linked: number;
  visited: number;
  special: number;
  specialVisited: number;
}

/** The visit table's one home (走访日记), and the coverage counts read from it. */
@Injectable()
export class VisitRepository {
  constructor(@InjectRepository(VisitEntity) private readonly visits: Repository<VisitEntity>) {}

  findById(id: number, m?: EntityManager): Promise<VisitEntity | null> {
    return (m ? m.getRepository(VisitEntity) : this.visits).findOne({ where: { id } });
  }

  /** A new visit, and the household's latest visit date moved up to it. */
  async insert(m: EntityManager, visit: NewVisit): Promise<number> {
    const inserted = await m.getRepository(VisitEntity).insert(visit);
    await m
      .createQueryBuilder()
      .update(HouseholdEntity)
      .set({ lastVisitOn: visit.visitedOn })
      .where('id = :id AND (last_visit_on IS NULL OR last_visit_on < :on)', {
        id: visit.householdId,
        on: visit.visitedOn,
      })
      .execute();
    return Number(inserted.identifiers[0]!.id);
  }

  /** One page of a cadre's visits, or of one household's, the latest first. */
  page(
    where: { cadreId: number } | { householdId: number },
    slice: PageSlice,
  ): Promise<[VisitEntity[], number]> {
    return this.visits.findAndCount({
      where,
      order: { visitedOn: 'DESC', id: 'DESC' },
      skip: slice.offset,
      take: slice.limit,
    });
  }

  /**
   * 走访覆盖率 per cadre: their households linked now, and how many of those someone visited
   * from `from` to `to` (a successor inherits the visits made before the hand-over).
   */
  async coverage(
    cadreIds: readonly number[],
    from: string,
    to: string,
  ): Promise<Map<number, CoverageCounts>> {
    if (cadreIds.length === 0) return new Map();
    const visited =
      'EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.visited_on BETWEEN :from AND :to)';
    const special =
      "EXISTS (SELECT 1 FROM household_tag t WHERE t.household_id = h.id AND t.kind = 'group')";
    const rows: Record<string, string | number>[] = await this.visits.manager
      .createQueryBuilder()
      .from(HouseholdEntity, 'h')
      .select('h.cadre_id', 'cadreId')
      .addSelect('COUNT(*)', 'linked')
      .addSelect(`SUM(CASE WHEN ${visited} THEN 1 ELSE 0 END)`, 'visited')
      .addSelect(`SUM(CASE WHEN ${special} THEN 1 ELSE 0 END)`, 'special')
      .addSelect(`SUM(CASE WHEN ${special} AND ${visited} THEN 1 ELSE 0 END)`, 'specialVisited')
      .where('h.cadre_id IN (:...cadres)', { cadres: [...cadreIds], from, to })
      .groupBy('h.cadre_id')
      .getRawMany();
    return new Map(
      rows.map((r) => [
        Number(r.cadreId),
        {
          linked: Number(r.linked),
          visited: Number(r.visited),
          special: Number(r.special),
          specialVisited: Number(r.specialVisited),
        },
      ]),
    );
  }

  /** Visits each cadre made from `from` to `to`, and those on their duty day. */
  async countsByCadre(
    cadreIds: readonly number[],
    from: string,
    to: string,
  ): Promise<Map<number, { visits: number; dutyDay: number }>> {
    if (cadreIds.length === 0) return new Map();
    const rows: Record<string, string | number>[] = await this.visits
      .createQueryBuilder('v')
      .select('v.cadre_id', 'cadreId')
      .addSelect('COUNT(*)', 'visits')
      .addSelect('SUM(CASE WHEN v.on_duty_day THEN 1 ELSE 0 END)', 'dutyDay')
      .where('v.cadre_id IN (:...cadres) AND v.visited_on BETWEEN :from AND :to', {
        cadres: [...cadreIds],
        from,
        to,
      })
      .groupBy('v.cadre_id')
      .getRawMany();
    return new Map(
      rows.map((r) => [
        Number(r.cadreId),
        { visits: Number(r.visits), dutyDay: Number(r.dutyDay) },
      ]),
    );
  }
}
