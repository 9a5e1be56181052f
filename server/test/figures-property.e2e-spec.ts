import {
  computeMetrics,
  localDateOf,
  monthKey,
  monthOfDay,
  localDay,
  groupByMonth,
  summarise,
  toDayRange,
  type MetricRequest,
  type MetricsSummary,
} from '@mqlk/shared';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { CLOCK, type ControllableClock } from '../src/common/clock/clock';
import { metricLedgerFor, metricRowsFor } from '../src/database/metric-ledger-for';
import { RequestSweeps } from '../src/modules/request/request-sweeps';
import { bearer } from './factories';
import { Loop, SUBMISSION } from './loop';
import { startTestApp, testDialects, type TestApp } from './test-app';

/** How many random request histories one run applies (the issue asks for at least 200). */
const HISTORIES = Number(process.env.FIGURES_HISTORIES ?? 200);
/** How many random periods and scopes are compared afterwards. */
const CHECKS = 25;

const HOUR = 3_600_000;
const START = Date.parse('2026-02-02T08:00:00+08:00');

type Step =
  | { kind: 'accept' }
  | { kind: 'resolve'; explained: boolean }
  | { kind: 'escalate' }
  | { kind: 'transfer' }
  | { kind: 'rate'; level: 1 | 2 | 3 | 4 | 5; solved: 'solved' | 'partly' | 'unsolved' }
  | { kind: 'verify'; founded: boolean }
  | { kind: 'withdraw' }
  | { kind: 'expire' };

interface History {
  card: 0 | 1 | 2;
  category: 'difficulty' | 'conduct' | 'suggestion';
  onSpot: boolean;
  startMs: number;
  steps: { gapMs: number; step: Step }[];
}

const gap = fc.noBias(fc.integer({ min: 0, max: 5 * 24 * HOUR }));
const levelArb = fc.constantFrom<1 | 2 | 3 | 4 | 5>(1, 1, 2, 3, 4, 5, 5);
const solvedArb = fc.constantFrom('solved' as const, 'partly' as const, 'unsolved' as const);
const chance = (p: number) => fc.noBias(fc.integer({ min: 0, max: 99 })).map((n) => n < p * 100);

/**
 * A plausible life of one request, with its branches left to chance: accepted or not, escalated
 * or transferred, resolved or explained, rated (often badly), verified founded or unfounded,
 * rectified and rated again, withdrawn, or left until the rating window runs out.
 */
const stepsArb: fc.Arbitrary<{ gapMs: number; step: Step }[]> = fc
  .record({
    gaps: fc.array(gap, { minLength: 10, maxLength: 10 }),
    accept: chance(0.85),
    escalate: chance(0.15),
    transfer: chance(0.1),
    resolve: chance(0.8),
    explained: chance(0.2),
    rate: chance(0.75),
    level: levelArb,
    solved: solvedArb,
    verify: chance(0.8),
    founded: chance(0.6),
    rectify: chance(0.75),
    rateAgain: chance(0.7),
    level2: levelArb,
    solved2: solvedArb,
    withdraw: chance(0.05),
    expire: chance(0.15),
  })
  .map((h) => {
    const steps: Step[] = [];
    if (h.withdraw) steps.push({ kind: 'withdraw' });
    if (h.accept) steps.push({ kind: 'accept' });
    if (h.escalate) steps.push({ kind: 'escalate' }, { kind: 'accept' });
    if (h.transfer) steps.push({ kind: 'transfer' }, { kind: 'accept' });
    if (h.resolve) steps.push({ kind: 'resolve', explained: h.explained });
    if (h.expire) steps.push({ kind: 'expire' });
    if (h.rate) steps.push({ kind: 'rate', level: h.level, solved: h.solved });
    if (h.verify) steps.push({ kind: 'verify', founded: h.founded });
    if (h.rectify) steps.push({ kind: 'resolve', explained: false });
    if (h.rateAgain) steps.push({ kind: 'rate', level: h.level2, solved: h.solved2 });
    return steps.map((step, i) => ({ gapMs: h.gaps[i % h.gaps.length]!, step }));
  });

