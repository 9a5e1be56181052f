import type {
  CadreDetail,
  Household,
  OfficeCadre,
  OfficeCard,
  OfficeUnit,
  OfficeUnitTree,
  Page,
  VisitCoverage,
  VisitCoverageRow,
} from '@mqlk/shared';

function unit(
  overrides: Partial<OfficeUnit> & Pick<OfficeUnit, 'id' | 'name' | 'path'>,
): OfficeUnit {
  return {
    parentId: null,
    kind: 'township',
    retiredAt: null,
    hotlines: [],
    cadreCount: 0,
    ...overrides,
  };
}

/** 青山镇 (the staff member's scope) with two villages, one grid, and a retired village. */
export function unitTree(): OfficeUnitTree {
  return {
    scopeUnitId: 2,
    units: [
      unit({ id: 2, name: '青山镇', path: '/1/2/', parentId: 1, kind: 'township', cadreCount: 1 }),
      unit({ id: 3, name: '红星村', path: '/1/2/3/', parentId: 2, kind: 'village', cadreCount: 2 }),
      unit({ id: 5, name: '第一网格', path: '/1/2/3/5/', parentId: 3, kind: 'grid' }),
      unit({ id: 4, name: '前进村', path: '/1/2/4/', parentId: 2, kind: 'village', cadreCount: 1 }),
      unit({
        id: 6,
        name: '老庄村',
        path: '/1/2/6/',
        parentId: 2,
        kind: 'village',
        retiredAt: '2026-03-01T02:00:00.000Z',
      }),
    ],
  };
}

export function officeCadre(overrides: Partial<OfficeCadre> = {}): OfficeCadre {
  return {
    id: 11,
    userId: 21,
    username: 'zhang.san',
    unitId: 3,
    unitName: '红星村',
    name: '张三',
    post: '网格员',
    phoneMasked: '138****8000',
    duties: '走访联系群众，收集办理诉求',
    dutyDays: '每周一、周四',
    photoUrl: null,
    active: true,
    successorName: null,
    activeCards: 1,
    openRequests: 2,
    ...overrides,
  };
}

export function officeCard(overrides: Partial<OfficeCard> = {}): OfficeCard {
  return {
    id: 31,
    code: 'Ab3dEf6hJk9mN',
    url: 'https://mq.example.gov.cn/c/Ab3dEf6hJk9mN',
    cadreId: 11,
    status: 'active',
    issuedAt: '2026-03-02T02:00:00.000Z',
    revokedAt: null,
    revokeReason: null,
    replacedByCode: null,
    householdId: null,
    scans: 17,
    requests: 4,
    ...overrides,
  };
}

export function cadreDetail(
  overrides: Partial<OfficeCadre> = {},
  cards = [officeCard()],
): CadreDetail {
  return { cadre: officeCadre(overrides), phone: '13800138000', cards };
}

export function pageOf<T>(items: T[], total = items.length): Page<T> {
  return { items, total, page: 1, pageSize: 20 };
}

/** 红星村三组12号, 低保 and a free tag, linked 结亲 to 张三 (11). */
export function household(overrides: Partial<Household> = {}): Household {
  return {
    id: 51,
    unitId: 3,
    unitName: '红星村',
    groupName: '三组',
    houseNumber: '12号',
    address: '红星村三组12号',
    headName: '王秀兰',
    phoneMasked: '139****1234',
    memberCount: 3,
    specialGroups: ['subsistence'],
    freeTags: ['独居'],
    cadreId: 11,
    cadreName: '张三',
    pairing: 'kin',
    lastVisitOn: '2026-11-20',
    openRequests: 1,
    helpCardCode: null,
    ...overrides,
  };
}

export function coverageRow(overrides: Partial<VisitCoverageRow> = {}): VisitCoverageRow {
  return {
    cadreId: 11,
    cadreName: '张三',
    unitName: '红星村',
    coverage: { numerator: 3, denominator: 8 },
    specialCoverage: { numerator: 1, denominator: 2 },
    visits: 5,
    dutyDayVisits: 2,
    ...overrides,
  };
}

export function visitCoverage(
  rows: VisitCoverageRow[],
  overrides: Partial<VisitCoverage> = {},
): VisitCoverage {
  return {
    quarter: '2026-Q4',
    label: '2026年第四季度',
    from: '2026-10-01',
    to: '2026-12-31',
    total: {
      numerator: rows.reduce((n, r) => n + r.coverage.numerator, 0),
      denominator: rows.reduce((n, r) => n + r.coverage.denominator, 0),
    },
    rows: pageOf(rows),
    ...overrides,
  };
}
