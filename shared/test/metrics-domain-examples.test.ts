import {
  computeMetrics,
  formatMean,
  formatRate,
  metricFacts,
  rankUnits,
  summariseFacts,
  toDayRange,
  type MetricRequest,
} from '../src/metrics';
import { ALL, at, clock, MARCH, request, resolution } from './metrics-factory';

/**
 * The hand-worked examples of docs/domain.md §5, worked by the reference and by the facts the
 * rollups are made of: if a definition changes, the document's numbers must change with it.
 */
const now = at('2026-04-15 10:00');
const figures = (requests: MetricRequest[]) => {
  const reference = computeMetrics(requests, { period: MARCH, scope: ALL, now });
  expect(summariseFacts(requests.flatMap(metricFacts), toDayRange(MARCH), now, [ALL])).toEqual(
    reference,
  );
  return reference;
};

const ratedOnce = (
  level: 1 | 2 | 3 | 4 | 5,
  solved: 'solved' | 'partly' | 'unsolved',
  excluded = false,
): MetricRequest =>
  request({
    resolutions: [resolution('2026-03-05 10:00')],
    ratings: [{ at: at('2026-03-06 10:00'), round: 1, level, solved, excluded }],
  });

describe('docs/domain.md §5, worked by hand', () => {
  it('评价类指标 and 解决率: 5、4、2、5 档, the 2 excluded; answers 已解决、部分解决、(未解决)、已解决', () => {
    const s = figures([
      ratedOnce(5, 'solved'),
      ratedOnce(4, 'partly'),
      ratedOnce(2, 'unsolved', true),
      ratedOnce(5, 'solved'),
    ]);
    expect(formatRate(s.satisfaction)).toBe('100.0%');
    expect(formatRate(s.verySatisfied)).toBe('66.7%');
    expect(formatRate(s.badReviewRate)).toBe('0.0%');
    expect(formatMean(s.averageScore)).toBe('93.3');
    expect(s.solvedRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(formatRate(s.solvedRate)).toBe('66.7%');
  });

  it('按时办结率: A late then escalated, T on time — A 0/1, T 1/1, the township 1/2', () => {
    const r = request({
      clocks: [
        clock('resolve', '2026-03-10 18:00', { stoppedAt: '2026-03-11 18:00', ownerId: 'A' }),
        clock('resolve', '2026-03-20 18:00', {
          stoppedAt: '2026-03-18 10:00',
          ownerId: 'T',
          unitPath: '/1/12/',
        }),
      ],
    });
    expect(figures([r]).onTime).toMatchObject({ numerator: 1, denominator: 2 });
    const of = (id: string) =>
      computeMetrics([r], { period: MARCH, scope: { kind: 'cadre', id }, now }).onTime;
    expect(of('A')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(of('T')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('响应率: 3 accepted in time, 1 late, 1 transferred before its due time — 3/4', () => {
    const accept = (stoppedAt: string, stop: 'goal' | 'other' = 'goal') =>
      request({ clocks: [clock('accept', '2026-03-10 18:00', { stoppedAt, stop })] });
    const s = figures([
      accept('2026-03-09 10:00'),
      accept('2026-03-10 17:00'),
      accept('2026-03-10 18:00'),
      accept('2026-03-11 09:00'),
      accept('2026-03-10 12:00', 'other'),
    ]);
    expect(s.responsiveness).toMatchObject({ numerator: 3, denominator: 4 });
    expect(formatRate(s.responsiveness)).toBe('75.0%');
  });

  it('排名分: p₀ 0.9, 甲村 8/8 → 0.9444, 乙村 38/40 → 0.94, 丙村 3 ratings: 样本不足', () => {
    const ranking = rankUnits(
      [
        { key: '甲村', satisfied: 8, rated: 8 },
        { key: '乙村', satisfied: 38, rated: 40 },
        { key: '丙村', satisfied: 3, rated: 3 },
      ],
      { baseline: { satisfied: 90, rated: 100 } },
    );
    expect(ranking.ranked.map((e) => [e.key, e.score.toFixed(4)])).toEqual([
      ['甲村', '0.9444'],
      ['乙村', '0.9400'],
    ]);
    expect(ranking.insufficient).toEqual([{ key: '丙村', rated: 3 }]);
  });
});
