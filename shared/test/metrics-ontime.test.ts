import { computeMetrics, type MetricRequest } from '../src/metrics';
import { ALL, MARCH, at, request, resolution } from './metrics-factory';

const inMarch = (requests: MetricRequest[], now = at('2026-04-15 12:00')) =>
  computeMetrics(requests, { period: MARCH, scope: ALL, now });

describe('按时办结率', () => {
  const now = at('2026-03-20 12:00');
  const due = (local: string) => at(local);
  // [name, request, in the base, on time]
  const cases: [string, MetricRequest, boolean, boolean][] = [
    [
      'resolved the day before the due time',
      request({ dueAt: due('2026-03-10 18:00'), resolutions: [resolution('2026-03-09')] }),
      true,
      true,
    ],
    [
      'resolved a day late',
      request({ dueAt: due('2026-03-12 18:00'), resolutions: [resolution('2026-03-13')] }),
      true,
      false,
    ],
    [
      'open and overdue',
      request({ status: 'in_progress', dueAt: due('2026-03-15 18:00') }),
      true,
      false,
    ],
    [
      'open, due not yet passed',
      request({ status: 'in_progress', dueAt: due('2026-03-25 18:00') }),
      false,
      false,
    ],
    [
      'resolved early, due not yet passed',
      request({
        status: 'resolved',
        dueAt: due('2026-03-25 18:00'),
        resolutions: [resolution('2026-03-18')],
      }),
      false,
      false,
    ],
    ['withdrawn', request({ status: 'withdrawn', dueAt: due('2026-03-05 18:00') }), false, false],
    [
      'due in February',
      request({ status: 'submitted', dueAt: due('2026-02-27 18:00') }),
      false,
      false,
    ],
    [
      'due exactly now: not yet passed',
      request({ status: 'in_progress', dueAt: due('2026-03-20 12:00') }),
      false,
      false,
    ],
    [
      'resolved exactly at the due time',
      request({
        status: 'resolved',
        dueAt: due('2026-03-16 18:00'),
        resolutions: [resolution('2026-03-16 18:00')],
      }),
      true,
      true,
    ],
    [
      'rectifying past the rectification due time',
      request({
        status: 'rectifying',
        dueAt: due('2026-03-18 18:00'),
        resolutions: [resolution('2026-03-01')],
      }),
      true,
      false,
    ],
    [
      'awaiting confirmation',
      request({ status: 'pending_confirmation', dueAt: due('2026-03-03 18:00') }),
      false,
      false,
    ],
    [
      'under review, round 1 on time',
      request({
        status: 'under_review',
        dueAt: due('2026-03-04 18:00'),
        resolutions: [resolution('2026-03-04 10:00')],
      }),
      true,
      true,
    ],
    [
      'rectification resolved after its due time',
      request({
        dueAt: due('2026-03-17 18:00'),
        resolutions: [resolution('2026-03-01'), resolution('2026-03-18', { round: 2 })],
      }),
      true,
      false,
    ],
    [
      'closed with no resolution on record',
      request({ dueAt: due('2026-03-06 18:00') }),
      true,
      false,
    ],
    ['no due time', request({ status: 'in_progress' }), false, false],
  ];

  it.each(cases)('%s', (_name, r, inBase, onTime) => {
    expect(inMarch([r], now).onTime).toMatchObject({
      denominator: inBase ? 1 : 0,
      numerator: onTime ? 1 : 0,
    });
  });

  it('adds up over the set', () => {
    // base: cases 1, 2, 3, 9, 10, 12, 13, 14 = 8; on time: 1, 9, 12 = 3 → 3/8 = 0.375.
    expect(
      inMarch(
        cases.map(([, r]) => r),
        now,
      ).onTime,
    ).toEqual({
      numerator: 3,
      denominator: 8,
      value: 0.375,
    });
  });
});
