import fc from 'fast-check';
import {
  computeMetrics,
  daysOfMonth,
  localDay,
  metricFacts,
  monthKey,
  monthOfDay,
  rollupPlan,
  summariseFacts,
  type MetricScope,
} from '../src/metrics';
import { summarise } from '../src/metrics/compute';
import { toDayRange } from '../src/metrics/dates';
import { instantArb, periodArb, requestArb, scopeArb } from './metrics-arbitraries';
import { at, request, resolution, rating, UNITS } from './metrics-factory';

/**
 * The server keeps the figures as per-day sums of each request's facts; these properties are
 * what makes those sums exact: for any requests, scope(s), period and moment, adding up the
 * facts gives what `computeMetrics` gives over the raw rows.
 */
describe('metric facts add up to the reference figures', () => {
  it('for any scope, period and moment', () => {
    fc.assert(
      fc.property(
        fc.array(requestArb, { maxLength: 30 }),
        scopeArb,
        periodArb,
        instantArb,
        (requests, scope, period, now) => {
          const facts = requests.flatMap(metricFacts);
          expect(summariseFacts(facts, toDayRange(period), now, [scope])).toEqual(
            computeMetrics(requests, { period, scope, now }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('for a cadre inside a unit (the staff of one township reading one cadre)', () => {
    fc.assert(
      fc.property(
        fc.array(requestArb, { maxLength: 30 }),
        fc.tuple(scopeArb, scopeArb),
        periodArb,
        instantArb,
        (requests, scopes: [MetricScope, MetricScope], period, now) => {
          const facts = requests.flatMap(metricFacts);
          const range = toDayRange(period);
          expect(summariseFacts(facts, range, now, scopes)).toEqual(
            summarise(requests, range, now, scopes),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts a request resolved twice once, with the later resolution, when a period holds both', () => {
    const r = request({
      resolutions: [
        resolution('2026-03-02 10:00', { round: 1 }),
        resolution('2026-03-20 10:00', { round: 2, level: 'township', unitPath: UNITS.township12 }),
      ],
      ratings: [rating('2026-03-03 09:00', 1)],
    });
    const facts = metricFacts(r);
    const now = at('2026-04-01 00:00');
    const march = summariseFacts(facts, toDayRange({ from: '2026-03-01', to: '2026-03-31' }), now, [
      { kind: 'all' },
    ]);
    expect(march.resolved).toBe(1);
    expect(march.resolutionLevels.township.numerator).toBe(1);
    const early = summariseFacts(facts, toDayRange({ from: '2026-03-01', to: '2026-03-10' }), now, [
      { kind: 'all' },
    ]);
    expect(early.resolutionLevels.village.numerator).toBe(1);
    // Round 1 has its rating: 参评率 counts it in the early period, not in March as a whole.
    expect(early.participation).toMatchObject({ numerator: 1, denominator: 1 });
    expect(march.participation).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe('rollupPlan: whole months that are over from the monthly table, the rest by day', () => {
  const day = (d: string) => toDayRange({ from: d, to: d }).first;
  const today = day('2026-05-15');
  it('splits a period into its partial edges and the whole months between', () => {
    const plan = rollupPlan(toDayRange({ from: '2026-01-20', to: '2026-04-03' }), today);
    expect(plan.months).toEqual({
      first: monthOfDay(day('2026-02-01')),
      last: monthOfDay(day('2026-03-31')),
    });
    expect(plan.days).toEqual([
      { first: day('2026-01-20'), last: day('2026-01-31') },
      { first: day('2026-04-01'), last: day('2026-04-03') },
    ]);
  });
  it('reads the month still running (and later ones) by day', () => {
    const plan = rollupPlan(toDayRange({ from: '2026-04-01', to: '2026-06-30' }), today);
    expect(plan.months).toEqual({
      first: monthOfDay(day('2026-04-01')),
      last: monthOfDay(day('2026-04-01')),
    });
    expect(plan.days).toEqual([{ first: day('2026-05-01'), last: day('2026-06-30') }]);
  });
  it('covers every day of any period exactly once', () => {
    fc.assert(
      fc.property(periodArb, instantArb, (period, now) => {
        const range = toDayRange(period);
        const plan = rollupPlan(range, localDay(now));
        const covered: number[] = [];
        if (plan.months) {
          for (let m = plan.months.first; m <= plan.months.last; m++) {
            const { first, last } = daysOfMonth(m);
            expect(last).toBeLessThan(localDay(now));
            for (let d = first; d <= last; d++) covered.push(d);
          }
        }
        for (const r of plan.days) for (let d = r.first; d <= r.last; d++) covered.push(d);
        covered.sort((a, b) => a - b);
        expect(covered).toEqual(
          Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i),
        );
      }),
    );
  });
  it('numbers months and names them', () => {
    expect(monthKey(monthOfDay(day('2026-12-31')))).toBe('2026-12');
    expect(daysOfMonth(monthOfDay(day('2026-02-10')))).toEqual(
      toDayRange({ from: '2026-02-01', to: '2026-02-28' }),
    );
  });
});
