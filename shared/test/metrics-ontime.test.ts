import { computeMetrics, type MetricClock } from '../src/metrics';
import { ALL, MARCH, UNITS, at, clock, request } from './metrics-factory';

describe('按时办结率 reads the resolve and rectify clocks', () => {
  const now = at('2026-03-20 12:00');
  const inMarch = (clocks: MetricClock[], when = now) =>
    computeMetrics([request({ clocks })], { period: MARCH, scope: ALL, now: when }).onTime;

  // [name, clock, in the base, on time]
  const cases: [string, MetricClock, boolean, boolean][] = [
    [
      'resolved the day before the due time',
      clock('resolve', '2026-03-10 18:00', { stoppedAt: '2026-03-09 12:00' }),
      true,
      true,
    ],
    [
      'resolved a day late',
      clock('resolve', '2026-03-12 18:00', { stoppedAt: '2026-03-13 12:00' }),
      true,
      false,
    ],
    ['still running past its due time', clock('resolve', '2026-03-15 18:00'), true, false],
    ['running, due not yet passed', clock('resolve', '2026-03-25 18:00'), false, false],
    [
      'resolved early, due not yet passed',
      clock('resolve', '2026-03-25 18:00', { stoppedAt: '2026-03-18 12:00' }),
      false,
      false,
    ],
    [
      'resolved exactly at the due time',
      clock('resolve', '2026-03-16 18:00', { stoppedAt: '2026-03-16 18:00' }),
      true,
      true,
    ],
    [
      'handed over (escalated) before its due time: owed nothing more',
      clock('resolve', '2026-03-05 18:00', { stoppedAt: '2026-03-04 12:00', stop: 'other' }),
      false,
      false,
    ],
    [
      'escalated after its due time: the miss stays',
      clock('resolve', '2026-03-05 18:00', { stoppedAt: '2026-03-06 09:00', stop: 'other' }),
      true,
      false,
    ],
    [
      'withdrawn after its due time: the miss stays',
      clock('resolve', '2026-03-05 18:00', { stoppedAt: '2026-03-09 09:00', stop: 'other' }),
      true,
      false,
    ],
    ['due in February', clock('resolve', '2026-02-27 18:00'), false, false],
    ['due exactly now: not yet passed', clock('resolve', '2026-03-20 12:00'), false, false],
    [
      'a rectification running past its due time',
      clock('rectify', '2026-03-18 18:00'),
      true,
      false,
    ],
    [
      'a rectification resolved on time',
      clock('rectify', '2026-03-18 18:00', { stoppedAt: '2026-03-17 10:00' }),
      true,
      true,
    ],
    [
      'an accept clock is not a resolution deadline',
      clock('accept', '2026-03-02 18:00', { stoppedAt: '2026-03-02 09:00' }),
      false,
      false,
    ],
  ];

  it.each(cases)('%s', (_name, c, inBase, onTime) => {
    expect(inMarch([c])).toMatchObject({ denominator: inBase ? 1 : 0, numerator: onTime ? 1 : 0 });
  });

  it('adds up over the set', () => {
    // base: 1, 2, 3, 6, 8, 9, 12, 13 = 8; on time: 1, 6, 13 = 3 → 3/8.
    expect(inMarch(cases.map(([, c]) => c))).toEqual({
      numerator: 3,
      denominator: 8,
      value: 0.375,
    });
  });

  it('an unconfirmed 当场解决 counts nowhere', () => {
    const r = request({
      status: 'pending_confirmation',
      clocks: [clock('resolve', '2026-03-03 18:00')],
    });
    expect(computeMetrics([r], { period: MARCH, scope: ALL, now }).onTime.denominator).toBe(0);
  });

  it('each clock counts for the owner it ran for, not for whoever holds the request now', () => {
    // The village cadre A missed the village deadline and escalated late; township staff T met theirs.
    const r = request({
      status: 'closed',
      ownerId: 'T',
      unitPath: UNITS.township12,
      clocks: [
        clock('resolve', '2026-03-05 18:00', { stoppedAt: '2026-03-06 09:00', stop: 'other' }),
        clock('resolve', '2026-03-16 18:00', {
          startedAt: '2026-03-06 09:00',
          stoppedAt: '2026-03-12 10:00',
          ownerId: 'T',
          unitPath: UNITS.township12,
        }),
      ],
    });
    const of = (scope: Parameters<typeof computeMetrics>[1]['scope']) =>
      computeMetrics([r], { period: MARCH, scope, now }).onTime;
    expect(of({ kind: 'cadre', id: 'A' })).toMatchObject({ numerator: 0, denominator: 1 });
    expect(of({ kind: 'cadre', id: 'T' })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(of({ kind: 'unit', path: UNITS.village130 })).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    expect(of({ kind: 'unit', path: UNITS.township12 })).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });
});
