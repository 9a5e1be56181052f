import { Injectable } from '@nestjs/common';
import {
  HANDOVER_STATUSES,
  type Household,
  type HouseholdDetail,
  normalizePhone,
} from '@mqlk/shared';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import { CadreRepository } from '../cadre/cadre.repository';
import { CardRepository } from '../card/card.repository';
import { presentHouseholds } from '../household/household-view';
import type { HouseholdEntity } from '../household/household.entity';
import { HouseholdRepository } from '../household/household.repository';
import { OrgRepository } from '../org/org.repository';
import { RequestRepository } from '../request/request.repository';

/**
 * Households as both the office and the cadre read them: each look-up (tags, unit and cadre
 * names, open requests) once per batch, a search term, one household with its full phone. It lives here, not in `household/`, because counting
 * requests needs the request module, and the request module will need `household/`.
 */
@Injectable()
export class HouseholdPresenter {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly org: OrgRepository,
    private readonly cadres: CadreRepository,
    private readonly requests: RequestRepository,
    private readonly cards: CardRepository,
    private readonly phones: PhoneCipher,
  ) {}

  /** A list's search term: contained in a name, number or group, or a whole phone (by hash). */
  search(q: string | undefined): { q?: string; phoneHash: string | null } {
    const phone = q ? normalizePhone(q) : null;
    return { q: q || undefined, phoneHash: phone ? this.phones.hash(phone) : null };
  }

  /** One household as its detail page shows it, the phone in full. */
  async detail(h: HouseholdEntity): Promise<HouseholdDetail> {
    const [view] = await this.present([h]);
    return { household: view!, phone: h.phoneEnc ? this.phones.decrypt(h.phoneEnc) : null };
  }

  async present(rows: HouseholdEntity[]): Promise<Household[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((h) => h.id);
    const cadreIds = rows.map((h) => h.cadreId).filter((x): x is number => x !== null);
    return presentHouseholds(rows, {
      tags: await this.households.tagsOf(ids),
      unitNames: new Map(
        (await this.org.findByIds(rows.map((h) => h.orgUnitId))).map((u) => [u.id, u.name]),
      ),
      cadreNames: await this.cadres.namesByIds(cadreIds),
      // Still waiting on someone: open, or a 当场解决 the resident has not confirmed yet.
      openCounts: await this.requests.countByHouseholds(ids, HANDOVER_STATUSES),
      helpCards: new Map(
        [...(await this.cards.activeHelpCards(ids)).entries()].map(([id, c]) => [id, c.code]),
      ),
    });
  }
}
