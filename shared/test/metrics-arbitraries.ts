import fc from 'fast-check';
import type { MetricRequest, MetricScope } from '../src/metrics';
import { REQUEST_STATUSES } from '../src/lifecycle/status';
import { HANDLING_LEVELS } from '../src/org/levels';
import { CATEGORY_CODES } from '../src/vocabulary/categories';

/** Random request histories for the metrics' property tests (shape only: not every one is reachable). */
// Instants from mid-December 2025 to mid-May 2026, so that months and periods have edges to cross.
const FROM = Date.parse('2025-12-15T00:00:00+08:00');
const TO = Date.parse('2026-05-15T00:00:00+08:00');
// A few fixed instants besides the random ones, so that ties and same-day pairs happen often.
const FIXED = [
  '2026-01-31T23:59:59+08:00',
  '2026-02-01T00:00:00+08:00',
  '2026-03-10T18:00:00+08:00',
];
export const instantArb = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: FROM, max: TO }) },
    { weight: 1, arbitrary: fc.constantFrom(...FIXED.map((s) => Date.parse(s))) },
  )
  .map((ms) => new Date(ms));
const owner = fc.constantFrom('A', 'B', 'C');
const unit = fc.constantFrom('/1/12/130/', '/1/12/131/', '/1/13/140/');
const round = fc.constantFrom<1 | 2>(1, 2);
const level = fc.constantFrom<1 | 2 | 3 | 4 | 5>(1, 2, 3, 4, 5);

export const requestArb: fc.Arbitrary<MetricRequest> = fc.record({
  id: fc.uuid(),
  category: fc.constantFrom(...CATEGORY_CODES),
  status: fc.constantFrom(...REQUEST_STATUSES),
  subjectCadreId: fc.option(owner, { nil: null }),
  submittedAt: instantArb,
  ownerId: owner,
  unitPath: unit,
  clocks: fc.array(
    fc.record({
      kind: fc.constantFrom('accept' as const, 'resolve' as const, 'rectify' as const),
      ownerId: owner,
      unitPath: unit,
      startedAt: instantArb,
      dueAt: instantArb,
      stoppedAt: fc.option(instantArb, { nil: null }),
      stop: fc.constantFrom('goal' as const, 'other' as const),
    }),
    { maxLength: 3 },
  ),
  resolutions: fc.array(
    fc.record({
      at: instantArb,
      round,
      level: fc.constantFrom(...HANDLING_LEVELS),
      ownerId: owner,
      unitPath: unit,
    }),
    { maxLength: 2 },
  ),
  ratings: fc.array(
    fc.record({
      at: instantArb,
      round,
      level,
      excluded: fc.boolean(),
      solved: fc.constantFrom(null, 'solved' as const, 'partly' as const, 'unsolved' as const),
    }),
    { maxLength: 2 },
  ),
  verification: fc.option(fc.record({ at: instantArb, founded: fc.boolean() }), { nil: null }),
});

export const scopeArb: fc.Arbitrary<MetricScope> = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  owner.map((id) => ({ kind: 'cadre' as const, id })),
  fc.constantFrom('/1/', '/1/12/', '/1/12/130/', '/1/13/').map((path) => ({
    kind: 'unit' as const,
    path,
  })),
);

export const periodArb = fc
  .tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 }))
  .map(([a, b]) => {
    const day = (n: number) => new Date(Date.UTC(2025, 11, 15 + n)).toISOString().slice(0, 10);
    return { from: day(Math.min(a, b)), to: day(Math.max(a, b)) };
  });

export const now = new Date('2026-04-10T09:30:00+08:00');
