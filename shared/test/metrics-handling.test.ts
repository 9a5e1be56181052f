import { computeMetrics, type MetricRequest } from '../src/metrics';
import { ALL, MARCH, UNITS, at, clock, rating, request, resolution } from './metrics-factory';

const inMarch = (requests: MetricRequest[], now = at('2026-04-15 12:00')) =>
  computeMetrics(requests, { period: MARCH, scope: ALL, now });

describe('参评率 and 解决层级', () => {
  const founded = { at: at('2026-03-04'), founded: true };
  // resolved in March (latest resolution in March) → rated for that round?
  const cases: [string, MetricRequest, boolean | null][] = [
    [
      'village, rated next day',
      request({ resolutions: [resolution('2026-03-05')], ratings: [rating('2026-03-06', 5)] }),
      true,
    ],
    [
      'township, unrated',
      request({ resolutions: [resolution('2026-03-10', { level: 'township' })] }),
      false,
    ],
    [
      'village, rated after the period',
      request({ resolutions: [resolution('2026-03-30')], ratings: [rating('2026-04-02', 4)] }),
      true,
    ],
    [
      'resolved in February',
      request({ resolutions: [resolution('2026-02-25')], ratings: [rating('2026-03-01', 5)] }),
      null,
    ],
    [
      'village, both rounds in March, round 2 unrated',
      request({
        resolutions: [resolution('2026-03-02'), resolution('2026-03-20', { round: 2 })],
        ratings: [rating('2026-03-03', 1)],
        verification: founded,
      }),
      false,
    ],
    [
      'township, round 2 in March and rated',
      request({
        resolutions: [
          resolution('2026-02-20'),
          resolution('2026-03-15', { round: 2, level: 'township' }),
        ],
        ratings: [rating('2026-02-21', 1), rating('2026-03-16', 5, { round: 2 })],
        verification: { at: at('2026-02-22'), founded: true },
      }),
      true,
    ],
    [
      // An unfounded rating counts nowhere: resolved, and not rated.
      'village, rating excluded as unfounded',
      request({
        resolutions: [resolution('2026-03-08')],
        ratings: [rating('2026-03-09', 1, { excluded: true })],
        verification: { at: at('2026-03-10'), founded: false },
      }),
      false,
    ],
  ];

  it.each(cases)('%s', (_name, r, expected) => {
    const s = inMarch([r]);
    expect(s.resolved).toBe(expected === null ? 0 : 1);
    expect(s.participation.numerator).toBe(expected ? 1 : 0);
  });

  it('adds up over the set', () => {
    // resolved: all but February = 6; rated: cases 1, 3, 6 = 3 → 3/6.
    // levels: village 1, 3, 5, 7 = 4/6; township 2, 6 = 2/6; county 0/6.
    const s = inMarch(cases.map(([, r]) => r));
    expect(s.resolved).toBe(6);
    expect(s.participation).toEqual({ numerator: 3, denominator: 6, value: 3 / 6 });
    expect(s.resolutionLevels.village).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    expect(s.resolutionLevels.township).toEqual({ numerator: 2, denominator: 6, value: 2 / 6 });
    expect(s.resolutionLevels.county).toEqual({ numerator: 0, denominator: 6, value: 0 });
  });

  it('the level is that of the latest resolution in the period', () => {
    const r = request({
      resolutions: [
        resolution('2026-03-02', { level: 'village' }),
        resolution('2026-04-20', { round: 2, level: 'county' }),
      ],
    });
    expect(inMarch([r]).resolutionLevels.village.numerator).toBe(1);
    const april = computeMetrics([r], {
      period: { from: '2026-04-01', to: '2026-04-30' },
      scope: ALL,
      now: at('2026-05-01'),
    });
    expect(april.resolutionLevels.county).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });
});

describe('平均签收时长 reads the accept clocks', () => {
  it('is the mean in hours over acceptances in the period, from reaching the owner', () => {
    // 2.5 h (08:00 → 10:30) and 36 h (Feb 28 20:00 → Mar 2 08:00): (2.5 + 36) / 2 = 19.25 h.
    // Accepted on April 1, never accepted, or handed over unaccepted: not counted.
    const s = inMarch([
      request({
        clocks: [
          clock('accept', '2026-03-02 18:00', {
            startedAt: '2026-03-01 08:00',
            stoppedAt: '2026-03-01 10:30',
          }),
        ],
      }),
      request({
        clocks: [
          clock('accept', '2026-03-02 18:00', {
            startedAt: '2026-02-28 20:00',
            stoppedAt: '2026-03-02 08:00',
          }),
        ],
      }),
      request({
        clocks: [
          clock('accept', '2026-03-31 18:00', {
            startedAt: '2026-03-30 20:00',
            stoppedAt: '2026-04-01 08:00',
          }),
        ],
      }),
      request({ status: 'submitted', clocks: [clock('accept', '2026-03-31 18:00')] }),
      request({
        clocks: [
          clock('accept', '2026-03-10 18:00', {
            startedAt: '2026-03-09 08:00',
            stoppedAt: '2026-03-09 09:00',
            stop: 'other',
          }),
        ],
      }),
    ]);
    expect(s.acceptanceHours).toEqual({ count: 2, total: 38.5, value: 19.25 });
  });

  it('after an escalation, the acceptance counts for the new owner from when it reached them', () => {
    const r = request({
      ownerId: 'T',
      unitPath: UNITS.township12,
      clocks: [
        clock('accept', '2026-03-03 18:00', {
          startedAt: '2026-03-02 08:00',
          stoppedAt: '2026-03-02 09:00',
        }),
        clock('accept', '2026-03-06 18:00', {
          startedAt: '2026-03-05 10:00',
          stoppedAt: '2026-03-05 14:00',
          ownerId: 'T',
          unitPath: UNITS.township12,
        }),
      ],
    });
    const of = (id: string) =>
      computeMetrics([r], { period: MARCH, scope: { kind: 'cadre', id }, now: at('2026-04-01') })
        .acceptanceHours;
    expect(of('A')).toEqual({ count: 1, total: 1, value: 1 });
    expect(of('T')).toEqual({ count: 1, total: 4, value: 4 });
  });
});

