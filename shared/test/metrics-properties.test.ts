import fc from 'fast-check';
import {
  computeMetrics,
  groupByMonth,
  groupByUnit,
  rankUnits,
  type MetricRequest,
  type MetricsSummary,
  type Rate,
} from '../src/metrics';
import { compareFractions } from '../src/metrics/ranking';
import { now, periodArb, requestArb, scopeArb } from './metrics-arbitraries';

function rates(s: MetricsSummary): Rate[] {
  return [
    s.satisfaction,
    s.verySatisfied,
    s.badReviewRate,
    s.participation,
    s.onTime,
    s.rectification,
    ...Object.values(s.resolutionLevels),
  ];
}

describe('metrics properties', () => {
  it('every rate is in [0, 1], or null exactly when its base is empty', () => {
    fc.assert(
      fc.property(fc.array(requestArb), scopeArb, periodArb, (requests, scope, period) => {
        const s = computeMetrics(requests, { period, scope, now });
        for (const r of rates(s)) {
          expect(r.numerator).toBeLessThanOrEqual(r.denominator);
          if (r.denominator === 0) expect(r.value).toBeNull();
          else expect(r.value).toBe(r.numerator / r.denominator);
          if (r.value !== null) {
            expect(r.value).toBeGreaterThanOrEqual(0);
            expect(r.value).toBeLessThanOrEqual(1);
          }
        }
        const levels = Object.values(s.resolutionLevels).reduce((n, r) => n + r.numerator, 0);
        expect(levels).toBe(s.resolved);
      }),
    );
  });

  it('非常满意率 ≤ 满意率, and 满意率 + 差评率 = 1 when defined', () => {
    fc.assert(
      fc.property(fc.array(requestArb), scopeArb, periodArb, (requests, scope, period) => {
        const s = computeMetrics(requests, { period, scope, now });
        expect(s.verySatisfied.numerator).toBeLessThanOrEqual(s.satisfaction.numerator);
        expect(s.satisfaction.numerator + s.badReviewRate.numerator).toBe(s.ratings);
        if (s.satisfaction.value !== null && s.badReviewRate.value !== null) {
          expect(s.verySatisfied.value).toBeLessThanOrEqual(s.satisfaction.value);
          expect(s.satisfaction.value + s.badReviewRate.value).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('adding a level-5 rating on a new request never lowers 满意率', () => {
    fc.assert(
      fc.property(fc.array(requestArb), periodArb, (requests, period) => {
        const scope = { kind: 'all' as const };
        const before = computeMetrics(requests, { period, scope, now }).satisfaction;
        const when = new Date(`${period.from}T10:00:00+08:00`);
        const extra: MetricRequest = {
          id: 'extra',
          category: 'difficulty',
          status: 'closed',
          subjectCadreId: null,
          submittedAt: when,
          ownerId: 'A',
          unitPath: '/1/12/130/',
          clocks: [],
          resolutions: [{ at: when, round: 1, level: 'village', ownerId: 'A', unitPath: '/1/' }],
          ratings: [{ at: when, round: 1, level: 5, excluded: false }],
          verification: null,
        };
        const after = computeMetrics([...requests, extra], { period, scope, now }).satisfaction;
        expect(after.denominator).toBe(before.denominator + 1);
        expect(after.numerator).toBe(before.numerator + 1);
        if (before.value !== null) expect(after.value).toBeGreaterThanOrEqual(before.value);
      }),
    );
  });

  it('months add up to the period they cover, for every figure counted once per request', () => {
    fc.assert(
      fc.property(fc.array(requestArb), scopeArb, (requests, scope) => {
        const months = groupByMonth(requests, '2025-12', '2026-05', { scope, now });
        const union = computeMetrics(requests, {
          period: { from: '2025-12-01', to: '2026-05-31' },
          scope,
          now,
        });
        const pick = (s: MetricsSummary) => [
          s.received,
          s.satisfaction.denominator,
          s.satisfaction.numerator,
          s.verySatisfied.numerator,
          s.averageScore.total,
          s.onTime.denominator,
          s.onTime.numerator,
          s.acceptanceHours.count,
          s.rectification.denominator,
          s.rectification.numerator,
        ];
        const sums = months
          .map((g) => pick(g.summary))
          .reduce((acc, row) => acc.map((v, i) => v + (row[i] ?? 0)));
        expect(sums).toEqual(pick(union));
      }),
    );
  });

  it('disjoint units covering every path add up to the whole for current-owner figures', () => {
    fc.assert(
      fc.property(fc.array(requestArb), periodArb, (requests, period) => {
        const options = { period, scope: { kind: 'all' as const }, now };
        const paths = ['/1/12/130/', '/1/12/131/', '/1/13/140/'];
        const groups = groupByUnit(requests, paths, options).map((g) => g.summary);
        const whole = computeMetrics(requests, options);
        const total = (f: (s: MetricsSummary) => number) => groups.reduce((n, s) => n + f(s), 0);
        expect(total((s) => s.received)).toBe(whole.received);
        expect(total((s) => s.onTime.denominator)).toBe(whole.onTime.denominator);
        expect(total((s) => s.acceptanceHours.count)).toBe(whole.acceptanceHours.count);
        expect(total((s) => s.resolved)).toBe(whole.resolved);
      }),
    );
  });

  it('排名分 lies between the entry’s 满意率 and the baseline', () => {
    const entry = fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }))
      .map(([a, b]) => ({ satisfied: Math.min(a, b), rated: Math.max(a, b) }));
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 12 }),
        fc.integer({ min: 0, max: 50 }),
        (list, m) => {
          const ranking = rankUnits(
            list.map((e, i) => ({ key: `u${i}`, ...e })),
            { m },
          );
          const p0 = ranking.baseline.value;
          for (const e of ranking.ranked) {
            expect(p0).not.toBeNull();
            const [lo, hi] = [Math.min(e.satisfaction, p0 ?? 0), Math.max(e.satisfaction, p0 ?? 0)];
            expect(e.score).toBeGreaterThanOrEqual(lo);
            expect(e.score).toBeLessThanOrEqual(hi);
          }
          ranking.ranked.forEach((e, i) => {
            const prev = ranking.ranked[i - 1];
            if (prev) expect(prev.score).toBeGreaterThanOrEqual(e.score);
            if (prev) expect(e.rank).toBe(prev.score === e.score ? prev.rank : i + 1);
          });
          expect(ranking.ranked.length + ranking.insufficient.length).toBe(list.length);
        },
      ),
    );
  });

  it('compareFractions agrees with exact big-integer cross-multiplication', () => {
    const big = fc.integer({ min: 0, max: 2 ** 45 });
    const positive = fc.integer({ min: 1, max: 2 ** 45 });
    fc.assert(
      fc.property(big, positive, big, positive, (a, b, c, d) => {
        const left = BigInt(a) * BigInt(d);
        const right = BigInt(c) * BigInt(b);
        const expected = left < right ? -1 : left > right ? 1 : 0;
        expect(compareFractions(a, b, c, d)).toBe(expected);
        expect(compareFractions(a * 3, b * 3, a, b)).toBe(0);
      }),
    );
  });

  it('compareFractions is exact on both sides of 2^53, where the cross products stop being', () => {
    // Products from small to just past 2^53: the one-step path and the continued fractions meet.
    const side = fc.integer({ min: 0, max: 2 ** 27 });
    const positive = fc.integer({ min: 1, max: 2 ** 27 });
    const exact = (a: number, b: number, c: number, d: number) => {
      const left = BigInt(a) * BigInt(d);
      const right = BigInt(c) * BigInt(b);
      return left < right ? -1 : left > right ? 1 : 0;
    };
    fc.assert(
      fc.property(side, positive, side, positive, (a, b, c, d) => {
        expect(compareFractions(a, b, c, d)).toBe(exact(a, b, c, d));
      }),
    );
    // Cross products of 2^53 + 2 and 2^53 + 4, past the exact range: a tie and a difference of one.
    const n = 2 ** 52;
    expect(compareFractions(n + 1, 1, 2 * n + 2, 2)).toBe(0);
    expect(compareFractions(n + 1, 1, 2 * n + 4, 2)).toBe(-1);
    expect(compareFractions(2 ** 52 + 1, 3, 2 ** 52, 3)).toBe(1);
    // (2^27+1)(2^26+1) = 2^53 + 3·2^26 + 1 against 2^26(2^27+3) = 2^53 + 3·2^26: as doubles the
    // two products round to the same number, so only an exact comparison sees the 1.
    expect(compareFractions(2 ** 27 + 1, 2 ** 26, 2 ** 27 + 3, 2 ** 26 + 1)).toBe(1);
  });
});
