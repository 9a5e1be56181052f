import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { CadreEntity } from './cadre.entity';

/** How many hand-overs (事随人转) to follow from a card's cadre before giving up on a loop. */
const MAX_HANDOVERS = 10;

/** The cadre table's one home: profiles, the account behind each, and hand-overs. */
@Injectable()
export class CadreRepository {
  constructor(@InjectRepository(CadreEntity) private readonly cadres: Repository<CadreEntity>) {}

  findById(id: number): Promise<CadreEntity | null> {
    return this.cadres.findOne({ where: { id } });
  }

  findActiveByUserId(userId: number): Promise<CadreEntity | null> {
    return this.cadres.findOne({ where: { userId, active: true } });
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
  findActiveInUnits(unitIds: readonly number[]): Promise<CadreEntity[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.cadres.find({
      where: { orgUnitId: In([...unitIds]), active: true },
      order: { id: 'ASC' },
    });
  }

  /** Active cadres behind these accounts, keyed by account id. */
  async activeByUserIds(userIds: readonly number[]): Promise<Map<number, CadreEntity>> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.cadres.find({ where: { userId: In(unique), active: true } });
    return new Map(rows.map((c) => [c.userId, c]));
  }
}
