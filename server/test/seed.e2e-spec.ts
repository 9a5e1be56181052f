import { checkCardCode, childPath } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../src/common/crypto/password';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import { DEMO_CADRES, DEMO_STAFF } from '../src/database/seed/demo-data';
import {
  DEMO_CARD_CODES,
  DEMO_PASSWORD,
  DEMO_REVOKED_CARD_CODE,
  type DemoSummary,
  formatDemoSummary,
  seedDemo,
} from '../src/database/seed/demo-seed';
import { CadreEntity } from '../src/modules/cadre/cadre.entity';
import { CardEntity } from '../src/modules/card/card.entity';
import { OrgUnitEntity } from '../src/modules/org/org-unit.entity';
import { UserAccountEntity } from '../src/modules/user/user-account.entity';
import { type TestApp, startTestApp, testDialects } from './test-app';

const BASE = 'https://mq.example.test';

describe.each(testDialects())('the demo seed on %s', (dialect) => {
  let t: TestApp;
  let db: DataSource;
  let cipher: PhoneCipher;
  let first: DemoSummary;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    db = t.app.get(DataSource);
    cipher = new PhoneCipher(t.config);
    first = await seedDemo(db, cipher, { publicBaseUrl: BASE });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the county, 2 townships, 4 villages and 8 grids with consistent paths', async () => {
    expect(first.created).toBe(true);
    const units = await db.getRepository(OrgUnitEntity).find({ order: { id: 'ASC' } });
    const byId = new Map(units.map((u) => [u.id, u]));
    const count = (kind: string) => units.filter((u) => u.kind === kind).length;
    expect([count('county'), count('township'), count('village'), count('grid')]).toEqual([
      1, 2, 4, 8,
    ]);
    const parentKind = { county: null, township: 'county', village: 'township', grid: 'village' };
    for (const unit of units) {
      const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
      expect(parent?.kind ?? null).toBe(parentKind[unit.kind]);
      expect(unit.path).toBe(childPath(parent?.path ?? '/', unit.id));
    }
    const names = (kind: string) => units.filter((u) => u.kind === kind).map((u) => u.name);
    expect(names('county')).toEqual(['青山县']);
    expect(names('township')).toEqual(['石桥镇', '柳河乡']);
    expect(names('village')).toEqual(['东岭村', '西坪村', '柳湾村', '河口社区']);
    const shiqiao = units.find((u) => u.name === '石桥镇');
    expect(shiqiao?.hotlines).toContainEqual({ name: '镇卫生院', phone: '0571-88001004' });
    expect(shiqiao?.hotlines.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every cadre an account in their unit, an encrypted phone and one active card', async () => {
    const cadres = await db.getRepository(CadreEntity).find({ order: { id: 'ASC' } });
    expect(cadres).toHaveLength(DEMO_CADRES.length);
    const units = new Map((await db.getRepository(OrgUnitEntity).find()).map((u) => [u.id, u]));
    for (const [i, cadre] of cadres.entries()) {
      const demo = DEMO_CADRES[i];
      const user = await db.getRepository(UserAccountEntity).findOneByOrFail({ id: cadre.userId });
      expect(user).toMatchObject({
        role: 'cadre',
        username: demo?.username,
        displayName: cadre.name,
        orgUnitId: cadre.orgUnitId,
      });
      expect(units.get(cadre.orgUnitId)?.name).toBe(demo?.unit);
      expect(cadre.phoneEnc).not.toContain(demo?.phone);
      expect(cipher.decrypt(cadre.phoneEnc)).toBe(demo?.phone);
      expect(cadre.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
      expect(cadre.dutyDays).toMatch(/^每周/);
      const cards = await db.getRepository(CardEntity).findBy({ cadreId: cadre.id });
      expect(cards.filter((c) => c.status === 'active').map((c) => c.code)).toEqual([
        DEMO_CARD_CODES[demo?.username ?? ''],
      ]);
    }
    const villageCadres = cadres.filter((c) => units.get(c.orgUnitId)?.kind === 'village');
    expect(villageCadres).toHaveLength(8);
  });

  it('uses the fixed, valid card codes, plus one revoked card of cadre01', async () => {
    const cards = await db.getRepository(CardEntity).find({ order: { id: 'ASC' } });
    expect(cards).toHaveLength(DEMO_CADRES.length + 1);
    for (const card of cards)
      expect(checkCardCode(card.code)).toEqual({ ok: true, code: card.code });
    const revoked = cards.filter((c) => c.status === 'revoked');
    expect(revoked.map((c) => c.code)).toEqual([DEMO_REVOKED_CARD_CODE]);
    expect(revoked[0]?.revokedAt).toBeInstanceOf(Date);
    const cadre01 = await db
      .getRepository(UserAccountEntity)
      .findOneByOrFail({ username: 'cadre01' });
    const owner = await db.getRepository(CadreEntity).findOneByOrFail({ id: revoked[0]?.cadreId });
    expect(owner.userId).toBe(cadre01.id);
  });

  it('creates staff scoped to their township or the county, all with the demo password', async () => {
    const users = await db.getRepository(UserAccountEntity).find({ order: { id: 'ASC' } });
    expect(users).toHaveLength(DEMO_CADRES.length + DEMO_STAFF.length);
    const units = new Map((await db.getRepository(OrgUnitEntity).find()).map((u) => [u.id, u]));
    const staff = users.filter((u) => u.role === 'staff');
    expect(staff.map((u) => [u.username, units.get(u.orgUnitId ?? 0)?.name])).toEqual([
      ['shiqiao', '石桥镇'],
      ['liuhe', '柳河乡'],
      ['qingshan', '青山县'],
    ]);
    const verified = await Promise.all(
      users.map((u) => verifyPassword(DEMO_PASSWORD, u.passwordHash ?? '')),
    );
    expect(verified.every(Boolean)).toBe(true);
    expect(await verifyPassword('demo@2026', users[0]?.passwordHash ?? '')).toBe(false);
  });

  it('reports the card URLs and sign-ins', () => {
    expect(first.cards).toHaveLength(DEMO_CADRES.length + 1);
    expect(first.cards[0]).toEqual({
      code: DEMO_CARD_CODES.cadre01,
      url: `${BASE}/c/${DEMO_CARD_CODES.cadre01}`,
      status: 'active',
      cadreName: '张建国',
      post: '村党支部书记、村委会主任',
      unit: '东岭村',
      township: '石桥镇',
    });
    expect(first.cards.at(-1)).toMatchObject({ code: DEMO_REVOKED_CARD_CODE, status: 'revoked' });
    expect(first.signIns.map((s) => s.username)).toEqual([
      ...DEMO_CADRES.map((c) => c.username),
      'shiqiao',
      'liuhe',
      'qingshan',
      'admin',
    ]);
    expect(first.signIns.at(-1)).toMatchObject({ role: 'admin', unit: '青山县' });
    const text = formatDemoSummary(first);
    expect(text).toContain(`${BASE}/c/${DEMO_CARD_CODES.cadre01}`);
    expect(text).toContain(DEMO_PASSWORD);
    expect(text).toContain('qingshan');
    expect(text).toContain('管理员 admin');
  });

  it('changes nothing when run again, and still reports what is there', async () => {
    const counts = async () =>
      Promise.all(
        [OrgUnitEntity, UserAccountEntity, CadreEntity, CardEntity].map((e) =>
          db.getRepository(e).count(),
        ),
      );
    const before = await counts();
    const again = await seedDemo(db, cipher, { publicBaseUrl: BASE });
    expect(again).toEqual({ ...first, created: false });
    expect(await counts()).toEqual(before);
  });
});
