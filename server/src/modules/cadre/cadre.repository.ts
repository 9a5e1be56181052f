import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Not, type Repository } from 'typeorm';
import { containsPattern } from '../../database/like';
import { CadreEntity } from './cadre.entity';

export type NewCadre = Pick<
  CadreEntity,
  'userId' | 'orgUnitId' | 'name' | 'post' | 'phoneEnc' | 'phoneMasked' | 'duties' | 'dutyDays'
>;

/** What a row of the figures names of a cadre: no phone, duties or photo. */
export type CadreRosterEntry = Pick<
  CadreEntity,
  'id' | 'userId' | 'orgUnitId' | 'name' | 'post' | 'active'
>;

/** How many hand-overs (事随人转) to follow from a card's cadre before giving up on a loop. */
const MAX_HANDOVERS = 10;

/** The cadre table's one home: profiles, the account behind each, and hand-overs. */
@Injectable()
export class CadreRepository {
  constructor(@InjectRepository(CadreEntity) private readonly cadres: Repository<CadreEntity>) {}

  findById(id: number, m?: EntityManager): Promise<CadreEntity | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  /** Whether a cadre in post shows this portrait. */
  async hasPhoto(photoUrl: string): Promise<boolean> {
    return this.cadres.exists({ where: { photoUrl, active: true } });
  }

  private repo(m?: EntityManager): Repository<CadreEntity> {
    return m ? m.getRepository(CadreEntity) : this.cadres;
  }

  async insert(m: EntityManager, fields: NewCadre): Promise<number> {
    const inserted = await m.getRepository(CadreEntity).insert({
      ...fields,
      photoUrl: null,
      successorCadreId: null,
      active: true,
      endedAt: null,
      endReason: null,
    });
    return Number(inserted.identifiers[0]!.id);
  }

  async update(
    m: EntityManager,
    id: number,
    changes: Partial<Omit<CadreEntity, 'id' | 'userId' | 'createdAt'>>,
  ): Promise<void> {
    await m.getRepository(CadreEntity).update(id, changes);
  }

