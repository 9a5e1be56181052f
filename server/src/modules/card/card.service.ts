import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CardView, checkCardCode } from '@mqlk/shared';
import type { Repository } from 'typeorm';
import { AppError } from '../../common/app-error';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import { CadreEntity } from '../cadre/cadre.entity';
import { OrgRepository } from '../org/org.repository';
import { CardEntity } from './card.entity';

/** How many hand-overs (事随人转) to follow from a card's cadre before giving up on a loop. */
const MAX_HANDOVERS = 10;

export interface ResolvedCard {
  card: CardEntity;
  /** the cadre who answers the card today (the successor if the printed cadre moved on) */
  cadre: CadreEntity;
  /** the cadre printed on the card, when someone else took over */
  handedOverFrom: CadreEntity | null;
}

@Injectable()
export class CardService {
  constructor(
    @InjectRepository(CardEntity) private readonly cards: Repository<CardEntity>,
    @InjectRepository(CadreEntity) private readonly cadres: Repository<CadreEntity>,
    private readonly org: OrgRepository,
    private readonly phones: PhoneCipher,
  ) {}

  /** A card code → the card and the cadre who answers it, or the refusal a resident should see. */
  async resolve(rawCode: string): Promise<ResolvedCard> {
    const checked = checkCardCode(rawCode);
    if (!checked.ok) throw new AppError('CARD_CODE_INVALID');
    const card = await this.cards.findOne({ where: { code: checked.code } });
    // MySQL's collation compares case-insensitively; codes are case-sensitive.
    if (!card || card.code !== checked.code) throw new AppError('CARD_NOT_FOUND');
    if (card.status === 'revoked') throw new AppError('CARD_REVOKED');
    const printed = await this.cadres.findOneOrFail({ where: { id: card.cadreId } });
    let cadre = printed;
    for (let hop = 0; cadre.successorCadreId !== null && hop < MAX_HANDOVERS; hop++) {
      cadre = await this.cadres.findOneOrFail({ where: { id: cadre.successorCadreId } });
    }
    return { card, cadre, handedOverFrom: cadre.id === printed.id ? null : printed };
  }

  async view(rawCode: string): Promise<CardView> {
    const { card, cadre, handedOverFrom } = await this.resolve(rawCode);
    const unit = await this.org.findById(cadre.orgUnitId);
    const lineage = unit ? await this.org.findLineage(unit) : [];
    const township = lineage.find((u) => u.kind === 'township') ?? null;
    return {
      code: card.code,
      cadre: {
        id: cadre.id,
        name: cadre.name,
        post: cadre.post,
        phone: this.phones.decrypt(cadre.phoneEnc),
        duties: cadre.duties,
        dutyDays: cadre.dutyDays,
        photoUrl: cadre.photoUrl,
        unitName: unit?.name ?? '',
      },
      villageName: lineage.find((u) => u.kind === 'village')?.name ?? null,
      townshipName: township?.name ?? null,
      hotlines: township?.hotlines ?? [],
      handedOverFrom: handedOverFrom?.name ?? null,
    };
  }
}
