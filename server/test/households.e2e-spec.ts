import type { Household, HouseholdDetail, Page } from '@mqlk/shared';
import { DataSource, In, Like } from 'typeorm';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { CadreEntity } from '../src/modules/cadre/cadre.entity';
import { HouseholdEntity } from '../src/modules/household/household.entity';
import { OrgUnitEntity } from '../src/modules/org/org-unit.entity';
import { RequestEntity } from '../src/modules/request/request.entity';
import { unique, uniquePhone } from './factories';
import { Loop, refusal } from './loop';
import { jsonClient } from './json-client';
import { type TestApp, startTestApp, testDialects } from './test-app';

describe.each(testDialects())('households (联户台账) on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let db: DataSource;
  let cipher: PhoneCipher;
  let admin: string;
  let staffA: string;
  let staffB: string;
  let countyStaff: string;
  let cadreA: string;
  let cadreA2: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    cipher = t.app.get(PhoneCipher);
    admin = await l.as(await l.f.account('admin', l.w.county, '县管理员'));
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
    countyStaff = await l.as(l.w.countyStaff);
    cadreA = await l.as(l.w.cadreA.user);
    cadreA2 = await l.as(l.w.cadreA2.user);
  });
  afterAll(() => t.close());

  const { call, post, get } = jsonClient(() => t);
  const list = async (token: string, path: string) =>
    (await get(token, path)) as unknown as Page<Household>;

  const householdAudit = () =>
    db.getRepository(AuditLogEntity).find({
      where: { action: Like('household.%') },
      order: { id: 'ASC' },
    });
  const auditOf = (action: string, targetId: number) =>
    db.getRepository(AuditLogEntity).find({ where: { action, targetId }, order: { id: 'ASC' } });

  /** A form for a new household of `unitId`, with a fresh house number. */
  const form = (unitId: number, extra: object = {}) => ({
    unitId,
    groupName: '三组',
    houseNumber: unique('号').slice(0, 12),
    headName: '李桂兰',
    phone: uniquePhone(),
    memberCount: 3,
    specialGroups: ['subsistence'],
    freeTags: ['独居'],
    ...extra,
  });
  const create = async (token: string, body: object) =>
    (await post(token, '/api/office/households', body, 201)) as unknown as Household;

  /** A village of town A of its own, so the counts of one test do not see another's rows. */
  const freshVillage = () => l.f.unit('village', l.w.townA);

  describe('the office registers households', () => {
    it('creates one in scope: phone encrypted and masked, tags, the link, one audit row', async () => {
      const phone = '13800000001';
      const h = await create(
        staffA,
        form(l.w.villageA.id, {
          groupName: '三组',
          houseNumber: '8号',
          phone: '138 0000 0001',
          specialGroups: ['hardship'],
          freeTags: ['低保', '独居'],
          cadreId: l.w.cadreA.cadre.id,
          pairing: 'kin',
        }),
      );
      expect(h).toMatchObject({
        unitId: l.w.villageA.id,
        unitName: l.w.villageA.name,
        groupName: '三组',
        houseNumber: '8号',
        address: `${l.w.villageA.name}三组8号`,
        headName: '李桂兰',
        phoneMasked: '138****0001',
        memberCount: 3,
        freeTags: ['独居'],
        cadreId: l.w.cadreA.cadre.id,
        cadreName: l.w.cadreA.cadre.name,
        pairing: 'kin',
        lastVisitOn: null,
        openRequests: 0,
      });
      expect([...h.specialGroups].sort()).toEqual(['hardship', 'subsistence']);
      const row = await db.getRepository(HouseholdEntity).findOneByOrFail({ id: h.id });
      expect(row.phoneEnc).not.toContain(phone);
      expect(row.phoneEnc).not.toContain('0001');
      expect(row.phoneHash).toBe(cipher.hash(phone));
      expect(cipher.decrypt(row.phoneEnc!)).toBe(phone);
      const audit = await auditOf('household.create', h.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.unitPath).toBe(l.w.villageA.path);
      expect(audit[0]!.detail).toMatchObject({ head: '李桂兰', pairing: '结亲' });
      const detail = JSON.stringify(audit[0]!.detail);
      expect(detail).not.toContain('0001');
      expect(detail).not.toContain('低保');
      expect(detail).not.toContain('hardship');
    });

    it('places a household in a village or grid only, and not in a retired one', async () => {
      const town = await post(staffA, '/api/office/households', form(l.w.townA.id), 400);
      expect(town.code).toBe('VALIDATION_FAILED');
      expect(town.details).toEqual([
        { field: 'unitId', message: '联户要登记在村（社区）或网格下' },
      ]);
      const grid = await l.f.unit('grid', l.w.villageA);
      await create(staffA, form(grid.id));
      const retired = await freshVillage();
      await db.getRepository(OrgUnitEntity).update(retired.id, { retiredAt: new Date() });
      expect(await post(staffA, '/api/office/households', form(retired.id), 409)).toEqual(
        refusal('UNIT_RETIRED'),
      );
    });

    it('refuses an address registered already, however its number is typed', async () => {
      const village = await freshVillage();
      const first = await create(
        staffA,
        form(village.id, { groupName: '三组', houseNumber: '12号' }),
      );
      for (const typed of [
        { groupName: '三组', houseNumber: '12号' },
        { groupName: ' 三组 ', houseNumber: '１２号' },
      ]) {
        expect(await post(staffA, '/api/office/households', form(village.id, typed), 409)).toEqual(
          refusal('HOUSEHOLD_EXISTS'),
        );
      }
      // Letters in any case are one address on both dialects (MariaDB's collation ignores case).
      const block = await create(
        staffA,
        form(village.id, { groupName: '', houseNumber: 'a栋1号' }),
      );
      expect(block.address).toBe(`${village.name}A栋1号`);
      expect(
        await post(
          staffA,
          '/api/office/households',
          form(village.id, { groupName: '', houseNumber: 'A栋1号' }),
          409,
        ),
      ).toEqual(refusal('HOUSEHOLD_EXISTS'));
      // The same number in another group is another household.
      const other = await create(
        staffA,
        form(village.id, { groupName: '四组', houseNumber: '12号' }),
      );
      expect(other.address).toBe(`${village.name}四组12号`);
      // Editing one onto the other's address is refused the same way.
      expect(
        await post(
          staffA,
          `/api/office/households/${other.id}`,
          form(village.id, { groupName: '三组', houseNumber: '12号' }),
          409,
        ),
      ).toEqual(refusal('HOUSEHOLD_EXISTS'));
      expect(await auditOf('household.create', first.id)).toHaveLength(1);
      expect(await auditOf('household.update', other.id)).toHaveLength(0);
    });
  });

  describe('scope', () => {
    it('refuses another township’s staff everything, and writes nothing', async () => {
      const h = await create(staffA, form(l.w.villageA.id));
      const before = (await householdAudit()).length;
      const path = `/api/office/households/${h.id}`;
      const outOfScope = refusal('OUT_OF_SCOPE');
      expect(await post(staffB, '/api/office/households', form(l.w.villageA.id), 403)).toEqual(
        outOfScope,
      );
      expect(await get(staffB, path, 403)).toEqual(outOfScope);
      expect(await post(staffB, path, form(l.w.villageA.id), 403)).toEqual(outOfScope);
      expect(
        await post(
          staffB,
          `${path}/move`,
          { cadreId: l.w.cadreB.cadre.id, pairing: 'acquaint' },
          403,
        ),
      ).toEqual(outOfScope);
      expect(await get(staffB, `/api/office/households?unitId=${l.w.villageA.id}`, 403)).toEqual(
        outOfScope,
      );
      expect((await list(staffB, '/api/office/households')).total).toBe(0);
      // Town A's staff cannot link a cadre of town B.
      expect(
        await post(
          staffA,
          '/api/office/households',
          form(l.w.villageA.id, { cadreId: l.w.cadreB.cadre.id, pairing: 'acquaint' }),
          403,
        ),
      ).toEqual(outOfScope);
      expect(
        await post(
          staffA,
          `${path}/move`,
          { cadreId: l.w.cadreB.cadre.id, pairing: 'acquaint' },
          403,
        ),
      ).toEqual(outOfScope);
      expect(await get(staffA, '/api/office/households/999999', 404)).toEqual(refusal('NOT_FOUND'));
      expect(await householdAudit()).toHaveLength(before);
    });

    it('lets county staff and the county admin do everything in town A', async () => {
      const h = await create(countyStaff, form(l.w.villageA.id));
      const path = `/api/office/households/${h.id}`;
      for (const token of [countyStaff, admin]) {
        const detail = (await get(token, path)) as unknown as HouseholdDetail;
        expect(detail.household.id).toBe(h.id);
        expect(
          (await list(token, `/api/office/households?unitId=${l.w.villageA.id}`)).items.map(
            (i) => i.id,
          ),
        ).toContain(h.id);
      }
      await post(
        admin,
        path,
        form(l.w.villageA.id, { houseNumber: h.houseNumber, memberCount: 5 }),
      );
      const moved = await post(admin, `${path}/move`, {
        cadreId: l.w.cadreA2.cadre.id,
        pairing: 'befriend',
      });
      expect(moved).toMatchObject({ cadreId: l.w.cadreA2.cadre.id, memberCount: 5 });
      expect(
        (await list(admin, '/api/office/households')).items.some(
          (i) => i.unitId === l.w.villageA.id,
        ),
      ).toBe(true);
    });

    it('refuses every office route to cadres and residents, and cadre routes to staff', async () => {
      const h = await create(
        staffA,
        form(l.w.villageA.id, { cadreId: l.w.cadreA.cadre.id, pairing: 'acquaint' }),
      );
      const resident = await l.resident();
      const forbidden = refusal('FORBIDDEN');
      const office = [
        ['get', '/api/office/households'],
        ['post', '/api/office/households'],
        ['get', `/api/office/households/${h.id}`],
        ['post', `/api/office/households/${h.id}`],
        ['post', `/api/office/households/${h.id}/move`],
      ] as const;
      const before = (await householdAudit()).length;
      for (const token of [cadreA, resident]) {
        for (const [method, path] of office) {
          expect(await call(token, method, path, form(l.w.villageA.id), 403)).toEqual(forbidden);
        }
      }
      for (const token of [staffA, admin, resident]) {
        expect(await get(token, '/api/households/mine', 403)).toEqual(forbidden);
        expect(await get(token, `/api/households/${h.id}`, 403)).toEqual(forbidden);
      }
      for (const [method, path] of [
        ...office,
        ['get', '/api/households/mine'],
        ['get', `/api/households/${h.id}`],
      ] as const) {
        expect(await call(null, method, path, {}, 401)).toEqual(refusal('UNAUTHENTICATED'));
      }
      expect(await householdAudit()).toHaveLength(before);
    });
  });

  describe('editing and re-pairing', () => {
    it('audits exactly the fields that changed, and nothing when none did', async () => {
      const h = await create(staffA, form(l.w.villageA.id));
      const path = `/api/office/households/${h.id}`;
      const newPhone = uniquePhone();
      const edited = form(l.w.villageA.id, {
        houseNumber: h.houseNumber,
        headName: '王秀英',
        phone: newPhone,
        specialGroups: ['subsistence', 'empty_nest'],
      });
      const after = (await post(staffA, path, edited)) as unknown as Household;
      expect(after).toMatchObject({
        headName: '王秀英',
        phoneMasked: `${newPhone.slice(0, 3)}****${newPhone.slice(7)}`,
      });
      expect([...after.specialGroups].sort()).toEqual(['empty_nest', 'subsistence']);
      const audit = await auditOf('household.update', h.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.detail).toMatchObject({ fields: 'headName,phone,tags' });
      expect(JSON.stringify(audit[0]!.detail)).not.toContain(newPhone.slice(7));
      // The same form again (tags in another order) changes nothing and leaves no row.
      await post(staffA, path, { ...edited, specialGroups: ['empty_nest', 'subsistence'] });
      expect(await auditOf('household.update', h.id)).toHaveLength(1);
      // No phone any more.
      const cleared = (await post(staffA, path, { ...edited, phone: '' })) as unknown as Household;
      expect(cleared.phoneMasked).toBeNull();
      expect(((await get(staffA, path)) as unknown as HouseholdDetail).phone).toBeNull();
      expect((await auditOf('household.update', h.id)).map((a) => a.detail?.fields)).toEqual([
        'headName,phone,tags',
        'phone',
      ]);
    });

    it('moves a household to another cadre of the township, audited, and unlinks it', async () => {
      const h = await create(
        staffA,
        form(l.w.villageA.id, { cadreId: l.w.cadreA.cadre.id, pairing: 'acquaint' }),
      );
      const path = `/api/office/households/${h.id}/move`;
      const moved = (await post(staffA, path, {
        cadreId: l.w.cadreA2.cadre.id,
        pairing: 'befriend',
        note: '工作调整',
      })) as unknown as Household;
      expect(moved).toMatchObject({
        cadreId: l.w.cadreA2.cadre.id,
        cadreName: l.w.cadreA2.cadre.name,
        pairing: 'befriend',
      });
      const audit = await auditOf('household.move', h.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.detail).toMatchObject({
        fromCadre: l.w.cadreA.cadre.name,
        toCadre: l.w.cadreA2.cadre.name,
        pairing: '结友',
        note: '工作调整',
      });
      const mineA = await list(cadreA, '/api/households/mine?pageSize=50');
      expect(mineA.items.map((i) => i.id)).not.toContain(h.id);
      const mineA2 = await list(cadreA2, '/api/households/mine?pageSize=50');
      expect(mineA2.items.map((i) => i.id)).toContain(h.id);
      // The same link again changes nothing.
      await post(staffA, path, { cadreId: l.w.cadreA2.cadre.id, pairing: 'befriend' });
      expect(await auditOf('household.move', h.id)).toHaveLength(1);

      // A cadre no longer in post, or of another township (the admin sees both), is refused.
      const gone = await l.f.cadre(l.w.villageA);
      await db.getRepository(CadreEntity).update(gone.cadre.id, { active: false });
      expect(await post(staffA, path, { cadreId: gone.cadre.id, pairing: 'kin' }, 409)).toEqual(
        refusal('PAIRING_INVALID'),
      );
      expect(
        await post(admin, path, { cadreId: l.w.cadreB.cadre.id, pairing: 'kin' }, 409),
      ).toEqual(refusal('PAIRING_INVALID'));
      const half = await post(staffA, path, { cadreId: l.w.cadreA.cadre.id }, 400);
      expect(half.details?.[0]?.field).toBe('pairing');
      expect(await auditOf('household.move', h.id)).toHaveLength(1);

      const unlinked = (await post(staffA, path, {
        cadreId: null,
        pairing: null,
      })) as unknown as Household;
      expect(unlinked).toMatchObject({ cadreId: null, cadreName: null, pairing: null });
      const last = (await auditOf('household.move', h.id)).at(-1)!;
      expect(last.detail).toMatchObject({ fromCadre: l.w.cadreA2.cadre.name, toCadre: null });
    });
  });

  describe('the office list', () => {
    it('pages, searches by name, number and full phone, and filters', async () => {
      const village = await freshVillage();
      const cadre = await l.f.cadre(village);
      const phone = uniquePhone();
      const a = await create(staffA, form(village.id, { headName: '赵大山', houseNumber: '1号' }));
      const b = await create(
        staffA,
        form(village.id, {
          headName: '钱小河',
          houseNumber: '2号',
          phone,
          specialGroups: ['five_guarantees'],
          freeTags: [],
          cadreId: cadre.cadre.id,
          pairing: 'kin',
        }),
      );
      const c = await create(staffA, form(village.id, { headName: '孙二田', houseNumber: '33号' }));
      const base = `/api/office/households?unitId=${village.id}`;
      const page1 = await list(staffA, `${base}&pageSize=2`);
      expect(page1).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(page1.items.map((i) => i.id)).toEqual([a.id, b.id]);
      const page2 = await list(staffA, `${base}&pageSize=2&page=2`);
      expect(page2.items.map((i) => i.id)).toEqual([c.id]);
      expect(page1.items[0]!.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);

      const ids = async (query: string) =>
        (await list(staffA, `${base}&${query}`)).items.map((i) => i.id);
      expect(await ids(`q=${encodeURIComponent('小河')}`)).toEqual([b.id]);
      expect(await ids(`q=${encodeURIComponent('33')}`)).toEqual([c.id]);
      expect(
        await ids(`q=${encodeURIComponent(`${phone.slice(0, 3)} ${phone.slice(3)}`)}`),
      ).toEqual([b.id]);
      expect(await ids('group=five_guarantees')).toEqual([b.id]);
      expect(await ids('group=subsistence')).toEqual([a.id, c.id]);
      expect(await ids('linked=false')).toEqual([a.id, c.id]);
      expect(await ids('linked=true')).toEqual([b.id]);
      expect(await ids(`cadreId=${cadre.cadre.id}`)).toEqual([b.id]);
      expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);
      const bad = await get(staffA, `${base}&group=rich`, 400);
      expect(bad.details?.[0]?.field).toBe('group');
    });
  });

  describe('a cadre’s own households', () => {
    it('lists only theirs, searchable and paged, with open requests counted', async () => {
      const village = await freshVillage();
      const one = await l.f.cadre(village);
      const two = await l.f.cadre(village);
      const token = await l.as(one.user);
      const mine = [
        await l.f.household(village, {
          cadre: one.cadre,
          headName: '周春花',
          groups: ['empty_nest'],
        }),
        await l.f.household(village, { cadre: one.cadre, headName: '吴秋月', pairing: 'kin' }),
        await l.f.household(village, { cadre: one.cadre, headName: '郑冬雪' }),
      ];
      const theirs = await l.f.household(village, { cadre: two.cadre, headName: '周夏荷' });

      const all = await list(token, '/api/households/mine');
      expect(all.total).toBe(3);
      expect(all.items.map((i) => i.id)).toEqual(mine.map((h) => h.id));
      expect(all.items.every((i) => i.cadreId === one.cadre.id && i.lastVisitOn === null)).toBe(
        true,
      );
      expect(all.items.map((i) => i.openRequests)).toEqual([0, 0, 0]);
      const search = await list(token, `/api/households/mine?q=${encodeURIComponent('周')}`);
      expect(search.items.map((i) => i.id)).toEqual([mine[0]!.id]);
      expect((await list(token, '/api/households/mine?group=empty_nest')).total).toBe(1);
      const page2 = await list(token, '/api/households/mine?pageSize=2&page=2');
      expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(page2.items.map((i) => i.id)).toEqual([mine[2]!.id]);
      expect(all.items.map((i) => i.id)).not.toContain(theirs.id);

      // A request from the household counts while it is being handled.
      const r = await l.submit(await l.resident(), {}, one.card.code);
      await db.getRepository(RequestEntity).update(r.id, { householdId: mine[1]!.id });
      const counted = await list(token, '/api/households/mine');
      expect(counted.items.map((i) => i.openRequests)).toEqual([0, 1, 0]);
      await l.handle(token, r.id);
      const done = await list(token, '/api/households/mine');
      expect(done.items.map((i) => i.openRequests)).toEqual([0, 0, 0]);
    });

    it('opens their own household with the full phone; another cadre’s does not exist', async () => {
      const phone = uniquePhone();
      const own = await l.f.household(l.w.villageA, { cadre: l.w.cadreA.cadre, phone });
      const other = await l.f.household(l.w.villageA, { cadre: l.w.cadreA2.cadre });
      const unlinked = await l.f.household(l.w.villageA);
      const views = () =>
        db.getRepository(AuditLogEntity).count({
          where: { action: 'household.view', targetId: In([own.id, other.id]) },
        });
      const detail = (await get(cadreA, `/api/households/${own.id}`)) as unknown as HouseholdDetail;
      expect(detail.phone).toBe(phone);
      expect(detail.household).toMatchObject({ id: own.id, cadreId: l.w.cadreA.cadre.id });
      for (const id of [other.id, unlinked.id, 999999]) {
        expect(await get(cadreA, `/api/households/${id}`, 404)).toEqual(refusal('NOT_FOUND'));
      }
      expect(await views()).toBe(0);
      // Staff reading the full phone is on the log.
      const staffView = (await get(
        staffA,
        `/api/office/households/${own.id}`,
      )) as unknown as HouseholdDetail;
      expect(staffView.phone).toBe(phone);
      expect(await views()).toBe(1);
      const [row] = await auditOf('household.view', own.id);
      expect(row!.unitPath).toBe(l.w.villageA.path);
      expect(JSON.stringify(row!.detail)).not.toContain(phone.slice(7));
    });
  });
});
