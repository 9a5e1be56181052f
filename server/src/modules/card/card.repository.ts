import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CardEntity } from './card.entity';

/** The card table's one home. */
@Injectable()
export class CardRepository {
  constructor(@InjectRepository(CardEntity) private readonly cards: Repository<CardEntity>) {}

  /**
   * The card with exactly this code. MySQL's default collation compares case-insensitively while
   * codes are case-sensitive, so the fetched code is compared again here.
   */
  async findByCode(code: string): Promise<CardEntity | null> {
    const card = await this.cards.findOne({ where: { code } });
    return card && card.code === code ? card : null;
  }
}