  /** One page of the cadres of these units, those in post first; `q` searches name and post, or the accounts given. */
  async page(
    filter: {
      unitIds: readonly number[];
      active?: boolean;
      q?: string;
      userIds?: readonly number[];
    },
    slice: { offset: number; limit: number },
  ): Promise<[CadreEntity[], number]> {
    if (filter.unitIds.length === 0) return [[], 0];
    const q = this.cadres
      .createQueryBuilder('c')
      .where('c.org_unit_id IN (:...units)', { units: [...filter.unitIds] });
    if (filter.active !== undefined) q.andWhere('c.active = :active', { active: filter.active });
    if (filter.q) {
      const users = filter.userIds && filter.userIds.length > 0 ? [...filter.userIds] : [0];
      q.andWhere(
        "(c.name LIKE :q ESCAPE '!' OR c.post LIKE :q ESCAPE '!' OR c.user_id IN (:...users))",
        { q: containsPattern(filter.q), users },
      );
    }
    return q
      .orderBy('c.active', 'DESC')
      .addOrderBy('c.org_unit_id', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(slice.offset)
      .take(slice.limit)
      .getManyAndCount();
  }

  /** Cadres in post per unit. */
  async activeCountsByUnit(
    unitIds: readonly number[],
    m?: EntityManager,
  ): Promise<Map<number, number>> {
    if (unitIds.length === 0) return new Map();
    const rows: { unitId: number; n: number | string }[] = await this.repo(m)
      .createQueryBuilder('c')
      .select('c.org_unit_id', 'unitId')
      .addSelect('COUNT(*)', 'n')
      .where('c.active = :yes AND c.org_unit_id IN (:...units)', { yes: true, units: [...unitIds] })
      .groupBy('c.org_unit_id')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.unitId), Number(r.n)]));
  }

  findByIds(ids: readonly number[]): Promise<CadreEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.cadres.find({ where: { id: In([...new Set(ids)]) } });
  }

  /** The profiles behind these accounts, in post or not (past figures stay with their cadre). */
  findByUserIds(userIds: readonly number[]): Promise<CadreEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.cadres.find({ where: { userId: In([...new Set(userIds)]) }, order: { id: 'ASC' } });
  }

  findActiveByUserId(userId: number, m?: EntityManager): Promise<CadreEntity | null> {
    return this.repo(m).findOne({ where: { userId, active: true } });
  }

  /** The post this account handed over last (事随人转), when it has no post of its own now. */
  async findHandedOverByUserId(userId: number): Promise<CadreEntity | null> {
    if (await this.findActiveByUserId(userId)) return null;
    return this.cadres.findOne({
      where: { userId, active: false, successorCadreId: Not(IsNull()) },
      order: { id: 'DESC' },
    });
  }

  /**
   * The cadres whose posts passed to these (事随人转), and theirs in turn: whose cards these
   * cadres answer today. Keyed by the cadre who answers.
   */
  async predecessorsOf(cadreIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(cadreIds.map((id) => [id, []]));
    let frontier = cadreIds.map((id) => ({ id, root: id }));
    for (let hop = 0; frontier.length > 0 && hop < MAX_HANDOVERS; hop++) {
      const rows = await this.cadres.find({
        where: { successorCadreId: In(frontier.map((f) => f.id)) },
        select: ['id', 'successorCadreId'],
      });
      const rootOf = new Map(frontier.map((f) => [f.id, f.root]));
      frontier = rows.map((r) => ({ id: r.id, root: rootOf.get(r.successorCadreId!)! }));
      for (const f of frontier) out.get(f.root)!.push(f.id);
    }
    return out;
  }

  /** The cadre who answers for `cadre` today: the successor's successor…, or the cadre itself. */
  async currentHolder(cadre: CadreEntity): Promise<CadreEntity> {
    let holder = cadre;
    for (let hop = 0; holder.successorCadreId !== null && hop < MAX_HANDOVERS; hop++) {
      holder = await this.cadres.findOneOrFail({ where: { id: holder.successorCadreId } });
    }
    return holder;
  }

  async namesByIds(ids: readonly number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.cadres.find({ where: { id: In(unique) }, select: ['id', 'name'] });
    return new Map(rows.map((c) => [c.id, c.name]));
  }

  /** Cadre id → the account id metrics key cadres by. */
  /** `m`: the transaction to read through, when called inside one. */
  async userIdsByCadreIds(ids: readonly number[], m?: EntityManager): Promise<Map<number, number>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const repo = m ? m.getRepository(CadreEntity) : this.cadres;
    const rows = await repo.find({ where: { id: In(unique) }, select: ['id', 'userId'] });
    return new Map(rows.map((c) => [c.id, c.userId]));
  }

  /** Active cadres of these units, in unit order then id. */
  findActiveInUnits(unitIds: readonly number[], m?: EntityManager): Promise<CadreEntity[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.repo(m).find({
      where: { orgUnitId: In([...unitIds]), active: true },
      order: { id: 'ASC' },
    });
  }

  /**
   * The active cadres of these units and the cadres behind these accounts (one per account), by
   * id: one lean read for the figures' rows, whose county page names some 400 of them per call.
   */
  async rosterOf(
    unitIds: readonly number[],
    userIds: readonly number[],
  ): Promise<CadreRosterEntry[]> {
    const where: string[] = [];
    if (unitIds.length > 0) where.push('(c.org_unit_id IN (:...unitIds) AND c.active = :active)');
    if (userIds.length > 0) where.push('c.user_id IN (:...userIds)');
    if (where.length === 0) return [];
    const rows: Record<string, string | number>[] = await this.cadres
      .createQueryBuilder('c')
      .select(['c.id AS id', 'c.user_id AS userId', 'c.org_unit_id AS orgUnitId'])
      .addSelect(['c.name AS name', 'c.post AS post', 'c.active AS active'])
      .where(where.join(' OR '), {
        unitIds: [...new Set(unitIds)],
        userIds: [...new Set(userIds)],
        active: true,
      })
      .orderBy('c.id')
      .getRawMany();
    return rows.map((r) => ({
      id: Number(r.id),
      userId: Number(r.userId),
      orgUnitId: Number(r.orgUnitId),
      name: String(r.name),
      post: String(r.post),
      active: Number(r.active) === 1 || r.active === 'true',
    }));
  }

  /** Active cadres behind these accounts, keyed by account id. */
  async activeByUserIds(userIds: readonly number[]): Promise<Map<number, CadreEntity>> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.cadres.find({ where: { userId: In(unique), active: true } });
    return new Map(rows.map((c) => [c.userId, c]));
  }
}
