import type {
  Household,
  Page,
  RequestDetail,
  TransferPostResult,
  UnvisitedHousehold,
  Visit,
  VisitCoverage,
} from '@mqlk/shared';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { CLOCK, type ControllableClock } from '../src/common/clock/clock';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { HouseholdEntity } from '../src/modules/household/household.entity';
import { VisitEntity } from '../src/modules/household/visit.entity';
import { RequestEntity } from '../src/modules/request/request.entity';
import { bearer, unique, uniquePhone } from './factories';
import { idemKey, Loop, refusal } from './loop';
import { jsonClient } from './json-client';
import { type TestApp, startTestApp, testDialects } from './test-app';

/** Monday 7 December 2026, 10:00 in Beijing: the cadres' duty day is 每周一. */
const NOW = new Date('2026-12-07T10:00:00+08:00');
const TODAY = '2026-12-07';

describe.each(testDialects())('visits (走访日记) on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let db: DataSource;
  let staffA: string;
  let staffB: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    (t.app.get(CLOCK) as ControllableClock).set(NOW);
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
  });
  afterAll(() => t.close());

  const { call, post, get } = jsonClient(() => t);

  /** A cadre of a village of their own, signed in, so counts of one test do not see another's. */
  const freshCadre = async (village?: Awaited<ReturnType<typeof l.f.unit>>) => {
    const unit = village ?? (await l.f.unit('village', l.w.townA));
    const c = await l.f.cadre(unit);
    return { ...c, unit, token: await l.as(c.user) };
  };
  const household = async (
    unitId: number,
    cadreId: number | null,
    extra: object = {},
  ): Promise<Household> =>
    (await post(
      staffA,
      '/api/office/households',
      {
        unitId,
        groupName: '二组',
        houseNumber: unique('号').slice(0, 12),
        headName: '周玉芬',
        phone: uniquePhone(),
        memberCount: 2,
        cadreId,
        pairing: cadreId === null ? null : 'befriend',
        ...extra,
      },
      201,
    )) as unknown as Household;
  const visit = async (token: string, body: object, status = 201, key = idemKey()) => {
    const res = await t
      .http()
      .post('/api/visits')
      .set(bearer(token))
      .set('Idempotency-Key', key)
      .send({
        visitedOn: TODAY,
        met: '户主本人',
        found: '老人腿脚不便，屋顶漏雨需要修补',
        ...body,
      });
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Visit & { code?: string; details?: { field: string; message: string }[] };
  };
  const mine = async (token: string, query = '') =>
    (await get(token, `/api/households/mine${query}`)) as unknown as Page<Household>;
  const visits = async (token: string, query = '') =>
    (await get(token, `/api/visits/mine${query}`)) as unknown as Page<Visit>;
  /** A visit written straight into the table: a date the 30-day window no longer allows. */
  const pastVisit = async (householdId: number, cadreId: number, visitedOn: string) => {
    await db.getRepository(VisitEntity).insert({
      householdId,
      cadreId,
      visitedOn,
      onDutyDay: false,
      met: '户主本人',
      found: '情况稳定',
      recordedAt: NOW,
    });
    await db.getRepository(HouseholdEntity).update(householdId, { lastVisitOn: visitedOn });
  };

  describe('a cadre records visits to their own households', () => {
    it('records one, marks the duty day, keeps the latest date on the household, and lists them', async () => {
      const c = await freshCadre();
      const h = await household(c.unit.id, c.cadre.id);
      const monday = await visit(c.token, { householdId: h.id });
      expect(monday).toMatchObject({
        householdId: h.id,
        address: h.address,
        headName: '周玉芬',
        cadreId: c.cadre.id,
        cadreName: c.cadre.name,
        visitedOn: TODAY,
        onDutyDay: true,
        met: '户主本人',
        photos: [],
        requests: [],
      });
      // A Saturday, written down later: not a duty day, and the household's latest visit stays Monday's.
      const saturday = await visit(c.token, { householdId: h.id, visitedOn: '2026-12-05' });
      expect(saturday.onDutyDay).toBe(false);
      const listed = await mine(c.token);
      expect(listed.items.find((x) => x.id === h.id)?.lastVisitOn).toBe(TODAY);
      const diary = await visits(c.token);
      expect(diary.items.map((v) => v.id)).toEqual([monday.id, saturday.id]);
      expect(diary.total).toBe(2);
      const other = await household(c.unit.id, c.cadre.id);
      await visit(c.token, { householdId: other.id, visitedOn: '2026-12-06' });
      expect((await visits(c.token, `?householdId=${h.id}`)).items.map((v) => v.id)).toEqual([
        monday.id,
        saturday.id,
      ]);
      expect((await visits(c.token, '?pageSize=1&page=3')).items).toHaveLength(1);
    });

    it('is recorded once per idempotency key, with its photos, EXIF gone', async () => {
      const c = await freshCadre();
      const h = await household(c.unit.id, c.cadre.id);
      const jpeg = await sharp({
        create: { width: 40, height: 30, channels: 3, background: '#884' },
      })
        .jpeg()
        .toBuffer();
      const photo = await t
        .http()
        .post('/api/photos')
        .set(bearer(c.token))
        .attach('file', jpeg, { filename: 'roof.jpg', contentType: 'image/jpeg' })
        .expect(201);
      const key = idemKey();
      const body = { householdId: h.id, photoIds: [photo.body.id] };
      const first = await visit(c.token, body, 201, key);
      const again = await visit(c.token, body, 201, key);
      expect(again.id).toBe(first.id);
      expect(first.photos).toHaveLength(1);
      expect(first.photos[0]!.url).toContain(`/api/photos/${photo.body.id}`);
      expect(await db.getRepository(VisitEntity).countBy({ householdId: h.id })).toBe(1);
      // The photo belongs to that visit now: another visit cannot take it.
      const taken = await visit(c.token, body, 400);
      expect(taken.details).toEqual([{ field: 'photoIds', message: '照片已失效，请重新上传' }]);
    });

    it('refuses a date ahead of today or more than 30 days back, saying why in Chinese', async () => {
      const c = await freshCadre();
      const h = await household(c.unit.id, c.cadre.id);
      const ahead = await visit(c.token, { householdId: h.id, visitedOn: '2026-12-08' }, 400);
      expect(ahead.details).toEqual([{ field: 'visitedOn', message: '走访日期不能晚于今天' }]);
      const old = await visit(c.token, { householdId: h.id, visitedOn: '2026-11-06' }, 400);
      expect(old.details).toEqual([{ field: 'visitedOn', message: '只能补记30天内的走访' }]);
      await visit(c.token, { householdId: h.id, visitedOn: '2026-11-07' });
      const blank = await visit(c.token, { householdId: h.id, found: ' ' }, 400);
      expect(blank.details?.[0]).toMatchObject({ field: 'found', message: '请填写走访情况' });
      expect(await db.getRepository(VisitEntity).countBy({ householdId: h.id })).toBe(1);
    });
  });

  describe('scope', () => {
    it('a cadre sees and visits only their own households; others get 404 and nothing is written', async () => {
      const a = await freshCadre();
      const b = await freshCadre(a.unit);
      const h = await household(a.unit.id, a.cadre.id);
      const unlinked = await household(a.unit.id, null);
      await visit(a.token, { householdId: h.id });
      const notFound = refusal('NOT_FOUND');
      expect(await visit(b.token, { householdId: h.id }, 404)).toEqual(notFound);
      expect(await visit(b.token, { householdId: unlinked.id }, 404)).toEqual(notFound);
      expect(await visit(a.token, { householdId: 999_999 }, 404)).toEqual(notFound);
      expect(await get(b.token, `/api/visits/mine?householdId=${h.id}`, 404)).toEqual(notFound);
      expect(await get(b.token, `/api/households/${h.id}`, 404)).toEqual(notFound);
      expect((await visits(b.token)).total).toBe(0);
      expect((await mine(b.token)).total).toBe(0);
      expect(await db.getRepository(VisitEntity).countBy({ householdId: h.id })).toBe(1);
      expect(await db.getRepository(VisitEntity).countBy({ householdId: unlinked.id })).toBe(0);
    });

    it('refuses the cadre routes to staff and residents, the office routes to cadres, and all to no one', async () => {
      const c = await freshCadre();
      const resident = await l.resident();
      const forbidden = refusal('FORBIDDEN');
      for (const token of [staffA, resident]) {
        expect(await post(token, '/api/visits', {}, 403)).toEqual(forbidden);
        expect(await get(token, '/api/visits/mine', 403)).toEqual(forbidden);
      }
      for (const token of [c.token, resident]) {
        expect(await get(token, '/api/office/visit-coverage', 403)).toEqual(forbidden);
        expect(await get(token, '/api/office/households-unvisited', 403)).toEqual(forbidden);
      }
      for (const [method, path] of [
        ['post', '/api/visits'],
        ['get', '/api/visits/mine'],
        ['get', '/api/office/visit-coverage'],
        ['get', '/api/office/households-unvisited'],
      ] as const) {
        expect(await call(null, method, path, {}, 401)).toEqual(refusal('UNAUTHENTICATED'));
      }
    });
  });

  describe('turning what was found into a request', () => {
    it('代填 and 当场解决 from a visit name its household and visit, on the visit channel', async () => {
      const c = await freshCadre();
      const h = await household(c.unit.id, c.cadre.id);
      const v = await visit(c.token, { householdId: h.id });
      const residentPhone = uniquePhone();
      const filed = await t
        .http()
        .post('/api/requests/on-behalf')
        .set(bearer(c.token))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'phone', // the visit decides: it was met at home
          category: 'difficulty',
          subTopic: 'housing_safety',
          text: '屋顶漏雨，老人一个人住，需要帮忙修补',
          residentPhone,
          consent: true,
          visitId: v.id,
        })
        .expect(201);
      const request = filed.body as RequestDetail;
      const row = await db.getRepository(RequestEntity).findOneByOrFail({ id: request.id });
      expect(row).toMatchObject({ channel: 'visit', householdId: h.id, visitId: v.id });
      const onSpot = await t
        .http()
        .post('/api/requests/on-spot')
        .set(bearer(c.token))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'visit',
          category: 'difficulty',
          subTopic: 'water',
          text: '水管接头漏水，当场帮忙拧紧了',
          residentPhone,
          consent: true,
          note: '当场更换了水管接头',
          publicSummary: '水管接头已更换',
          visitId: v.id,
        })
        .expect(201);
      const diary = await visits(c.token, `?householdId=${h.id}`);
      expect(diary.items[0]!.requests).toEqual([
        { id: request.id, number: request.number },
        { id: onSpot.body.request.id, number: onSpot.body.request.number },
      ]);
      // Both still wait on someone: the household shows them as open.
      expect((await mine(c.token)).items.find((x) => x.id === h.id)?.openRequests).toBe(2);
    });

    it('refuses another cadre’s visit, and files nothing', async () => {
      const a = await freshCadre();
      const b = await freshCadre(a.unit);
      const h = await household(a.unit.id, a.cadre.id);
      const v = await visit(a.token, { householdId: h.id });
      const before = await db.getRepository(RequestEntity).count();
      const res = await t
        .http()
        .post('/api/requests/on-behalf')
        .set(bearer(b.token))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'visit',
          category: 'difficulty',
          subTopic: 'housing_safety',
          text: '屋顶漏雨，老人一个人住，需要帮忙修补',
          residentPhone: uniquePhone(),
          consent: true,
          visitId: v.id,
        })
        .expect(404);
      expect(res.body).toEqual(refusal('NOT_FOUND'));
      expect(await db.getRepository(RequestEntity).count()).toBe(before);
    });
  });

  describe('what the office sees', () => {
    it('coverage per cadre for the quarter: visited ÷ linked, 特殊群体 apart, lowest first', async () => {
      const village = await l.f.unit('village', l.w.townA);
      const x = await freshCadre(village);
      const y = await freshCadre(village);
      const special = await household(village.id, x.cadre.id, { specialGroups: ['empty_nest'] });
      const plain = await household(village.id, x.cadre.id);
      const never = await household(village.id, x.cadre.id);
      await household(village.id, y.cadre.id);
      await household(village.id, y.cadre.id);
      await visit(x.token, { householdId: special.id }); // Monday: a duty day
      await visit(x.token, { householdId: special.id, visitedOn: '2026-12-05' });
      await visit(x.token, { householdId: plain.id, visitedOn: '2026-12-01' });
      await pastVisit(never.id, x.cadre.id, '2026-09-30'); // last quarter
      const coverage = (await get(
        staffA,
        `/api/office/visit-coverage?unitId=${village.id}`,
      )) as unknown as VisitCoverage;
      expect(coverage).toMatchObject({
        quarter: '2026-Q4',
        label: '2026年第四季度',
        from: '2026-10-01',
        to: '2026-12-31',
        total: { numerator: 2, denominator: 5 },
      });
      expect(coverage.rows.items).toEqual([
        {
          cadreId: y.cadre.id,
          cadreName: y.cadre.name,
          unitName: village.name,
          coverage: { numerator: 0, denominator: 2 },
          specialCoverage: { numerator: 0, denominator: 0 },
          visits: 0,
          dutyDayVisits: 0,
        },
        {
          cadreId: x.cadre.id,
          cadreName: x.cadre.name,
          unitName: village.name,
          coverage: { numerator: 2, denominator: 3 },
          specialCoverage: { numerator: 1, denominator: 1 },
          visits: 3,
          dutyDayVisits: 1,
        },
      ]);
      const q3 = (await get(
        staffA,
        `/api/office/visit-coverage?unitId=${village.id}&quarter=2026-Q3`,
      )) as unknown as VisitCoverage;
      expect(q3.rows.items.find((r) => r.cadreId === x.cadre.id)?.coverage).toEqual({
        numerator: 1,
        denominator: 3,
      });
      const bad = await get(staffA, '/api/office/visit-coverage?quarter=2026-Q5', 400);
      expect(bad.details).toEqual([{ field: 'quarter', message: '季度格式应为 2026-Q4' }]);
      expect(await get(staffB, `/api/office/visit-coverage?unitId=${village.id}`, 403)).toEqual(
        refusal('OUT_OF_SCOPE'),
      );
      const theirs = (await get(
        staffB,
        '/api/office/visit-coverage?pageSize=100',
      )) as unknown as VisitCoverage;
      expect(theirs.rows.items.map((r) => r.cadreId)).not.toContain(x.cadre.id);
    });

    it('households unvisited for 90 days: 特殊群体 first, never visited before long ago', async () => {
      const village = await l.f.unit('village', l.w.townA);
      const c = await freshCadre(village);
      const longAgo = new Date(NOW.getTime() - 120 * 86_400_000);
      const old = async (extra: object = {}) => {
        const h = await household(village.id, c.cadre.id, extra);
        await db.getRepository(HouseholdEntity).update(h.id, { createdAt: longAgo });
        return h;
      };
      const neverPlain = await old();
      const stalePlain = await old();
      const staleSpecial = await old({ specialGroups: ['left_behind_child'] });
      const neverSpecial = await old({ specialGroups: ['subsistence'] });
      const recent = await old();
      const boundary = await old();
      await household(village.id, c.cadre.id); // registered today: not 90 days unvisited yet
      await pastVisit(stalePlain.id, c.cadre.id, '2026-08-01');
      await pastVisit(staleSpecial.id, c.cadre.id, '2026-09-01');
      await pastVisit(recent.id, c.cadre.id, '2026-11-20');
      await pastVisit(boundary.id, c.cadre.id, '2026-09-09'); // exactly 89 days ago
      const page = (await get(
        staffA,
        `/api/office/households-unvisited?unitId=${village.id}`,
      )) as unknown as Page<UnvisitedHousehold>;
      expect(page.items.map((u) => [u.household.id, u.daysSince])).toEqual([
        [neverSpecial.id, null],
        [staleSpecial.id, 97],
        [neverPlain.id, null],
        [stalePlain.id, 128],
      ]);
      expect(page.items[0]!.household.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/);
      expect(
        (
          (await get(
            staffA,
            `/api/office/households-unvisited?unitId=${village.id}&cadreId=${c.cadre.id}&pageSize=1`,
          )) as unknown as Page<UnvisitedHousehold>
        ).total,
      ).toBe(4);
      expect(
        await get(staffB, `/api/office/households-unvisited?unitId=${village.id}`, 403),
      ).toEqual(refusal('OUT_OF_SCOPE'));
    });
  });

  describe('事随人转', () => {
    it('moves the households and their links to the successor, the visit history kept', async () => {
      const village = await l.f.unit('village', l.w.townA);
      const from = await freshCadre(village);
      const to = await freshCadre(village);
      const kin = await household(village.id, from.cadre.id, { pairing: 'kin' });
      const friend = await household(village.id, from.cadre.id);
      const v = await visit(from.token, { householdId: kin.id });
      const result = (await post(staffA, `/api/office/cadres/${from.cadre.id}/transfer`, {
        successorCadreId: to.cadre.id,
        note: '岗位调整',
      })) as unknown as TransferPostResult;
      expect(result.movedHouseholds).toBe(2);
      const theirs = await mine(to.token);
      expect(theirs.items.map((h) => [h.id, h.pairing, h.cadreId])).toEqual([
        [kin.id, 'kin', to.cadre.id],
        [friend.id, 'befriend', to.cadre.id],
      ]);
      expect(theirs.items[0]!.lastVisitOn).toBe(TODAY);
      // The successor reads the household's diary, the predecessor's visit included, still theirs.
      const diary = await visits(to.token, `?householdId=${kin.id}`);
      expect(diary.items.map((x) => [x.id, x.cadreId, x.cadreName])).toEqual([
        [v.id, from.cadre.id, from.cadre.name],
      ]);
      expect((await visits(to.token)).total).toBe(0); // their own diary starts empty
      const audit = await db
        .getRepository(AuditLogEntity)
        .findOneByOrFail({ action: 'cadre.transfer', targetId: from.cadre.id });
      expect(audit.detail).toMatchObject({ movedHouseholds: 2 });
    });

    it('a cadre who leaves with no successor (停用): the households become 未结对, the visits kept', async () => {
      const village = await l.f.unit('village', l.w.townA);
      const leaving = await freshCadre(village);
      const h = await household(village.id, leaving.cadre.id);
      const v = await visit(leaving.token, { householdId: h.id });
      await post(staffA, `/api/office/cadres/${leaving.cadre.id}/deactivate`, {
        reason: '调离本镇',
      });
      const after = (await get(staffA, `/api/office/households/${h.id}`)) as unknown as {
        household: Household;
      };
      expect(after.household).toMatchObject({ cadreId: null, pairing: null, lastVisitOn: TODAY });
      const unlinked = (await get(
        staffA,
        `/api/office/households?unitId=${village.id}&linked=false`,
      )) as unknown as Page<Household>;
      expect(unlinked.items.map((x) => x.id)).toEqual([h.id]);
      expect(await db.getRepository(VisitEntity).findOneByOrFail({ id: v.id })).toMatchObject({
        cadreId: leaving.cadre.id,
      });
      const audit = await db
        .getRepository(AuditLogEntity)
        .findOneByOrFail({ action: 'cadre.deactivate', targetId: leaving.cadre.id });
      expect(audit.detail).toMatchObject({ householdsUnlinked: 1 });
    });
  });
});