const historyArb: fc.Arbitrary<History> = fc.record({
  card: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
  category: fc.constantFrom(
    'difficulty' as const,
    'difficulty' as const,
    'conduct' as const,
    'suggestion' as const,
  ),
  onSpot: chance(0.08),
  // Spread over about four months, so that periods and months cut through histories.
  startMs: fc.noBias(fc.integer({ min: 0, max: 110 * 24 * HOUR })),
  steps: stepsArb,
});

const SUMMARY_KEYS = [
  'received',
  'resolved',
  'ratings',
  'satisfaction',
  'solvedRate',
  'participation',
  'onTime',
  'responsiveness',
  'acceptanceHours',
  'rectification',
  'resolutionLevels',
  'averageScore',
] as const;

/** The figures compared, with means rounded where floating point sums in another order. */
function comparable(s: MetricsSummary) {
  return {
    ...Object.fromEntries(SUMMARY_KEYS.map((k) => [k, s[k]])),
    acceptanceHours: {
      count: s.acceptanceHours.count,
      total: Math.round(s.acceptanceHours.total * 1e6),
    },
    averageScore: { count: s.averageScore.count, total: s.averageScore.total },
  };
}

/**
 * Issue 9's property: random request histories (escalations, transfers, rectification rounds,
 * unfounded reviews, conduct complaints, withdrawals, expired rating windows, 当场解决 left
 * unconfirmed) are applied through the real API to the real database, with time moving between
 * the steps; then, for random periods and scopes, every figure the API reads from the rollups
 * equals the shared reference computed over the raw rows.
 */
