import {
  computeMetrics,
  formatMean,
  formatRate,
  satisfactionRate,
  summariseRatings,
  type MetricsSummary,
} from '../src/metrics';
import { ALL, MARCH, at, rated, rating, request, resolution } from './metrics-factory';

const now = at('2026-04-15 12:00');
const march = (requests: Parameters<typeof computeMetrics>[0]): MetricsSummary =>
  computeMetrics(requests, { period: MARCH, scope: ALL, now });

describe('empty data', () => {
  it('gives no data, never 0% or 100%, for every figure', () => {
    const s = march([]);
    const rates = [
      s.satisfaction,
      s.verySatisfied,
      s.badReviewRate,
      s.participation,
      s.onTime,
      s.rectification,
      s.resolutionLevels.village,
      s.resolutionLevels.township,
      s.resolutionLevels.county,
    ];
    for (const r of rates) expect(r).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(s.averageScore).toEqual({ count: 0, total: 0, value: null });
    expect(s.acceptanceHours).toEqual({ count: 0, total: 0, value: null });
    expect([s.received, s.resolved, s.ratings, s.badReviews]).toEqual([0, 0, 0, 0]);
    expect(formatRate(s.satisfaction)).toBe('暂无数据');
    expect(formatMean(s.averageScore)).toBe('暂无数据');
  });

  it('gives no data when requests exist but none falls in the period', () => {
    const s = march([rated('2026-02-01', '2026-02-02', 5)]);
    expect(s.satisfaction.value).toBeNull();
    expect(s.participation.value).toBeNull();
  });
});

describe('满意率, 非常满意率, 差评率, 平均分', () => {
  // Counted in March: levels 5, 4, 3, 2 (the unfounded 1 is excluded, the February 5 is outside).
  // 满意率 = 3/4 = 0.75; 非常满意率 = 1/4; 差评率 = 1/4; 平均分 = (100+80+60+40)/4 = 70.
  const requests = [
    rated('2026-03-04', '2026-03-05', 5),
    rated('2026-03-09', '2026-03-10', 4),
    rated('2026-03-11', '2026-03-12', 3),
    rated('2026-03-14', '2026-03-15', 2),
    request({
      resolutions: [resolution('2026-03-19')],
      ratings: [rating('2026-03-20', 1, { excluded: true })],
      verification: { at: at('2026-03-21'), founded: false },
    }),
    rated('2026-02-26', '2026-02-27', 5),
  ];

  it('counts the latest rating in the period of each request, leaving excluded ones out', () => {
    const s = march(requests);
    expect(s.satisfaction).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(s.verySatisfied).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(s.badReviewRate).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(s.averageScore).toEqual({ count: 4, total: 280, value: 70 });
    expect([s.ratings, s.badReviews]).toEqual([4, 1]);
  });

  it('leaves an excluded rating out even when it is the only one', () => {
    const s = march(requests.slice(4, 5));
    expect(s.satisfaction.value).toBeNull();
    expect(s.ratings).toBe(0);
  });
});

