import {
  computeMetrics,
  groupByCadre,
  groupByMonth,
  groupByUnit,
  localDay,
  type MetricRatingLevel,
  type MetricScope,
} from '../src/metrics';
import {
  countedRating,
  firstRoundRating,
  latestResolutionIn,
  ratedResolution,
} from '../src/metrics/attribution';
import { ALL, MARCH, UNITS, at, clock, rating, request, resolution } from './metrics-factory';

const now = at('2026-03-20 12:00');
const march = (scope: MetricScope, requests: Parameters<typeof computeMetrics>[0]) =>
  computeMetrics(requests, { period: MARCH, scope, now });

describe('conduct complaints (干部作风)', () => {
  // C1 is about cadre A and, wrongly, on record as resolved and owned by A: rated 1, overdue-free,
  // accepted in March. C2 is about A and handled by township staff S: rated 2. N1 is A's
  // ordinary work: rated 5.
  const c1 = request({
    category: 'conduct',
    subjectCadreId: 'A',
    submittedAt: at('2026-03-02 09:00'),
    clocks: [
      clock('accept', '2026-03-03 18:00', {
        startedAt: '2026-03-02 09:00',
        stoppedAt: '2026-03-02 11:00',
      }),
    ],
    resolutions: [resolution('2026-03-05')],
    ratings: [rating('2026-03-06', 1)],
  });
  const c2 = request({
    category: 'conduct',
    subjectCadreId: 'A',
    ownerId: 'S',
    unitPath: UNITS.township12,
    submittedAt: at('2026-03-03 09:00'),
    resolutions: [
      resolution('2026-03-07', { ownerId: 'S', unitPath: UNITS.township12, level: 'township' }),
    ],
    ratings: [rating('2026-03-08', 2)],
  });
  const n1 = request({
    resolutions: [resolution('2026-03-09')],
    ratings: [rating('2026-03-10', 5)],
  });
  const data = [c1, c2, n1];

  it('never counts for the cadre it is about, even when the data attributes it to them', () => {
    const a = march({ kind: 'cadre', id: 'A' }, data);
    // Only N1: 1 rating, satisfied; C1's received, acceptance and resolution are left out too.
    expect(a.satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(a.received).toBe(0);
    expect(a.acceptanceHours.count).toBe(0);
    expect(a.resolved).toBe(1);
  });

  it('counts for the staff who handled it', () => {
    const s = march({ kind: 'cadre', id: 'S' }, data);
    expect(s.badReviewRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(s.resolutionLevels.township.numerator).toBe(1);
    expect(s.received).toBe(1);
  });

  it('counts for the township and the village it was resolved in', () => {
    // Township 12: C1 (1), C2 (2), N1 (5) → satisfied 1/3, bad 2/3.
    const t = march({ kind: 'unit', path: UNITS.township12 }, data);
    expect(t.satisfaction).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(t.badReviewRate.numerator).toBe(2);
    expect(t.received).toBe(2);
    expect(march({ kind: 'unit', path: UNITS.village130 }, data).ratings).toBe(2);
  });

  it('counts for another cadre who resolved it while it is on record as about A', () => {
    const byB = { ...c1, resolutions: [resolution('2026-03-05', { ownerId: 'B' })] };
    expect(march({ kind: 'cadre', id: 'B' }, [byB]).ratings).toBe(1);
    expect(march({ kind: 'cadre', id: 'A' }, [byB]).ratings).toBe(0);
  });
});

describe('事随人转: ratings stay with the resolving owner and unit, open work follows the owner', () => {
  // A worked in village 130 and moved to village 140 (township 13) on March 10; B took over 130.
  const m1 = request({
    resolutions: [resolution('2026-03-05')],
    ratings: [rating('2026-03-06', 5)],
  });
  // Resolved by A in 130 before the move, rated after it; the row's current unit is A's new one.
  const m4 = request({
    unitPath: UNITS.village140,
    resolutions: [resolution('2026-03-08')],
    ratings: [rating('2026-03-12', 3)],
  });
  // A's open request handed to B in 130, overdue since March 15.
  const m2 = request({
    status: 'in_progress',
    ownerId: 'B',
    clocks: [clock('resolve', '2026-03-15 18:00', { ownerId: 'B' })],
  });
  // A's new work in 140.
  const m3 = request({
    unitPath: UNITS.village140,
    resolutions: [resolution('2026-03-12', { unitPath: UNITS.village140 })],
    ratings: [rating('2026-03-13', 4)],
  });
  const data = [m1, m2, m3, m4];

  it('unit 130 keeps the ratings A earned there and carries the open overdue request', () => {
    const v130 = march({ kind: 'unit', path: UNITS.village130 }, data);
    expect(v130.satisfaction).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(v130.onTime).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('unit 140 gets only what A did there', () => {
    const v140 = march({ kind: 'unit', path: UNITS.village140 }, data);
    expect(v140.ratings).toBe(1);
    expect(v140.onTime.denominator).toBe(0);
  });

  it('A keeps all three ratings; the overdue request counts against B', () => {
    const a = march({ kind: 'cadre', id: 'A' }, data);
    expect(a.ratings).toBe(3);
    expect(a.onTime.denominator).toBe(0);
    const b = march({ kind: 'cadre', id: 'B' }, data);
    expect(b.ratings).toBe(0);
    expect(b.satisfaction.value).toBeNull();
    expect(b.onTime).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('a second round resolved by the successor is rated for the successor', () => {
    const r = request({
      ownerId: 'B',
      resolutions: [resolution('2026-03-02'), resolution('2026-03-16', { round: 2, ownerId: 'B' })],
      ratings: [rating('2026-03-03', 1), rating('2026-03-17', 4, { round: 2 })],
      verification: { at: at('2026-03-04'), founded: true },
    });
    expect(march({ kind: 'cadre', id: 'B' }, [r]).ratings).toBe(1);
    expect(march({ kind: 'cadre', id: 'A' }, [r]).ratings).toBe(0);
    // The bad review and its rectification stay with A, whose round-1 work it judged.
    expect(march({ kind: 'cadre', id: 'A' }, [r]).rectification).toEqual({
      numerator: 1,
      denominator: 1,
      value: 1,
    });
  });

  it('a rating whose round has no resolution on record belongs to no cadre and no unit', () => {
    const orphan = request({ ratings: [rating('2026-03-06', 5)] });
    expect(march(ALL, [orphan]).ratings).toBe(1);
    expect(march({ kind: 'cadre', id: 'A' }, [orphan]).ratings).toBe(0);
    expect(march({ kind: 'unit', path: UNITS.county }, [orphan]).ratings).toBe(0);
  });

  it('groupByCadre within a township shows only what was earned inside it', () => {
    const groups = groupByCadre(data, ['A', 'B'], {
      period: MARCH,
      scope: { kind: 'unit', path: UNITS.township12 },
      now,
    });
    expect(groups.map((g) => [g.key, g.summary.ratings, g.summary.onTime.denominator])).toEqual([
      ['A', 2, 0],
      ['B', 0, 1],
    ]);
  });

  it('groupByUnit treats each path as a subtree', () => {
    const groups = groupByUnit(data, [UNITS.county, UNITS.township12, UNITS.village140, '/9/'], {
      period: MARCH,
      scope: ALL,
      now,
    });
    expect(groups.map((g) => [g.key, g.summary.ratings])).toEqual([
      ['/1/', 3],
      ['/1/12/', 2],
      ['/1/13/140/', 1],
      ['/9/', 0],
    ]);
  });

  it('a path prefix is a subtree, not a string prefix: /1/1/ does not include /1/12/', () => {
    expect(march({ kind: 'unit', path: '/1/1/' }, data).ratings).toBe(0);
  });
});

describe('groupByMonth', () => {
  const later = at('2026-06-01');
  // Rated 1 in January (founded), rectified and rated 5 in February: January loses it.
  const rectified = request({
    resolutions: [resolution('2026-01-10'), resolution('2026-02-03', { round: 2 })],
    ratings: [rating('2026-01-11', 1), rating('2026-02-04', 5, { round: 2 })],
    verification: { at: at('2026-01-12'), founded: true },
  });
  // Rated at the last second of February and the first second of March.
  const lastOfFeb = request({
    resolutions: [resolution('2026-02-27')],
    ratings: [rating('2026-02-28 23:59:59', 4)],
  });
  const firstOfMar = request({
    resolutions: [resolution('2026-02-27')],
    ratings: [rating('2026-03-01 00:00', 2)],
  });

  it('gives one summary per month with whole-month periods', () => {
    const months = groupByMonth([rectified, lastOfFeb, firstOfMar], '2026-01', '2026-03', {
      scope: ALL,
      now: later,
    });
    expect(months.map((g) => [g.key, g.summary.ratings, g.summary.satisfaction.numerator])).toEqual(
      [
        ['2026-01', 0, 0],
        ['2026-02', 2, 2],
        ['2026-03', 1, 0],
      ],
    );
    // Resolutions: January has the round-1 resolution, February the round-2 one and two more.
    expect(months.map((g) => g.summary.resolved)).toEqual([1, 3, 0]);
  });

  it('resolved (参评率, 解决层级) is not additive over months when both rounds are resolved', () => {
    // January counts round 1, February round 2, January–February counts the request once.
    const months = groupByMonth([rectified], '2026-01', '2026-02', { scope: ALL, now: later });
    expect(months.map((g) => g.summary.resolved)).toEqual([1, 1]);
    const union = computeMetrics([rectified], {
      period: { from: '2026-01-01', to: '2026-02-28' },
      scope: ALL,
      now: later,
    });
    expect(union.resolved).toBe(1);
  });

  it('crosses a year end and knows leap years', () => {
    const keys = groupByMonth([], '2023-12', '2024-03', { scope: ALL, now: later }).map(
      (g) => g.key,
    );
    expect(keys).toEqual(['2023-12', '2024-01', '2024-02', '2024-03']);
    const leap = request({
      resolutions: [resolution('2024-02-29')],
      ratings: [rating('2024-02-29 23:59:59', 5)],
    });
    const [feb] = groupByMonth([leap], '2024-02', '2024-02', { scope: ALL, now: later });
    expect(feb?.summary.ratings).toBe(1);
  });

  it('steps from November through December into January', () => {
    const december = request({
      resolutions: [resolution('2026-12-31')],
      ratings: [rating('2026-12-31 23:59', 5)],
    });
    const months = groupByMonth([december], '2026-11', '2027-01', {
      scope: ALL,
      now: at('2027-02-01'),
    });
    expect(months.map((g) => [g.key, g.summary.ratings])).toEqual([
      ['2026-11', 0],
      ['2026-12', 1],
      ['2027-01', 0],
    ]);
    expect(groupByMonth([december], '2026-12', '2026-12', { scope: ALL, now: later })).toHaveLength(
      1,
    );
  });

  it.each([
    ['2026-13', '2026-13'],
    ['2026-3', '2026-03'],
    ['2026-04', '2026-03'],
  ])('rejects %s … %s', (from, to) => {
    expect(() => groupByMonth([], from, to, { scope: ALL, now: later })).toThrow(RangeError);
  });
});

describe('which rating and which resolution count, when the data holds several', () => {
  const r1 = (local: string, level: MetricRatingLevel) => rating(local, level);

  it('the latest rating counts, whatever order the rows come in', () => {
    const early = r1('2026-03-05 10:00', 1);
    const late = r1('2026-03-06 10:00', 5);
    expect(countedRating(request({ ratings: [early, late] }))).toBe(late);
    expect(countedRating(request({ ratings: [late, early] }))).toBe(late);
  });

  it('at equal times the higher round wins, then the later row', () => {
    const first = rating('2026-03-05 10:00', 1, { round: 1 });
    const second = rating('2026-03-05 10:00', 4, { round: 2 });
    expect(countedRating(request({ ratings: [first, second] }))).toBe(second);
    expect(countedRating(request({ ratings: [second, first] }))).toBe(second);
    const a = r1('2026-03-05 10:00', 3);
    const b = r1('2026-03-05 10:00', 4);
    expect(countedRating(request({ ratings: [a, b] }))).toBe(b);
    expect(countedRating(request({ ratings: [b, a] }))).toBe(a);
  });

  it('an excluded rating is passed over; the round-1 rating is found even after round 2', () => {
    const bad = rating('2026-03-05', 1, { excluded: true });
    const good = rating('2026-03-04', 4);
    expect(countedRating(request({ ratings: [good, bad] }))).toBe(good);
    const round1 = rating('2026-03-05', 1);
    const round2 = rating('2026-03-20', 5, { round: 2 });
    expect(firstRoundRating(request({ ratings: [round1, round2] }))).toBe(round1);
    expect(firstRoundRating(request({ ratings: [round2] }))).toBeUndefined();
  });

  // Two resolutions in round 1 (A resolved it, it was reopened by a data fix and B resolved it
  // again after the rating), and one in round 2.
  const byA = resolution('2026-03-02 10:00', { ownerId: 'A' });
  const byB = resolution('2026-03-10 10:00', { ownerId: 'B' });
  const byC = resolution('2026-03-04 10:00', { ownerId: 'C', round: 2 });
  const twice = request({ resolutions: [byB, byC, byA] });

  it('a rating judges the latest resolution of its round before it', () => {
    expect(ratedResolution(twice, rating('2026-03-05 10:00', 5))).toBe(byA);
    // at the same instant as the resolution: that one
    expect(ratedResolution(twice, rating('2026-03-02 10:00', 5))).toBe(byA);
    expect(ratedResolution(twice, rating('2026-03-11 10:00', 5))).toBe(byB);
  });

  it('with none of its round before it, the latest of its round', () => {
    expect(ratedResolution(twice, rating('2026-03-01 10:00', 5))).toBe(byB);
    expect(ratedResolution(twice, rating('2026-03-01 10:00', 5, { round: 2 }))).toBe(byC);
    expect(
      ratedResolution(request({ resolutions: [byA] }), rating('2026-03-05', 5, { round: 2 })),
    ).toBeUndefined();
  });

  it('the latest resolution inside a period', () => {
    const range = { first: localDay(at('2026-03-01')), last: localDay(at('2026-03-05')) };
    expect(latestResolutionIn(twice, range)).toBe(byC);
    expect(latestResolutionIn(request({ resolutions: [byB] }), range)).toBeUndefined();
  });
});