describe.each(testDialects())('figures from rollups equal the reference on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let clock: ControllableClock;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    clock = t.app.get(CLOCK);
    const w = l.w;
    tokens = {
      cadreA: await l.as(w.cadreA.user),
      cadreA2: await l.as(w.cadreA2.user),
      cadreB: await l.as(w.cadreB.user),
      staffA: await l.as(w.staffA),
      staffB: await l.as(w.staffB),
      countyStaff: await l.as(w.countyStaff),
    };
  }, 120_000);
  afterAll(() => t?.close());

  it(`applies ${HISTORIES} random histories and reads the same figures as the raw rows give`, async () => {
    const histories = fc.sample(historyArb, { numRuns: HISTORIES, seed: 20261206 });
    const w = l.w;
    const cards = [w.cadreA.card.code, w.cadreA2.card.code, w.cadreB.card.code];
    const cadreFor = [w.cadreA, w.cadreA2, w.cadreB];

    // Every step of every history on one timeline, applied in time order.
    const timeline: { at: number; h: number; step: Step | 'submit' }[] = [];
    histories.forEach((h, i) => {
      let at = START + h.startMs;
      timeline.push({ at, h: i, step: 'submit' });
      for (const s of h.steps) {
        at += s.gapMs;
        timeline.push({ at, h: i, step: s.step });
      }
    });
    timeline.sort((a, b) => a.at - b.at || a.h - b.h);

    const state: { id: number; resident: string }[] = [];
    const everyone = Object.values(tokens);
    let applied = 0;
    const moves = new Map<string, number>();
    const tryMove = async (candidates: string[], id: number, action: string, body: object) => {
      for (const token of candidates) {
        const current = await t.http().get(`/api/requests/${id}`).set(bearer(token));
        if (current.status !== 200) continue;
        if (!(current.body.allowedActions as string[]).includes(action)) continue;
        const res = await t
          .http()
          .post(`/api/requests/${id}/${action}`)
          .set(bearer(token))
          .send(action === 'withdraw' ? body : { version: current.body.version, ...body });
        if (res.status >= 400 && res.status < 500 && res.status !== 409) {
          throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
        }
        if (res.status < 300) {
          applied += 1;
          moves.set(action, (moves.get(action) ?? 0) + 1);
        } else if (res.status >= 500)
          throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
        return;
      }
    };

    for (const { at, h, step } of timeline) {
      clock.set(new Date(at));
      const history = histories[h]!;
      if (step === 'submit') {
        const resident = await l.resident();
        if (history.onSpot) {
          const res = await t
            .http()
            .post('/api/requests/on-spot')
            .set(bearer(tokens[['cadreA', 'cadreA2', 'cadreB'][history.card]!]!))
            .set('Idempotency-Key', `spot-${h}-${at}`)
            .send({
              channel: 'visit',
              category: 'difficulty',
              subTopic: 'water',
              text: SUBMISSION.text,
              note: '当场帮忙修好了水龙头',
              publicSummary: '村里帮忙修好了水龙头',
              residentPhone: `139${String(10000000 + h).padStart(8, '0')}`,
              consent: true,
            });
          if (res.status >= 300) throw new Error(`on-spot: ${JSON.stringify(res.body)}`);
          state[h] = { id: res.status === 201 ? (res.body.id as number) : 0, resident };
        } else {
          const body =
            history.category === 'conduct'
              ? {
                  category: 'conduct',
                  subTopic: 'attitude',
                  text: '网格员上门时态度很差，不听我们说完',
                }
              : history.category === 'suggestion'
                ? { category: 'suggestion' }
                : {};
          const res = await t
            .http()
            .post('/api/requests')
            .set(bearer(resident))
            .set('Idempotency-Key', `req-${h}-${at}`)
            .send({ cardCode: cards[history.card], ...SUBMISSION, ...body });
          if (res.status >= 300) throw new Error(`submit: ${JSON.stringify(res.body)}`);
          state[h] = { id: res.status === 201 ? (res.body.id as number) : 0, resident };
        }
        continue;
      }
      const { id, resident } = state[h]!;
      if (!id) continue;
      switch (step.kind) {
        case 'accept':
          await tryMove(everyone, id, 'accept', {});
          break;
        case 'resolve':
          await tryMove(everyone, id, 'resolve', {
            outcome: step.explained ? 'explained' : 'solved',
            note: step.explained ? '政策不允许，已当面解释清楚原因和依据' : '已经办好了',
            publicSummary: step.explained ? '已向群众解释政策' : '反映的事已办好',
          });
          break;
        case 'escalate':
          await tryMove(everyone, id, 'escalate', { reason: '村里解决不了，请镇里协调' });
          break;
        case 'transfer':
          await tryMove([tokens.staffA!, tokens.staffB!], id, 'transfer', {
            toUserId: w.cadreA2.user.id,
            reason: '由另一位网格员办理更合适',
          });
          break;
        case 'rate':
          await tryMove([resident], id, 'rate', { level: step.level, solved: step.solved });
          break;
        case 'verify':
          await tryMove(
            [tokens.staffA!, tokens.staffB!, tokens.countyStaff!],
            id,
            'verify',
            step.founded
              ? { founded: true, finding: '经核实情况属实，请整改' }
              : { founded: false, reason: 'malicious', note: '经核实与事实不符' },
          );
          break;
        case 'withdraw':
          await tryMove([resident], id, 'withdraw', {});
          break;
        case 'expire':
          // The sweep closes rating windows that ran out (评价期满).
          await t.app.get(RequestSweeps).runOnce();
          break;
      }
    }
    expect(applied).toBeGreaterThan(HISTORIES);

    // Compare at a moment well away from any 18:00 due time.
    const checkAt = new Date('2026-06-20T10:00:00+08:00');
    clock.set(checkAt);
    const now = checkAt;
    const ledger = metricLedgerFor(t.app.get(DataSource));
    const raw: MetricRequest[] = await metricRowsFor(t.app.get(DataSource)).under(w.county.path);
    expect(raw.length).toBeGreaterThanOrEqual(HISTORIES * 0.9);
    // The histories reach the cases that matter, not only the happy path.
    const whole = computeMetrics(raw, {
      period: { from: '2026-01-01', to: '2026-06-30' },
      scope: { kind: 'unit', path: w.county.path },
      now,
    });
    console.log(
      `moves applied: ${JSON.stringify(Object.fromEntries(moves))}; ` +
        `county: ${whole.received} received, ${whole.resolved} resolved, ${whole.ratings} ratings, ` +
        `${whole.onTime.denominator} deadlines due, ${whole.rectification.denominator} founded bad reviews`,
    );
    for (const action of [
      'accept',
      'resolve',
      'rate',
      'escalate',
      'transfer',
      'verify',
      'withdraw',
    ]) {
      expect(moves.get(action) ?? 0).toBeGreaterThan(0);
    }
    expect(whole.ratings).toBeGreaterThan(HISTORIES / 10);

    const periods = fc.sample(
      fc.tuple(fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 140 })).map(([a, b]) => {
        const day = (n: number) => localDateOf(new Date(START + n * 24 * HOUR));
        return { from: day(Math.min(a, b)), to: day(Math.max(a, b)) };
      }),
      { numRuns: CHECKS, seed: 7 },
    );
    const units = [w.county, w.townA, w.townB, w.villageA];
    const countyToken = tokens.countyStaff!;
    for (const [i, period] of periods.entries()) {
      const unit = units[i % units.length]!;
      const level = unit === w.villageA ? 'cadre' : i % 2 === 0 ? 'cadre' : 'village';
      const res = await t
        .http()
        .get(
          `/api/stats/units?unitId=${unit.id}&from=${period.from}&to=${period.to}&level=${level}&pageSize=100`,
        )
        .set(bearer(countyToken))
        .expect(200);
      const scope = { kind: 'unit' as const, path: unit.path };
      expect(comparable(res.body.total)).toEqual(
        comparable(computeMetrics(raw, { period, scope, now })),
      );
      // The category mix: requests received per category, as the reference counts them.
      const byCategory = new Map<string, number>();
      for (const category of new Set(raw.map((r) => r.category))) {
        const received = computeMetrics(
          raw.filter((r) => r.category === category),
          { period, scope, now },
        ).received;
        if (received > 0) byCategory.set(category, received);
      }
      expect(
        Object.fromEntries(
          (res.body.categories as { category: string; received: number }[]).map((c) => [
            c.category,
            c.received,
          ]),
        ),
      ).toEqual(Object.fromEntries(byCategory));
      expect(res.body.rows.total).toBe(res.body.rows.items.length);
      for (const row of res.body.rows.items as {
        kind: string;
        id: number;
        figures: MetricsSummary;
      }[]) {
        const expected =
          row.kind === 'unit'
            ? computeMetrics(raw, {
                period,
                scope: {
                  kind: 'unit',
                  path: units.find((u) => u.id === row.id)?.path ?? (await unitPath(t, row.id)),
                },
                now,
              })
            : summarise(raw, toDayRange(period), now, [
                scope,
                {
                  kind: 'cadre',
                  id: String(row.kind === 'cadre' ? userOf(cadreFor, row.id) : row.id),
                },
              ]);
        expect(comparable(row.figures)).toEqual(comparable(expected));
      }
      // The requests behind a number are as many as the number.
      const onTime = res.body.total.onTime as { denominator: number };
      const list = await t
        .http()
        .get(
          `/api/stats/requests?unitId=${unit.id}&from=${period.from}&to=${period.to}&figure=onTime&part=denominator&pageSize=1`,
        )
        .set(bearer(countyToken))
        .expect(200);
      expect(list.body.total).toBe(onTime.denominator);
    }

    // Month by month for the county, as the reference groups it.
    const first = monthOfDay(localDay(new Date(START)));
    const series = await t
      .http()
      .get(
        `/api/stats/series?unitId=${w.county.id}&fromMonth=${monthKey(first)}&toMonth=${monthKey(first + 4)}`,
      )
      .set(bearer(countyToken))
      .expect(200);
    const expected = groupByMonth(raw, monthKey(first), monthKey(first + 4), {
      scope: { kind: 'unit', path: w.county.path },
      now,
    });
    expect(
      series.body.months.map((m: { figures: MetricsSummary }) => comparable(m.figures)),
    ).toEqual(expected.map((g) => comparable(g.summary)));

    // And the reconcile command finds nothing to say.
    const check = await ledger.reconcile(
      w.county.path,
      { from: '2026-01-01', to: '2026-06-30' },
      now,
    );
    expect(check.staleRequests).toEqual([]);
    expect(check.rollupProblems).toEqual([]);
    expect(comparable(check.fromRollups)).toEqual(comparable(check.reference));
  }, 900_000);
});

function userOf(
  cadres: { cadre: { id: number }; user: { id: number } }[],
  cadreId: number,
): number {
  const found = cadres.find((c) => c.cadre.id === cadreId);
  if (!found) throw new Error(`unknown cadre ${cadreId}`);
  return found.user.id;
}

async function unitPath(t: TestApp, id: number): Promise<string> {
  const rows: { path: string }[] = await t.app
    .get(DataSource)
    .query('SELECT path FROM org_unit WHERE id = ?', [id]);
  return rows[0]!.path;
}
