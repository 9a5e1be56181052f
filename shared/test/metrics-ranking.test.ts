import { rankUnits } from '../src/metrics';
import { compareFractions } from '../src/metrics/ranking';

describe('rankUnits (排名分)', () => {
  // Sum of all entries, V4 included: 95/114 = 5/6 = p₀. m = 10, so score = (50/6 + s) / (10 + n):
  // V1 (45/50): (8.3333 + 45) / 60 = 8/9  = 0.8889
  // V3 (18/20): (8.3333 + 18) / 30 = 158/180 = 0.8778
  // V2 (9/10):  (8.3333 + 9) / 20 = 104/120 = 0.8667
  // V5 (20/30): (8.3333 + 20) / 40 = 170/240 = 0.7083
  // V4 (3/4): fewer than 5 ratings → 样本不足.
  const entries = [
    { key: 'V1', satisfied: 45, rated: 50 },
    { key: 'V2', satisfied: 9, rated: 10 },
    { key: 'V3', satisfied: 18, rated: 20 },
    { key: 'V4', satisfied: 3, rated: 4 },
    { key: 'V5', satisfied: 20, rated: 30 },
  ];

  it('scores to 4 decimals and ranks by score', () => {
    const ranking = rankUnits(entries);
    expect(ranking.baseline).toEqual({ numerator: 95, denominator: 114, value: 95 / 114 });
    expect(ranking.m).toBe(10);
    const rows = ranking.ranked.map((e) => [e.key, e.rank]);
    expect(rows).toEqual([
      ['V1', 1],
      ['V3', 2],
      ['V2', 3],
      ['V5', 4],
    ]);
    const scores = ranking.ranked.map((e) => e.score);
    [0.8889, 0.8778, 0.8667, 0.7083].forEach((expected, i) =>
      expect(scores[i]).toBeCloseTo(expected, 4),
    );
    expect(ranking.ranked[0]?.satisfaction).toBe(0.9);
  });

  it('sets units with fewer than 5 ratings apart, showing only their count', () => {
    expect(rankUnits(entries).insufficient).toEqual([{ key: 'V4', rated: 4 }]);
  });

  it('lists only 样本不足 when nobody has 5 ratings', () => {
    const ranking = rankUnits([
      { key: 'b', satisfied: 4, rated: 4 },
      { key: 'a', satisfied: 0, rated: 0 },
    ]);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.insufficient).toEqual([
      { key: 'a', rated: 0 },
      { key: 'b', rated: 4 },
    ]);
  });

  it('uses competition ranking for equal scores, ordered by number of ratings then key', () => {
    // p₀ = 3/4 given. D 10/10: (7.5 + 10)/20 = 0.875. A 6/8, B 15/20, C 9/12 all have p = p₀, so
    // score 0.75. E 0/5: 7.5/15 = 0.5. Ranks 1, 2, 2, 2, 5.
    const ranking = rankUnits(
      [
        { key: 'A', satisfied: 6, rated: 8 },
        { key: 'C', satisfied: 9, rated: 12 },
        { key: 'E', satisfied: 0, rated: 5 },
        { key: 'B', satisfied: 15, rated: 20 },
        { key: 'D', satisfied: 10, rated: 10 },
      ],
      { baseline: { satisfied: 3, rated: 4 } },
    );
    expect(ranking.ranked.map((e) => [e.key, e.rank, e.score])).toEqual([
      ['D', 1, 0.875],
      ['B', 2, 0.75],
      ['C', 2, 0.75],
      ['A', 2, 0.75],
      ['E', 5, 0.5],
    ]);
  });

  it('orders equal scores with equal counts by key', () => {
    const ranking = rankUnits([
      { key: 'y', satisfied: 5, rated: 5 },
      { key: 'x', satisfied: 5, rated: 5 },
    ]);
    expect(ranking.ranked.map((e) => [e.key, e.rank])).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
  });

  it('finds ties exactly where floating point would split them', () => {
    // p₀ = 1/2: (5 + 8)/24 = 13/24 and (5 + 21)/48 = 26/48 = 13/24. Computed naively in floats,
    // the two come out as 0.5416666666666666 and 0.5416666666666667.
    const ranking = rankUnits(
      [
        { key: 'P', satisfied: 8, rated: 14 },
        { key: 'Q', satisfied: 21, rated: 38 },
      ],
      { baseline: { satisfied: 1, rated: 2 } },
    );
    expect(ranking.ranked.map((e) => [e.key, e.rank])).toEqual([
      ['Q', 1],
      ['P', 1],
    ]);
    expect(ranking.ranked[0]?.score).toBe(ranking.ranked[1]?.score);
  });

  it('takes m and the minimum from the options', () => {
    // m = 0 ranks on the raw 满意率; minRatings = 4 lets V4 in with 0.75.
    const ranking = rankUnits(entries, { m: 0, minRatings: 4 });
    expect(ranking.ranked.map((e) => [e.key, e.score])).toEqual([
      ['V1', 0.9],
      ['V3', 0.9],
      ['V2', 0.9],
      ['V4', 0.75],
      ['V5', 20 / 30],
    ]);
    expect(ranking.ranked.map((e) => e.rank)).toEqual([1, 1, 1, 4, 5]);
    expect(ranking.insufficient).toEqual([]);
  });

  it('returns an empty ranking with no baseline for no entries', () => {
    expect(rankUnits([])).toEqual({
      baseline: { numerator: 0, denominator: 0, value: null },
      m: 10,
      ranked: [],
      insufficient: [],
    });
  });

  it.each([
    ['more satisfied than rated', [{ key: 'a', satisfied: 6, rated: 5 }], {}],
    ['negative count', [{ key: 'a', satisfied: -1, rated: 5 }], {}],
    ['fractional count', [{ key: 'a', satisfied: 1.5, rated: 5 }], {}],
    [
      'duplicate key',
      [
        { key: 'a', satisfied: 1, rated: 5 },
        { key: 'a', satisfied: 1, rated: 5 },
      ],
      {},
    ],
    [
      'baseline without ratings',
      [{ key: 'a', satisfied: 5, rated: 5 }],
      { baseline: { satisfied: 0, rated: 0 } },
    ],
    ['minRatings 0', [], { minRatings: 0 }],
    ['negative m', [], { m: -1 }],
  ])('rejects %s', (_name, list, options) => {
    expect(() => rankUnits(list, options)).toThrow(RangeError);
  });

  it('refuses an entry with more satisfied than rated even when the baseline is given', () => {
    const baseline = { satisfied: 50, rated: 60 };
    expect(() => rankUnits([{ key: 'a', satisfied: 6, rated: 5 }], { baseline })).toThrow(
      'a: more satisfied than rated',
    );
    expect(() => rankUnits([{ key: 'a', satisfied: 5, rated: 5 }], { baseline })).not.toThrow();
    expect(() =>
      rankUnits([{ key: 'a', satisfied: 5, rated: 5 }], { baseline: { satisfied: 7, rated: 6 } }),
    ).toThrow('baseline: more satisfied than rated');
  });

  it('lists 样本不足 in key order whatever the input order', () => {
    const ranking = rankUnits([
      { key: 'c', satisfied: 1, rated: 1 },
      { key: 'a', satisfied: 0, rated: 2 },
      { key: 'd', satisfied: 9, rated: 9 },
      { key: 'b', satisfied: 3, rated: 4 },
    ]);
    expect(ranking.insufficient).toEqual([
      { key: 'a', rated: 2 },
      { key: 'b', rated: 4 },
      { key: 'c', rated: 1 },
    ]);
    expect(ranking.ranked.map((e) => e.key)).toEqual(['d']);
  });

  it.each([
    ['rated', [{ key: 'a', satisfied: 0, rated: 2 ** 53 }], {}],
    ['satisfied', [{ key: 'a', satisfied: 2 ** 53, rated: 2 ** 53 + 2 }], {}],
    ['baseline', [], { baseline: { satisfied: 1, rated: 2 ** 53 } }],
    ['m', [], { m: 2 ** 53 }],
    ['minRatings', [], { minRatings: 2 ** 53 }],
  ])('refuses a %s count past 2^53, where counting stops being exact', (_name, list, options) => {
    expect(() => rankUnits(list, options)).toThrow(RangeError);
  });

  it('takes the largest exact counts', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const ranking = rankUnits([{ key: 'a', satisfied: max, rated: max }], { m: 0 });
    expect(ranking.ranked.map((e) => [e.key, e.rank, e.score])).toEqual([['a', 1, 1]]);
    expect(rankUnits([], { minRatings: 1, m: 0 }).m).toBe(0);
  });

  it.each([
    [
      [{ key: 'a', satisfied: -1, rated: 5 }],
      {},
      'satisfied of a must be a non-negative integer, got -1',
    ],
    [
      [{ key: 'a', satisfied: 1, rated: 0.5 }],
      {},
      'rated of a must be a non-negative integer, got 0.5',
    ],
    [
      [],
      { baseline: { satisfied: -2, rated: 5 } },
      'baseline.satisfied must be a non-negative integer, got -2',
    ],
    [
      [],
      { baseline: { satisfied: 2, rated: -5 } },
      'baseline.rated must be a non-negative integer, got -5',
    ],
    [[], { m: 1.5 }, 'm must be a non-negative integer, got 1.5'],
    [[], { minRatings: -1 }, 'minRatings must be a non-negative integer, got -1'],
    [[], { minRatings: 0 }, 'minRatings must be at least 1'],
    [
      [
        { key: 'a', satisfied: 1, rated: 5 },
        { key: 'a', satisfied: 2, rated: 5 },
      ],
      {},
      'Duplicate ranking key: a',
    ],
    [
      [{ key: 'a', satisfied: 5, rated: 5 }],
      { baseline: { satisfied: 0, rated: 0 } },
      'Cannot rank against a baseline without ratings',
    ],
  ] as const)('names the fault: %j %j', (list, options, message) => {
    expect(() => rankUnits(list, options)).toThrow(message);
  });
});