describe('差评整改率', () => {
  const now = at('2026-04-15 12:00');
  const badReview = (
    ratedAt: string,
    level: 1 | 2 | 3,
    verification: MetricRequest['verification'],
    rectifiedAt: string | null,
  ) =>
    request({
      resolutions: [
        resolution('2026-02-20'),
        ...(rectifiedAt ? [resolution(rectifiedAt, { round: 2 })] : []),
      ],
      ratings: [rating(ratedAt, level, { excluded: verification?.founded === false })],
      verification,
    });
  const founded = { at: at('2026-03-10'), founded: true };
  const cases: [string, MetricRequest, boolean, boolean][] = [
    ['founded and rectified', badReview('2026-03-05', 2, founded, '2026-03-20'), true, true],
    ['founded, still rectifying', badReview('2026-03-06', 1, founded, null), true, false],
    [
      'unfounded',
      badReview('2026-03-07', 1, { at: at('2026-03-08'), founded: false }, null),
      false,
      false,
    ],
    ['not yet verified', badReview('2026-03-08', 2, null, null), false, false],
    ['bad review in February', badReview('2026-02-26', 1, founded, '2026-03-12'), false, false],
    ['level 3 is not a bad review', badReview('2026-03-08', 3, null, null), false, false],
    ['rectified after the period', badReview('2026-03-09', 1, founded, '2026-04-10'), true, true],
  ];

  it.each(cases)('%s', (_name, r, inBase, rectified) => {
    expect(inMarch([r], now).rectification).toMatchObject({
      denominator: inBase ? 1 : 0,
      numerator: rectified ? 1 : 0,
    });
  });

  it('adds up over the set', () => {
    // base: cases 1, 2, 7 = 3; rectified: 1, 7 = 2 → 2/3.
    expect(
      inMarch(
        cases.map(([, r]) => r),
        now,
      ).rectification,
    ).toEqual({
      numerator: 2,
      denominator: 3,
      value: 2 / 3,
    });
  });

  it('a second-round bad review is not a new rectification case', () => {
    const r = request({
      resolutions: [resolution('2026-03-01'), resolution('2026-03-10', { round: 2 })],
      ratings: [rating('2026-02-28', 1), rating('2026-03-11', 1, { round: 2 })],
      verification: { at: at('2026-03-01'), founded: true },
    });
    expect(inMarch([r], now).rectification.denominator).toBe(0);
  });
  it('counts for the unit and cadre who resolved round 1, and for no one else', () => {
    // Resolved by A at village 130; the request now sits with B at village 131 (事随人转).
    const r = request({
      ownerId: 'B',
      unitPath: UNITS.village131,
      resolutions: [
        resolution('2026-02-20'),
        resolution('2026-03-20', { round: 2, ownerId: 'B', unitPath: UNITS.village131 }),
      ],
      ratings: [rating('2026-03-05', 1)],
      verification: { at: at('2026-03-06'), founded: true },
    });
    const of = (scope: Parameters<typeof computeMetrics>[1]['scope']) =>
      computeMetrics([r], { period: MARCH, scope, now }).rectification;
    const counted = { numerator: 1, denominator: 1, value: 1 };
    const none = { numerator: 0, denominator: 0, value: null };
    expect(of(ALL)).toEqual(counted);
    expect(of({ kind: 'unit', path: UNITS.village130 })).toEqual(counted);
    expect(of({ kind: 'cadre', id: 'A' })).toEqual(counted);
    expect(of({ kind: 'unit', path: UNITS.village131 })).toEqual(none);
    expect(of({ kind: 'cadre', id: 'B' })).toEqual(none);
  });
});

describe('received', () => {
  it('counts requests submitted in the period, withdrawn ones included, unconfirmed ones not', () => {
    const s = inMarch([
      request({ status: 'submitted', submittedAt: at('2026-03-01 00:00') }),
      request({ status: 'withdrawn', submittedAt: at('2026-03-31 23:59:59') }),
      request({ status: 'pending_confirmation', submittedAt: at('2026-03-10') }),
      request({ status: 'submitted', submittedAt: at('2026-04-01 00:00') }),
    ]);
    expect(s.received).toBe(2);
  });
});
