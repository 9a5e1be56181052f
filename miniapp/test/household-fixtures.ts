import type { Household, HouseholdDetail, Visit } from '@mqlk/shared';

import { household as officeHousehold } from './office-fixtures';

export { pageOf } from './office-fixtures';

/** A cadre's own household: 周玉芬, 空巢老人, never visited, nothing open (the office's shape). */
export function household(overrides: Partial<Household> = {}): Household {
  return officeHousehold({
    id: 31,
    headName: '周玉芬',
    phoneMasked: '139****0001',
    memberCount: 2,
    specialGroups: ['empty_nest'],
    cadreName: '李明',
    lastVisitOn: null,
    openRequests: 0,
    ...overrides,
  });
}

export function householdDetail(overrides: Partial<Household> = {}): HouseholdDetail {
  return { household: household(overrides), phone: '13900000001' };
}

export function visit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 501,
    householdId: 31,
    address: '红星村三组12号',
    headName: '周玉芬',
    cadreId: 11,
    cadreName: '李明',
    visitedOn: '2026-12-07',
    onDutyDay: true,
    met: '户主本人',
    found: '屋顶漏雨，需要修补',
    photos: [],
    requests: [],
    recordedAt: '2026-12-07T02:00:00.000Z',
    ...overrides,
  };
}
