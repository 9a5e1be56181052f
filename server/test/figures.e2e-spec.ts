import { DataSource } from 'typeorm';
import { CLOCK, type ControllableClock } from '../src/common/clock/clock';
import { metricLedgerFor } from '../src/database/metric-ledger-for';
import { bearer } from './factories';
import { Loop } from './loop';
import { startTestApp, type TestApp, testDialects } from './test-app';

/**
 * The figures pages' API: scope, levels, the ranking with 样本不足 apart, the requests behind a
 * number, a cadre's own figures (ratings only over at least 5), and the rollups staying true.
 */
describe('figures from the rollups', () => {
  let t: TestApp;
  let l: Loop;
  let staffA: string;
  let staffB: string;
  let countyStaff: string;
  let cadreA: string;
  let cadreA2: string;

  beforeAll(async () => {
    t = await startTestApp();
    l = await Loop.start(t);
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
    countyStaff = await l.as(l.w.countyStaff);
    cadreA = await l.as(l.w.cadreA.user);
    cadreA2 = await l.as(l.w.cadreA2.user);
    // Cadre A: six rated requests (five satisfied); cadre A2: two, one of them a bad review.
    for (const level of [5, 5, 4, 3, 3, 1] as const) await l.rated(level);
    for (const level of [5, 2] as const) {
      const resident = await l.resident();
      const r = await l.submit(resident, {}, l.w.cadreA2.card.code);
      await l.handle(cadreA2, r.id);
      await l.rate(resident, r.id, level);
    }
    // One more for A, still open.
    await l.submit(await l.resident());
  });
  afterAll(() => t.close());

  const get = (token: string, path: string, status = 200) =>
    t.http().get(path).set(bearer(token)).expect(status);

  it('gives every figure per cadre with the ranking, 样本不足 apart', async () => {
    const { body } = await get(staffA, `/api/stats/units?unitId=${l.w.townA.id}&level=cadre`);
    expect(body.scope).toMatchObject({ unitId: l.w.townA.id, kind: 'township' });
    expect(body.total).toMatchObject({
      received: 9,
      resolved: 8,
      ratings: 8,
      satisfaction: { numerator: 6, denominator: 8, value: 0.75 },
      badReviewRate: { numerator: 2, denominator: 8 },
      solvedRate: { numerator: 6, denominator: 8 },
      participation: { numerator: 8, denominator: 8 },
    });
    const row = (cadreId: number) =>
      body.rows.items.find((r: { key: string }) => r.key === `cadre:${cadreId}`);
    expect(row(l.w.cadreA.cadre.id).figures).toMatchObject({
      received: 7,
      ratings: 6,
      satisfaction: { numerator: 5, denominator: 6 },
      averageScore: { count: 6, total: 20 * (5 + 5 + 4 + 3 + 3 + 1) },
    });
    expect(row(l.w.cadreA2.cadre.id).figures.satisfaction).toEqual({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    expect(row(l.w.cadreB.cadre.id)).toBeUndefined();
    // p₀ = 6/8; A: (10·0.75 + 6·5/6) / 16.
    expect(body.ranking.baseline).toMatchObject({ numerator: 6, denominator: 8 });
    expect(body.ranking.ranked).toEqual([
      expect.objectContaining({
        key: `cadre:${l.w.cadreA.cadre.id}`,
        rank: 1,
        rated: 6,
        score: (10 * 0.75 + 5) / 16,
      }),
    ]);
    expect(body.ranking.insufficient).toEqual([
      {
        key: `cadre:${l.w.cadreA2.cadre.id}`,
        kind: 'cadre',
        id: l.w.cadreA2.cadre.id,
        name: l.w.cadreA2.cadre.name,
        rated: 2,
      },
    ]);
  });

  it('pages the rows, and ranks every row whatever the page', async () => {
    const all = (await get(staffA, `/api/stats/units?unitId=${l.w.townA.id}&level=cadre`)).body;
    expect(all.rows).toMatchObject({ page: 1, pageSize: 20 });
    expect(all.rows.total).toBe(all.rows.items.length);
    expect(all.rows.total).toBe(2);
    const keys: string[] = [];
    for (let page = 1; page <= all.rows.total; page++) {
      const { body } = await get(
        staffA,
        `/api/stats/units?unitId=${l.w.townA.id}&level=cadre&page=${page}&pageSize=1`,
      );
      expect(body.rows).toMatchObject({ page, pageSize: 1, total: all.rows.total });
      expect(body.rows.items).toHaveLength(1);
      expect(body.total).toEqual(all.total);
      expect(body.ranking).toEqual(all.ranking);
      keys.push(body.rows.items[0].key);
    }
    expect(keys).toEqual(all.rows.items.map((r: { key: string }) => r.key));
    const past = await get(
      staffA,
      `/api/stats/units?unitId=${l.w.townA.id}&level=cadre&page=${all.rows.total + 1}&pageSize=1`,
    );
    expect(past.body.rows).toMatchObject({ items: [], total: all.rows.total });
    const bad = await get(staffA, `/api/stats/units?unitId=${l.w.townA.id}&pageSize=all`, 400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lists units of a level below, and refuses a level that is not below or a unit out of scope', async () => {
    const { body } = await get(
      countyStaff,
      `/api/stats/units?unitId=${l.w.county.id}&level=village`,
    );
    const village = body.rows.items.find(
      (r: { key: string }) => r.key === `unit:${l.w.villageA.id}`,
    );
    expect(village.figures.satisfaction).toMatchObject({ numerator: 6, denominator: 8 });
    const empty = body.rows.items.find((r: { key: string }) => r.key === `unit:${l.w.villageB.id}`);
    expect(empty.figures.satisfaction).toEqual({ numerator: 0, denominator: 0, value: null });

    const wrongLevel = await get(
      staffA,
      `/api/stats/units?unitId=${l.w.villageA.id}&level=township`,
      400,
    );
    expect(wrongLevel.body.code).toBe('VALIDATION_FAILED');
    const other = await get(staffB, `/api/stats/units?unitId=${l.w.townA.id}`, 403);
    expect(other.body.code).toBe('OUT_OF_SCOPE');
    await get(cadreA, `/api/stats/units?unitId=${l.w.townA.id}`, 403);
    const backwards = await get(staffA, '/api/stats/units?from=2026-12-31&to=2026-01-01', 400);
    expect(backwards.body.details[0].message).toBe('开始日期不能晚于结束日期');
  });

  it('opens the requests behind a number, as many as the number, with ratings for staff only', async () => {
    const figures = (await get(staffA, `/api/stats/units?unitId=${l.w.townA.id}`)).body;
    const satisfied = await get(
      staffA,
      `/api/stats/requests?unitId=${l.w.townA.id}&figure=satisfaction&part=numerator&pageSize=50`,
    );
    expect(satisfied.body.total).toBe(figures.total.satisfaction.numerator);
    expect(satisfied.body.items).toHaveLength(6);
    expect(satisfied.body.items.every((i: { ratingLevel: number }) => i.ratingLevel >= 3)).toBe(
      true,
    );
    const bad = await get(
      staffA,
      `/api/stats/requests?unitId=${l.w.townA.id}&cadreId=${l.w.cadreA2.cadre.id}&figure=badReviewRate&part=numerator`,
    );
    expect(bad.body.items.map((i: { ratingLevel: number }) => i.ratingLevel)).toEqual([2]);
    const noBase = await get(staffA, `/api/stats/requests?figure=received&part=denominator`, 400);
    expect(noBase.body.details[0].message).toBe('这个指标没有分母');

    // A cadre opens only their own, and never what rests on ratings.
    const mine = await get(cadreA, '/api/stats/requests?figure=received');
    expect(mine.body.total).toBe(7);
    expect(mine.body.items.every((i: { ratingLevel: null }) => i.ratingLevel === null)).toBe(true);
    await get(cadreA, '/api/stats/requests?figure=satisfaction', 403);
    // … and reads a rated request as 已办结, whatever its rating made of it.
    const resolved = await get(cadreA, '/api/stats/requests?figure=resolved&pageSize=50');
    expect(new Set(resolved.body.items.map((i: { status: string }) => i.status))).toEqual(
      new Set(['resolved']),
    );
    const staffSees = await get(
      staffA,
      `/api/stats/requests?unitId=${l.w.townA.id}&cadreId=${l.w.cadreA.cadre.id}&figure=resolved&pageSize=50`,
    );
    expect(staffSees.body.items.map((i: { status: string }) => i.status)).toContain('closed');
  });

  it('shows a cadre their own figures, and their ratings only over at least 5', async () => {
    const a = (await get(cadreA, '/api/stats/mine')).body;
    expect(a.ratingsShown).toBe(true);
    expect(a.figures.satisfaction).toMatchObject({ numerator: 5, denominator: 6 });
    expect(a.months).toHaveLength(12);
    const a2 = (await get(cadreA2, '/api/stats/mine')).body;
    expect(a2.ratingsShown).toBe(false);
    expect(a2.figures.satisfaction).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(a2.figures.ratings).toBe(0);
    expect(a2.figures.resolved).toBe(2);
    await get(staffA, '/api/stats/mine', 403);
  });

  it('gives the months of a unit and of one cadre', async () => {
    const unit = (await get(staffA, `/api/stats/series?unitId=${l.w.townA.id}`)).body;
    expect(unit.months).toHaveLength(12);
    expect(unit.months.at(-1).figures.satisfaction).toMatchObject({ numerator: 6, denominator: 8 });
    const one = (
      await get(staffA, `/api/stats/series?unitId=${l.w.townA.id}&cadreId=${l.w.cadreA2.cadre.id}`)
    ).body;
    expect(one.scope.cadreId).toBe(l.w.cadreA2.cadre.id);
    expect(one.months.at(-1).figures.ratings).toBe(2);
    // Another township reads only what the cadre earned there: nothing.
    const elsewhere = await get(
      staffB,
      `/api/stats/series?unitId=${l.w.townB.id}&cadreId=${l.w.cadreA.cadre.id}`,
    );
    expect(elsewhere.body.months.at(-1).figures.ratings).toBe(0);
    await get(
      staffB,
      `/api/stats/series?unitId=${l.w.townA.id}&cadreId=${l.w.cadreA.cadre.id}`,
      403,
    );
    const tooLong = await get(staffA, '/api/stats/series?fromMonth=2020-01&toMonth=2026-12', 400);
    expect(tooLong.body.details[0].message).toBe('一次最多看60个月');
  });

  it('flags rating patterns for the county, with the requests behind each, in scope only', async () => {
    // One resident rates the requests of three cadres in two townships.
    const resident = await l.resident();
    for (const [card, token] of [
      [l.w.cadreA.card.code, cadreA],
      [l.w.cadreA2.card.code, cadreA2],
      [l.w.cadreB.card.code, await l.as(l.w.cadreB.user)],
    ] as const) {
      const r = await l.submit(resident, {}, card);
      await l.handle(token, r.id);
      await l.rate(resident, r.id, 5);
    }
    const county = (await get(countyStaff, `/api/stats/anomalies?unitId=${l.w.county.id}`)).body;
    const kinds = county.anomalies.map((a: { kind: string; cadre: { id: number } | null }) => [
      a.kind,
      a.cadre?.id ?? null,
    ]);
    // Cadre A's ratings all came within the hour, each seconds after the resolution.
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['burst', l.w.cadreA.cadre.id],
        ['instant', l.w.cadreA.cadre.id],
        ['many_cadres', null],
      ]),
    );
    const many = county.anomalies.find((a: { kind: string }) => a.kind === 'many_cadres');
    expect(many.summary).toBe('同一评价账号评价了3名干部的3条诉求');
    expect(many.rater).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(many.requests).toHaveLength(3);
    // Township A's staff see their own two cadres only: no account rated three of theirs.
    const town = (await get(staffA, `/api/stats/anomalies?unitId=${l.w.townA.id}`)).body;
    expect(town.anomalies.map((a: { kind: string }) => a.kind)).not.toContain('many_cadres');
    await get(staffB, `/api/stats/anomalies?unitId=${l.w.townA.id}`, 403);
    await get(cadreA, '/api/stats/anomalies', 403);
  });

  it('reconciles with the raw rows, and a rebuild gives the same figures', async () => {
    const ledger = metricLedgerFor(t.app.get(DataSource));
    const period = { from: '2000-01-01', to: '2099-12-31' };
    const check = await ledger.reconcile(l.w.county.path, period, new Date());
    expect(check.staleRequests).toEqual([]);
    expect(check.rollupProblems).toEqual([]);
    expect(check.fromRollups).toEqual(check.reference);

    // Every rollup cell as the moves left it (cells summed back to nothing are left out, as a
    // rebuild has no reason to write them).
    const snapshot = async () => {
      const db = t.app.get(DataSource);
      const out: Record<string, string[]> = {};
      for (const table of [
        'metric_daily',
        'metric_monthly',
        'metric_category_daily',
        'metric_category_monthly',
        'metric_due',
      ]) {
        const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM ${table}`);
        const key = [
          'day',
          'month',
          'due_at',
          'owner_user_id',
          'unit_path',
          'self_subject',
          'next_day',
        ];
        out[table] = rows
          .filter((r) =>
            Object.keys(r).some((k) => !key.includes(k) && k !== 'category' && Number(r[k]) !== 0),
          )
          .map((r) =>
            Object.keys(r)
              .sort()
              .map(
                (k) =>
                  `${k}=${String(k === 'unit_path' || k === 'category' ? r[k] : Number(r[k]))}`,
              )
              .join(' '),
          )
          .sort();
      }
      return out;
    };
    const kept = await snapshot();
    expect(kept.metric_daily!.length).toBeGreaterThan(0);
    expect(kept.metric_category_monthly!.length).toBeGreaterThan(0);
    expect(kept.metric_due!.length).toBeGreaterThan(0);

    // A rollup row changed behind the ledger's back is found, and a rebuild puts it right.
    await t.app.get(DataSource).query('UPDATE metric_monthly SET rating_5 = rating_5 + 1');
    const broken = await ledger.reconcile(l.w.county.path, period, new Date());
    expect(broken.rollupProblems.length).toBeGreaterThan(0);
    const before = (await get(staffA, `/api/stats/units?unitId=${l.w.townA.id}`)).body;
    await ledger.rebuild();
    const after = await ledger.reconcile(l.w.county.path, period, new Date());
    expect(after.rollupProblems).toEqual([]);
    expect(await snapshot()).toEqual(kept);
    expect((await get(staffA, `/api/stats/units?unitId=${l.w.townA.id}`)).body.total).toEqual(
      before.total,
    );
  });
});

/**
 * A clock counts once its due time has passed, also when that is later today: the rollups hold it
 * under its due day from the start, and the read takes it back out until then (both dialects).
 */
describe.each(testDialects())('a clock due later today (%s)', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let clock: ControllableClock;
  afterAll(() => t?.close());

  it('counts in 响应率 only once its due time has passed', async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    clock = t.app.get(CLOCK);
    clock.set(new Date('2026-12-07T09:00:00+08:00')); // a Monday
    const r = await l.submit(await l.resident());
    const [due] = (await t.app
      .get(DataSource)
      .query("SELECT due_at FROM request_clock WHERE request_id = ? AND kind = 'accept'", [
        r.id,
      ])) as { due_at: Date | string }[];
    const dueAt = new Date(due!.due_at);
    const day = new Date(dueAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const responsiveness = async () =>
      (
        await t
          .http()
          .get(`/api/stats/units?unitId=${l.w.townA.id}&from=${day}&to=${day}`)
          .set(bearer(await l.as(l.w.staffA))) // signed in at the clock's time
          .expect(200)
      ).body.total.responsiveness;

    // The due day, an hour before the clock runs out: not due yet, so not in the denominator.
    clock.set(new Date(dueAt.getTime() - 3600_000));
    expect(await responsiveness()).toMatchObject({ numerator: 0, denominator: 0 });
    // A minute after: due and not met (never accepted).
    clock.set(new Date(dueAt.getTime() + 60_000));
    expect(await responsiveness()).toMatchObject({ numerator: 0, denominator: 1 });
  });
});