describe('a second-round rating replaces the first', () => {
  // Round 1 rated 1 (founded), rectified, round 2 rated 4: only the 4 counts.
  const rectified = (secondRatingAt: string) =>
    request({
      resolutions: [resolution('2026-03-02'), resolution('2026-03-20', { round: 2 })],
      ratings: [rating('2026-03-03', 1), rating(secondRatingAt, 4, { round: 2 })],
      verification: { at: at('2026-03-04'), founded: true },
    });

  it('in the same period: one rating, satisfied', () => {
    const s = march([rectified('2026-03-25')]);
    expect(s.satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(s.badReviewRate.numerator).toBe(0);
  });

  it('in a later period: the first period loses the bad review, the later one counts the 4', () => {
    const r = rectified('2026-04-02');
    expect(march([r]).satisfaction.denominator).toBe(0);
    const april = computeMetrics([r], {
      period: { from: '2026-04-01', to: '2026-04-30' },
      scope: ALL,
      now,
    });
    expect(april.satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('an unrated second round leaves the first-round bad review counted', () => {
    const r = request({
      resolutions: [resolution('2026-03-02'), resolution('2026-03-20', { round: 2 })],
      ratings: [rating('2026-03-03', 1)],
      verification: { at: at('2026-03-04'), founded: true },
    });
    expect(march([r]).badReviewRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('equal timestamps fall back to the round, whatever the row order', () => {
    const both = [rating('2026-03-10', 1, { round: 2 }), rating('2026-03-10', 5)];
    const r = request({
      resolutions: [resolution('2026-03-01'), resolution('2026-03-09', { round: 2 })],
      ratings: both,
    });
    expect(march([r]).verySatisfied.numerator).toBe(0);
    expect(march([{ ...r, ratings: [...both].reverse() }]).verySatisfied.numerator).toBe(0);
  });
});

describe('period boundaries are Asia/Shanghai local days', () => {
  // March 1 00:00 local is Feb 28 16:00 UTC; March 31 23:59:59 local is March 31 15:59:59 UTC.
  it.each([
    ['2026-02-28 23:59:59', 0],
    ['2026-03-01 00:00:00', 1],
    ['2026-03-31 23:59:59', 1],
    ['2026-04-01 00:00:00', 0],
  ])('a rating at %s local counts %i times in March', (when, expected) => {
    expect(march([rated('2026-02-20', when, 5)]).ratings).toBe(expected);
  });

  it('uses the +08:00 instants, not the host time zone', () => {
    const r = request({
      resolutions: [resolution('2026-02-20')],
      ratings: [{ at: new Date('2026-02-28T16:00:00Z'), round: 1, level: 5, excluded: false }],
    });
    expect(march([r]).ratings).toBe(1);
    expect(
      march([{ ...r, ratings: [{ ...r.ratings[0]!, at: new Date('2026-02-28T15:59:59.999Z') }] }])
        .ratings,
    ).toBe(0);
  });

  it('a one-day period covers exactly that local day', () => {
    const day = { from: '2026-03-15', to: '2026-03-15' };
    const count = (when: string) =>
      computeMetrics([rated('2026-03-01', when, 4)], { period: day, scope: ALL, now }).ratings;
    expect([
      count('2026-03-14 23:59:59'),
      count('2026-03-15 00:00'),
      count('2026-03-15 23:59:59'),
      count('2026-03-16 00:00'),
    ]).toEqual([0, 1, 1, 0]);
  });

  it.each([
    [{ from: '2026-02-30', to: '2026-03-01' }],
    [{ from: '2026-3-1', to: '2026-03-31' }],
    [{ from: '2026-03-31', to: '2026-03-01' }],
    [{ from: '0026-03-01', to: '2026-03-01' }],
  ])('rejects a malformed or reversed period %j', (period) => {
    expect(() => computeMetrics([], { period, scope: ALL, now })).toThrow(RangeError);
  });
});

describe('satisfactionRate and summariseRatings (plain lists)', () => {
  it('computes the shares of a list', () => {
    // 5,5,4,3,2,1: satisfied 4/6; very 2/6; bad 2/6; points 100+100+80+60+40+20 = 400, /6.
    const figures = summariseRatings([5, 5, 4, 3, 2, 1]);
    expect(figures.satisfaction).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    expect(figures.verySatisfied.numerator).toBe(2);
    expect(figures.badReviewRate.numerator).toBe(2);
    expect(figures.averageScore.total).toBe(400);
    expect(figures.averageScore.value).toBeCloseTo(66.6667, 4);
    expect(satisfactionRate([3])).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(satisfactionRate([])).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe('formatRate', () => {
  it.each([
    [193, 200, '96.5%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 1, '100.0%'],
    [0, 5, '0.0%'],
    // 99.95% would round to 100.0%: shown as 99.9% because someone was not satisfied.
    [1999, 2000, '99.9%'],
    // 0.05% would round to 0.0%: shown as 0.1% because someone was.
    [1, 2001, '0.1%'],
    [0, 0, '暂无数据'],
  ])('%i / %i → %s', (numerator, denominator, text) => {
    const value = denominator === 0 ? null : numerator / denominator;
    expect(formatRate({ numerator, denominator, value })).toBe(text);
  });

  it('formats means with a fixed number of decimals', () => {
    expect(formatMean({ count: 2, total: 38.5, value: 19.25 }, 2)).toBe('19.25');
    expect(formatMean({ count: 4, total: 280, value: 70 })).toBe('70.0');
  });
});
