import {
  DEFAULT_PAGE_SIZE,
  type Household,
  type HouseholdDetail,
  type Page,
  type RecordVisitInput,
  type SpecialGroup,
  type Visit,
} from '@mqlk/shared';

import { call } from './call';

/** 我的联户: the cadre's own households, searched by name, house number or whole phone. */
export function listMyHouseholds(
  page: number,
  filter: { q?: string; group?: SpecialGroup } = {},
): Promise<Page<Household>> {
  return call('myHouseholds', {
    query: { page, pageSize: DEFAULT_PAGE_SIZE, q: filter.q || undefined, group: filter.group },
  });
}

export function getMyHousehold(id: number): Promise<HouseholdDetail> {
  return call('myHousehold', { params: { id } });
}

/** 走访日记: one household's visits (those before a hand-over included), or all of the cadre's. */
export function listVisits(page: number, householdId?: number): Promise<Page<Visit>> {
  return call('myVisits', { query: { page, pageSize: DEFAULT_PAGE_SIZE, householdId } });
}

export function recordVisit(input: RecordVisitInput, idempotencyKey: string): Promise<Visit> {
  return call('recordVisit', { body: input, idempotencyKey });
}
