import type { CardView } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { CardEntity } from '../src/modules/card/card.entity';
import { Loop } from './loop';
import { jsonClient } from './json-client';
import { type TestApp, startTestApp, testDialects } from './test-app';

/**
 * The card page is read in one query with nothing kept between scans (issue 11): every change
 * to the card, its cadre, the cadre's unit or the township's hotlines shows on the very next
 * scan. With a cache, this is the test that would catch a stale page.
 */
describe.each(testDialects())('the card page on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let staffA: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    staffA = await l.as(l.w.staffA);
  });
  afterAll(() => t.close());

  const { post, get } = jsonClient(() => t);
  const scan = async (code: string, status = 200) =>
    (await get(null, `/api/cards/${code}`, status)) as unknown as CardView;

  it('shows each change to the cadre, the unit, the hotlines and the card at the next scan', async () => {
    const village = await l.f.unit('village', l.w.townA, '上坪村');
    const grid = await l.f.unit('grid', village, '第三网格');
    const { cadre, card } = await l.f.cadre(grid, '林秀英');
    const first = await scan(card.code);
    expect(first).toEqual({
      code: card.code,
      cadre: {
        id: cadre.id,
        name: '林秀英',
        post: '网格员',
        phone: expect.stringMatching(/^1\d{10}$/),
        duties: '走访联系群众，收集办理诉求',
        dutyDays: '每周一',
        photoUrl: null,
        unitName: '第三网格',
      },
      villageName: '上坪村',
      townshipName: l.w.townA.name,
      hotlines: [{ name: '便民服务中心', phone: '0571-88000001' }],
      handedOverFrom: null,
      replacedBy: null,
      helpCard: false,
    });

    await post(staffA, `/api/office/cadres/${cadre.id}`, {
      unitId: village.id,
      name: '林秀英',
      post: '包村干部',
      phone: '13800000077',
      duties: '联系群众，办理诉求',
      dutyDays: '每周二',
    });
    expect(await scan(card.code)).toMatchObject({
      cadre: { post: '包村干部', phone: '13800000077', dutyDays: '每周二', unitName: '上坪村' },
      villageName: '上坪村',
    });

    await post(staffA, `/api/office/units/${village.id}`, { name: '上坪社区' });
    await post(staffA, `/api/office/units/${l.w.townA.id}`, {
      name: l.w.townA.name,
      hotlines: [{ name: '供电服务', phone: '0571-95598' }],
    });
    expect(await scan(card.code)).toMatchObject({
      cadre: { unitName: '上坪社区' },
      villageName: '上坪社区',
      hotlines: [{ name: '供电服务', phone: '0571-95598' }],
    });

    const successor = await l.f.cadre(village, '赵接任');
    await post(staffA, `/api/office/cadres/${cadre.id}/transfer`, {
      successorCadreId: successor.cadre.id,
      note: '工作调动',
    });
    expect(await scan(card.code)).toMatchObject({
      code: card.code,
      cadre: { id: successor.cadre.id, name: '赵接任' },
      handedOverFrom: '林秀英',
    });

    await post(staffA, `/api/office/cards/${card.id}/revoke`, { reason: '遗失' });
    expect((await get(null, `/api/cards/${card.code}`, 410)).code).toBe('CARD_REVOKED');
  });

  it('counts each scan', async () => {
    const { card } = await l.f.cadre(l.w.villageA);
    await scan(card.code);
    await scan(card.code);
    const db = t.app.get(DataSource);
    const [row] = (await db.query('SELECT SUM(scans) AS n FROM card_scan_day WHERE card_id = ?', [
      card.id,
    ])) as { n: number | string }[];
    expect(Number(row?.n)).toBe(2);
    expect(await db.getRepository(CardEntity).count({ where: { id: card.id } })).toBe(1);
  });
});
