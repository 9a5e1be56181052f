import type { Household, HouseholdDetail, Visit } from '@mqlk/shared';

export { pageOf } from './office-fixtures';

export function household(overrides: Partial<Household> = {}): Household {
  return {
    id: 31,
    unitId: 3,
    unitName: '红星村',
    groupName: '三组',
    houseNumber: '12号',
    address: '红星村三组12号',
    headName: '周玉芬',
    phoneMasked: '139****0001',
    memberCount: 2,
    specialGroups: ['empty_nest'],
    freeTags: ['独居'],
    cadreId: 11,
    cadreName: '李明',
    pairing: 'kin',
    lastVisitOn: null,
    openRequests: 0,
    helpCardCode: null,
    ...overrides,
  };
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
