import { Inject, Injectable } from '@nestjs/common';
import { type CardView, checkCardCode, localDateOf } from '@mqlk/shared';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { AppError } from '../../common/app-error';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import { HouseholdRepository } from '../household/household.repository';
import { OrgRepository } from '../org/org.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import type { CardEntity } from './card.entity';
import { CardRepository } from './card.repository';
import { CardViewRepository, type CardViewRow } from './card-view.repository';

export interface ResolvedCard {
  card: CardEntity;
  /** the cadre who answers the card today (the successor if the printed cadre moved on) */
  cadre: CadreEntity;
  /** the cadre printed on the card, when someone else took over */
  handedOverFrom: CadreEntity | null;
}

/** What a submission through a card needs: the card, who answers it, and (plain card) their unit. */
export interface SubmissionCard {
  cardId: number;
  householdId: number | null;
  cadre: Pick<CadreEntity, 'id' | 'userId' | 'orgUnitId' | 'name'>;
  /** the cadre's unit and account name, when read with the card (a plain card's one read) */
  unit: Pick<OrgUnitEntity, 'id' | 'path' | 'kind'> | null;
  accountName: string | null;
}

@Injectable()
export class CardService {
  constructor(
    private readonly cards: CardRepository,
    private readonly views: CardViewRepository,
    private readonly cadres: CadreRepository,
    private readonly households: HouseholdRepository,
    private readonly org: OrgRepository,
    private readonly phones: PhoneCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A card code → the card and the cadre who answers it, or the refusal a resident should see. */
  async resolve(rawCode: string): Promise<ResolvedCard> {
    const card = await this.find(rawCode);
    if (card.status === 'revoked') throw new AppError('CARD_REVOKED');
    return this.holderOf(card);
  }

  /**
   * `resolve` for a submission: a plain card (active, its printed cadre in post, not a
   * 民困帮扶卡) in one read with the cadre's unit and account name (issue 11: a submission's
   * round trips are its cost); any other card takes `resolve`'s path.
   */
  async forSubmission(rawCode: string): Promise<SubmissionCard> {
    const checked = checkCardCode(rawCode);
    if (!checked.ok) throw new AppError('CARD_CODE_INVALID');
    const row = await this.views.byCode(checked.code, true);
    if (!row) throw new AppError('CARD_NOT_FOUND');
    if (isPlain(row) && row.unit) {
      return {
        cardId: row.cardId,
        householdId: null,
        cadre: {
          id: row.cadreId,
          userId: row.cadreUserId,
          orgUnitId: row.unit.id,
          name: row.cadreName,
        },
        unit: { ...row.unit, kind: row.unit.kind as OrgUnitEntity['kind'] },
        accountName: row.accountName,
      };
    }
    const { card, cadre } = await this.resolve(rawCode);
    return { cardId: card.id, householdId: card.householdId, cadre, unit: null, accountName: null };
  }

  private async find(rawCode: string): Promise<CardEntity> {
    const checked = checkCardCode(rawCode);
    if (!checked.ok) throw new AppError('CARD_CODE_INVALID');
    const card = await this.cards.findByCode(checked.code);
    if (!card) throw new AppError('CARD_NOT_FOUND');
    return card;
  }

  /**
   * Who answers a card today: the printed cadre, or whoever took over their post (事随人转). A
   * 民困帮扶卡 follows its household: the cadre the household is linked to now, if it still is.
   */
  async holderOf(card: CardEntity): Promise<ResolvedCard> {
    const printed = await this.cadres.findById(card.cadreId);
    if (!printed) throw new Error(`card ${card.id} names no cadre`);
    const home =
      card.householdId === null ? null : await this.households.findById(card.householdId);
    const linked =
      home && home.cadreId !== null && home.cadreId !== printed.id
        ? await this.cadres.findById(home.cadreId)
        : null;
    const cadre = await this.cadres.currentHolder(linked ?? printed);
    return { card, cadre, handedOverFrom: cadre.id === printed.id ? null : printed };
  }

  /**
   * The card page. Every opening is counted (per card and local day). A stopped card that was
   * re-issued to a cadre still in post leads to the new card; any other stopped card is refused.
   * The common case — an active card whose printed cadre is still in post, not a 民困帮扶卡 — is
   * answered from one raw read (CardViewRepository); the rest take the general path below.
   */
  async view(rawCode: string): Promise<CardView> {
    const checked = checkCardCode(rawCode);
    if (!checked.ok) throw new AppError('CARD_CODE_INVALID');
    const row = await this.views.byCode(checked.code);
    if (!row) throw new AppError('CARD_NOT_FOUND');
    await this.cards.countScan(row.cardId, localDateOf(this.clock.now()));
    if (isPlain(row)) {
      return this.presentRow(row);
    }
    const found = await this.find(rawCode);
    if (found.status === 'revoked') {
      const replacement = found.replacedByCardId
        ? await this.cards.findById(found.replacedByCardId)
        : null;
      if (!replacement || replacement.status !== 'active') throw new AppError('CARD_REVOKED');
      const answered = await this.holderOf(replacement);
      if (!answered.cadre.active) throw new AppError('CARD_REVOKED');
      return { ...(await this.present(answered)), code: found.code, replacedBy: replacement.code };
    }
    return this.present(await this.holderOf(found));
  }

  /** The same answer as `present`, from the one-read row. */
  private presentRow(row: CardViewRow): CardView {
    const township = row.units.find((u) => u.kind === 'township') ?? null;
    return {
      code: row.code,
      cadre: {
        id: row.cadreId,
        name: row.cadreName,
        post: row.post,
        phone: this.phones.decrypt(row.phoneEnc),
        duties: row.duties,
        dutyDays: row.dutyDays,
        photoUrl: row.photoUrl,
        unitName: row.units[0]?.name ?? '',
      },
      villageName: row.units.find((u) => u.kind === 'village')?.name ?? null,
      townshipName: township?.name ?? null,
      hotlines: township ? (JSON.parse(township.hotlines) as CardView['hotlines']) : [],
      handedOverFrom: null,
      replacedBy: null,
      helpCard: false,
    };
  }

  private async present({ card, cadre, handedOverFrom }: ResolvedCard): Promise<CardView> {
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
      replacedBy: null,
      helpCard: card.householdId !== null,
    };
  }
}

/** An active card whose printed cadre is still in post, not a 民困帮扶卡: one read answers it. */
function isPlain(row: CardViewRow): boolean {
  return row.status === 'active' && row.householdId === null && row.successorCadreId === null;
}