describe('compareFractions past the exact cross products', () => {
  // Both cross products are past 2^53 here, so these go through the continued fractions.
  it('decides when one side is a whole number and the other is not', () => {
    // 2^52 / 2 = 2^51 exactly; (3·2^51 + 1) / 3 = 2^51 + 1/3.
    const whole = [2 ** 52, 2] as const;
    const above = [3 * 2 ** 51 + 1, 3] as const;
    expect(compareFractions(...whole, ...above)).toBe(-1);
    expect(compareFractions(...above, ...whole)).toBe(1);
  });

  it('steps back a float quotient that rounds up to the next whole number', () => {
    // 13824548479516714 / 5 = 2764909695903342.8 rounds up to 2764909695903343 in floats; taken as
    // the whole part it would make the left fraction the larger. Exactly, 13824548479516714 · 7 <
    // 19354367871323400 · 5 (checked with BigInt below).
    const [a, b, c, d] = [13824548479516714, 5, 19354367871323400, 7];
    expect(Math.floor(a / b) * b).toBeGreaterThan(a);
    expect(BigInt(a) * BigInt(d) < BigInt(c) * BigInt(b)).toBe(true);
    expect(compareFractions(a, b, c, d)).toBe(-1);
    expect(compareFractions(c, d, a, b)).toBe(1);
  });
});
