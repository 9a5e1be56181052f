import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { isSqlite } from '../../database/locking';
import { CardEntity, CardScanDayEntity } from './card.entity';

/** The card table's one home, with the scans counted per card and day. */
@Injectable()
export class CardRepository {
  constructor(
    @InjectRepository(CardEntity) private readonly cards: Repository<CardEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * The card with exactly this code. MySQL's default collation compares case-insensitively while
   * codes are case-sensitive, so the fetched code is compared again here.
   */
  async findByCode(code: string): Promise<CardEntity | null> {
    const card = await this.cards.findOne({ where: { code } });
    return card && card.code === code ? card : null;
  }

  findById(id: number, m?: EntityManager): Promise<CardEntity | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  byIds(ids: readonly number[]): Promise<CardEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.cards.find({ where: { id: In([...ids]) } });
  }

  /** Cards of these cadres, newest first. */
  ofCadres(cadreIds: readonly number[], m?: EntityManager): Promise<CardEntity[]> {
    if (cadreIds.length === 0) return Promise.resolve([]);
    return this.repo(m).find({ where: { cadreId: In([...cadreIds]) }, order: { id: 'DESC' } });
  }

  async insert(
    m: EntityManager,
    card: Pick<CardEntity, 'code' | 'cadreId' | 'issuedAt'> &
      Partial<Pick<CardEntity, 'householdId'>>,
  ) {
    const inserted = await m.getRepository(CardEntity).insert({
      householdId: null,
      ...card,
      status: 'active',
      revokedAt: null,
      revokeReason: null,
      replacedByCardId: null,
    });
    return Number(inserted.identifiers[0]!.id);
  }

  /** Stops an active card; false when it was stopped already. */
  async revoke(
    m: EntityManager,
    id: number,
    reason: string,
    at: Date,
    replacedByCardId: number | null,
  ): Promise<boolean> {
    const result = await m
      .getRepository(CardEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'revoked', revokedAt: at, revokeReason: reason, replacedByCardId })
      .where('id = :id AND status = :active', { id, active: 'active' })
      .execute();
    return result.affected === 1;
  }

  /** One more opening of the card's page on this local day. */
  async countScan(cardId: number, day: string): Promise<void> {
    const upsert = isSqlite(this.db.manager)
      ? 'ON CONFLICT(card_id, day) DO UPDATE SET scans = scans + 1'
      : 'ON DUPLICATE KEY UPDATE scans = scans + 1';
    await this.db.query(
      `INSERT INTO card_scan_day (card_id, day, scans) VALUES (?, ?, 1) ${upsert}`,
      [cardId, day],
    );
  }

  /** Scans per card (all time), and per day since `fromDay` for one card. */
  async scanTotals(cardIds: readonly number[]): Promise<Map<number, number>> {
    if (cardIds.length === 0) return new Map();
    const rows: { cardId: number; scans: number | string }[] = await this.db
      .getRepository(CardScanDayEntity)
      .createQueryBuilder('s')
      .select('s.card_id', 'cardId')
      .addSelect('SUM(s.scans)', 'scans')
      .where('s.card_id IN (:...ids)', { ids: [...cardIds] })
      .groupBy('s.card_id')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.cardId), Number(r.scans)]));
  }

  scansSince(cardId: number, fromDay: string): Promise<CardScanDayEntity[]> {
    return this.db
      .getRepository(CardScanDayEntity)
      .createQueryBuilder('s')
      .where('s.card_id = :cardId AND s.day >= :fromDay', { cardId, fromDay })
      .orderBy('s.day', 'ASC')
      .getMany();
  }

  /** Active cards of these cadres, in cadre order. */
  activeOfCadres(cadreIds: readonly number[]): Promise<CardEntity[]> {
    if (cadreIds.length === 0) return Promise.resolve([]);
    return this.cards.find({
      where: { cadreId: In([...cadreIds]), status: 'active' },
      order: { cadreId: 'ASC', id: 'ASC' },
    });
  }

  /** The 民困帮扶卡 in use of each of these households (the newest, should there be two). */
  async activeHelpCards(
    householdIds: readonly number[],
    m?: EntityManager,
  ): Promise<Map<number, CardEntity>> {
    if (householdIds.length === 0) return new Map();
    const rows = await this.repo(m).find({
      where: { householdId: In([...new Set(householdIds)]), status: 'active' },
      order: { id: 'ASC' },
    });
    return new Map(rows.map((c) => [c.householdId!, c]));
  }

  countActive(cadreId: number, m?: EntityManager): Promise<number> {
    return this.repo(m).count({ where: { cadreId, status: 'active' } });
  }

  private repo(m?: EntityManager): Repository<CardEntity> {
    return m ? m.getRepository(CardEntity) : this.cards;
  }
}
