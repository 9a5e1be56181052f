import { type Household, householdAddress } from '@mqlk/shared';
import type { HouseholdTags } from './household.repository';
import type { HouseholdEntity } from './household.entity';

/** What presenting a batch of households looks up, each once for the whole batch. */
export interface HouseholdLookups {
  tags: ReadonlyMap<number, HouseholdTags>;
  unitNames: ReadonlyMap<number, string>;
  cadreNames: ReadonlyMap<number, string>;
  /** requests from each household still being handled */
  openCounts: ReadonlyMap<number, number>;
  /** the code of each household's 民困帮扶卡 in use */
  helpCards: ReadonlyMap<number, string>;
}

/** Households as lists show them: the phone masked, the address written out. */
export function presentHouseholds(rows: HouseholdEntity[], look: HouseholdLookups): Household[] {
  return rows.map((h) => {
    const unitName = look.unitNames.get(h.orgUnitId) ?? '';
    const tags = look.tags.get(h.id);
    return {
      id: h.id,
      unitId: h.orgUnitId,
      unitName,
      groupName: h.groupName,
      houseNumber: h.houseNumber,
      address: householdAddress(unitName, h.groupName, h.houseNumber),
      headName: h.headName,
      phoneMasked: h.phoneMasked,
      memberCount: h.memberCount,
      specialGroups: tags?.specialGroups ?? [],
      freeTags: tags?.freeTags ?? [],
      cadreId: h.cadreId,
      cadreName: h.cadreId === null ? null : (look.cadreNames.get(h.cadreId) ?? null),
      pairing: h.cadreId === null ? null : h.pairing,
      lastVisitOn: h.lastVisitOn,
      openRequests: look.openCounts.get(h.id) ?? 0,
      helpCardCode: look.helpCards.get(h.id) ?? null,
    };
  });
}
