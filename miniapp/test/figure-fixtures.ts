import type {
  Anomaly,
  AnomalyList,
  FigureRequest,
  FigureRow,
  FigureSeries,
  FigureSet,
  MyFigures,
  UnitFigures,
} from '@mqlk/shared';

export const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

const mean = (total: number, count: number) => ({
  count,
  total,
  value: count === 0 ? null : total / count,
});

/** Every figure empty (暂无数据), then what the test says. */
export function figureSet(overrides: Partial<FigureSet> = {}): FigureSet {
  return {
    received: 0,
    resolved: 0,
    ratings: 0,
    badReviews: 0,
    satisfaction: rate(0, 0),
    verySatisfied: rate(0, 0),
    badReviewRate: rate(0, 0),
    averageScore: mean(0, 0),
    solvedRate: rate(0, 0),
    participation: rate(0, 0),
    onTime: rate(0, 0),
    responsiveness: rate(0, 0),
    acceptanceHours: mean(0, 0),
    rectification: rate(0, 0),
    resolutionLevels: { village: rate(0, 0), township: rate(0, 0), county: rate(0, 0) },
    ...overrides,
  };
}

/** A busy cadre: 193 of 200 ratings satisfied, 18 of 20 deadlines met. */
export function busyFigures(): FigureSet {
  return figureSet({
    received: 230,
    resolved: 210,
    ratings: 200,
    badReviews: 4,
    satisfaction: rate(193, 200),
    verySatisfied: rate(120, 200),
    badReviewRate: rate(4, 200),
    averageScore: mean(200 * 88.5, 200),
    solvedRate: rate(180, 190),
    participation: rate(200, 210),
    onTime: rate(18, 20),
    responsiveness: rate(25, 26),
    acceptanceHours: mean(3.5 * 40, 40),
    rectification: rate(3, 4),
    resolutionLevels: { village: rate(150, 210), township: rate(50, 210), county: rate(10, 210) },
  });
}

export function figureRow(overrides: Partial<FigureRow> = {}): FigureRow {
  return {
    key: 'cadre:11',
    kind: 'cadre',
    id: 11,
    name: '李明',
    note: '网格员 · 红星村',
    figures: busyFigures(),
    ...overrides,
  };
}

type RowsPage = UnitFigures['rows'];

/** A page of rows; `total` defaults to the rows given, as when everything fits on the first page. */
export function rowsPage(
  items: FigureRow[],
  page: Partial<Omit<RowsPage, 'items'>> = {},
): RowsPage {
  return { items, page: 1, pageSize: 20, total: items.length, ...page };
}

/** The figures of 青山镇; `rows` may be a plain list, taken as the first and only page. */
export function unitFigures(
  overrides: Omit<Partial<UnitFigures>, 'rows'> & { rows?: FigureRow[] | RowsPage } = {},
): UnitFigures {
  const given = overrides.rows ?? [
    figureRow(),
    figureRow({
      key: 'cadre:12',
      id: 12,
      name: '赵丽',
      note: '包村干部 · 前进村',
      figures: figureSet({ received: 2, ratings: 3, satisfaction: rate(2, 3) }),
    }),
  ];
  const rows = Array.isArray(given) ? rowsPage(given) : given;
  return {
    period: { from: '2026-11-01', to: '2026-11-21' },
    scope: { unitId: 2, name: '青山镇', kind: 'township' },
    level: 'cadre',
    total: busyFigures(),
    ranking: {
      baseline: rate(195, 203),
      m: 10,
      ranked: [
        {
          key: 'cadre:11',
          kind: 'cadre',
          id: 11,
          name: '李明',
          rank: 1,
          score: 0.9647,
          satisfaction: 0.965,
          satisfied: 193,
          rated: 200,
        },
      ],
      insufficient: [{ key: 'cadre:12', kind: 'cadre', id: 12, name: '赵丽', rated: 3 }],
    },
    categories: [
      { category: 'difficulty', received: 150 },
      { category: 'policy', received: 50 },
      { category: 'suggestion', received: 30 },
    ],
    ...overrides,
    rows,
  };
}

export function figureSeries(): FigureSeries {
  return {
    scope: { unitId: 2, name: '青山镇', cadreId: null },
    months: [
      {
        month: '2026-10',
        period: { from: '2026-10-01', to: '2026-10-31' },
        figures: figureSet(),
      },
      {
        month: '2026-11',
        period: { from: '2026-11-01', to: '2026-11-30' },
        figures: busyFigures(),
      },
    ],
  };
}

export function figureRequest(overrides: Partial<FigureRequest> = {}): FigureRequest {
  return {
    requestId: 42,
    number: 'MQ-20261105-0042',
    submittedAt: '2026-11-05T01:30:00.000Z',
    category: 'difficulty',
    status: 'closed',
    ownerName: '李明',
    date: '2026-11-10',
    clock: 'missed',
    ratingLevel: 4,
    ...overrides,
  };
}

export function myFigures(overrides: Partial<MyFigures> = {}): MyFigures {
  return {
    period: { from: '2026-11-01', to: '2026-11-21' },
    name: '李明',
    figures: busyFigures(),
    ratingsShown: true,
    months: [
      {
        month: '2026-11',
        period: { from: '2026-11-01', to: '2026-11-30' },
        figures: busyFigures(),
        ratingsShown: true,
      },
    ],
    ...overrides,
  };
}

/** 李明 rated five times within the hour, seconds after each resolution. */
export function burstAnomaly(overrides: Partial<Anomaly> = {}): Anomaly {
  return {
    kind: 'burst',
    summary: '李明在60分钟内收到5条评价',
    cadre: { id: 11, name: '李明' },
    rater: null,
    requests: [0, 1, 2, 3, 4].map((i) => ({
      requestId: 40 + i,
      number: `MQ-20261105-004${i}`,
      ownerName: '李明',
      // Resolved 10:00 Beijing time; rated 12 seconds later, and the last one three hours later.
      resolvedAt: `2026-11-05T02:0${i}:00.000Z`,
      ratedAt: i < 4 ? `2026-11-05T02:0${i}:12.000Z` : '2026-11-05T05:04:00.000Z',
      level: 5,
    })),
    ...overrides,
  };
}

/** One resident account rating the requests of three cadres. */
export function manyCadresAnomaly(): Anomaly {
  return {
    kind: 'many_cadres',
    summary: '同一评价账号评价了3名干部的3条诉求',
    cadre: null,
    rater: '139****0001',
    requests: [
      ['李明', 51],
      ['赵丽', 52],
      ['王强', 53],
    ].map(([ownerName, id]) => ({
      requestId: id as number,
      number: `MQ-20261110-00${id}`,
      ownerName: ownerName as string,
      resolvedAt: null,
      ratedAt: '2026-11-10T06:00:00.000Z',
      level: 4,
    })),
  };
}

export function anomalyList(overrides: Partial<AnomalyList> = {}): AnomalyList {
  return {
    period: { from: '2026-10-23', to: '2026-11-21' },
    scope: { unitId: 2, name: '青山镇' },
    anomalies: [burstAnomaly(), manyCadresAnomaly()],
    ...overrides,
  };
}
