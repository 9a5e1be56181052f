import type { Household, Page } from '@mqlk/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { CadreEntity } from '../src/modules/cadre/cadre.entity';
import { HouseholdTagEntity } from '../src/modules/household/household-tag.entity';
import { HouseholdEntity } from '../src/modules/household/household.entity';
import type { OrgUnitEntity } from '../src/modules/org/org-unit.entity';
import { bearer, uniquePhone } from './factories';
import { Loop, refusal } from './loop';
import { jsonClient } from './json-client';
import { type TestApp, startTestApp, testDialects } from './test-app';

const TEMPLATE = '/api/office/households/import-template';
const IMPORT = '/api/office/households/import';

type Cell = string | number;

describe.each(testDialects())('the household import (联户导入) on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let db: DataSource;
  let cipher: PhoneCipher;
  let admin: string;
  let staffA: string;
  let staffB: string;
  let cadreA: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    cipher = t.app.get(PhoneCipher);
    admin = await l.as(await l.f.account('admin', l.w.county, '县管理员'));
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
    cadreA = await l.as(l.w.cadreA.user);
  });
  afterAll(() => t.close());

  const { get } = jsonClient(() => t);

  /** The template as the office downloads it. */
  const template = async (token: string) => {
    const res = await t
      .http()
      .get(TEMPLATE)
      .set(bearer(token))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return res;
  };

  /** The downloaded template with `rows` typed into 联户名单, as a person fills it in. */
  const filled = async (rows: Cell[][]) => {
    const res = await template(staffA);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.getWorksheet('联户名单')!;
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  const upload = (token: string, file: Buffer) =>
    t.http().post(IMPORT).set(bearer(token)).attach('file', file, '联户名单.xlsx');

  const imported = async (token: string, file: Buffer) => {
    const res = await upload(token, file);
    if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { created: number; updated: number; unchanged: number };
  };

  const householdsOf = async (unit: OrgUnitEntity) =>
    (
      (await get(
        staffA,
        `/api/office/households?unitId=${unit.id}&pageSize=50`,
      )) as unknown as Page<Household>
    ).items;

  const auditCount = () => db.getRepository(AuditLogEntity).count();
  const importAudit = () =>
    db
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'household.import' }, order: { id: 'ASC' } });

  /** A village of town A of its own, so one test does not see another's households. */
  const freshVillage = () => l.f.unit('village', l.w.townA);

  const row = (
    village: OrgUnitEntity,
    houseNumber: string,
    over: Record<number, Cell> = {},
  ): Cell[] => {
    const cells: Cell[] = [
      village.name,
      '三组',
      houseNumber,
      '李桂兰',
      uniquePhone(),
      3,
      '低保',
      '独居',
      l.w.cadreA.user.username!,
      '结亲',
    ];
    for (const [i, value] of Object.entries(over)) cells[Number(i)] = value;
    return cells;
  };

  it('downloads the template, and a filled-in template imports every household', async () => {
    const res = await template(staffA);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('household-template.xlsx');

    const village = await freshVillage();
    const phone = uniquePhone();
    const before = await auditCount();
    const file = await filled([
      row(village, '1号', { 4: phone, 6: '低保、空巢老人', 7: '独居，行动不便' }),
      row(village, '2号', { 1: '', 4: '', 5: 1, 6: '', 7: '', 8: '', 9: '' }),
      row(village, '3号', { 8: l.w.cadreA2.user.username!, 9: '结友' }),
    ]);
    expect(await imported(staffA, file)).toEqual({ created: 3, updated: 0, unchanged: 0 });

    const list = await householdsOf(village);
    expect(list.map((h) => [h.address, h.cadreId, h.pairing])).toEqual([
      [`${village.name}三组1号`, l.w.cadreA.cadre.id, 'kin'],
      [`${village.name}2号`, null, null],
      [`${village.name}三组3号`, l.w.cadreA2.cadre.id, 'befriend'],
    ]);
    const first = list[0]!;
    expect([...first.specialGroups].sort()).toEqual(['empty_nest', 'subsistence']);
    expect(first.freeTags).toEqual(['独居', '行动不便']);
    expect(first.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    const stored = await db.getRepository(HouseholdEntity).findOneByOrFail({ id: first.id });
    expect(stored.phoneEnc).not.toContain(phone.slice(7));
    expect(cipher.decrypt(stored.phoneEnc!)).toBe(phone);
    expect(stored.linkedAt).not.toBeNull();
    expect(list[1]).toMatchObject({ phoneMasked: null, memberCount: 1, specialGroups: [] });

    // One audit row for the whole import, with its counts; nothing else.
    expect(await auditCount()).toBe(before + 1);
    const [audit] = (await importAudit()).slice(-1);
    expect(audit).toMatchObject({
      actorUserId: l.w.staffA.id,
      targetType: 'org_unit',
      targetId: l.w.townA.id,
      unitPath: l.w.townA.path,
      detail: { rows: 3, created: 3, updated: 0, unchanged: 0 },
    });
  });

  it('writes nothing when one row is wrong, and names every problem', async () => {
    const village = await freshVillage();
    const before = await auditCount();
    const res = await upload(
      staffA,
      await filled([
        row(village, '1号'),
        row(village, '2号', { 4: '1380013800', 9: '' }),
        row(village, '3号', { 8: 'nobody_here' }),
        row(village, '１号'),
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      ...refusal('IMPORT_INVALID'),
      details: [
        {
          field: 'rows.2.houseNumber',
          message: '第2行「门牌号」：和第5行是同一户（村、村民小组、门牌号都相同），每户只填一行',
        },
        { field: 'rows.3.phone', message: '第3行「联系电话」：手机号格式不对，请输入11位手机号' },
        {
          field: 'rows.3.pairing',
          message: '第3行「结对方式」：填了结对干部，还要填结对方式：结交、结友或结亲',
        },
        {
          field: 'rows.4.cadreUsername',
          message: '第4行「结对干部」：没有登录账号是“nobody_here”的干部，请核对',
        },
        {
          field: 'rows.5.houseNumber',
          message: '第5行「门牌号」：和第2行是同一户（村、村民小组、门牌号都相同），每户只填一行',
        },
      ],
    });
    // The rows are right but the cadre does not exist: still nothing written.
    const unknown = await upload(
      staffA,
      await filled([row(village, '1号'), row(village, '3号', { 8: 'nobody_here' })]),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([
      {
        field: 'rows.3.cadreUsername',
        message: '第3行「结对干部」：没有登录账号是“nobody_here”的干部，请核对',
      },
    ]);
    expect(await householdsOf(village)).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('imports the same file again without changing anything', async () => {
    const village = await freshVillage();
    const file = await filled([row(village, '1号'), row(village, '2号'), row(village, '3号')]);
    expect(await imported(staffA, file)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const households = () =>
      db.getRepository(HouseholdEntity).find({ where: { orgUnitId: village.id } });
    const tags = async () =>
      db.getRepository(HouseholdTagEntity).count({
        where: (await households()).map((h) => ({ householdId: h.id })),
      });
    const rowsBefore = await households();
    const tagsBefore = await tags();
    const auditBefore = await auditCount();

    expect(await imported(staffA, file)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await households()).toEqual(rowsBefore);
    expect(await tags()).toBe(tagsBefore);
    expect(await auditCount()).toBe(auditBefore + 1);
    expect((await importAudit()).at(-1)!.detail).toMatchObject({
      rows: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it('updates a household by its address, however the address is typed', async () => {
    const village = await freshVillage();
    const phone = uniquePhone();
    const original = [row(village, '12号', { 4: phone }), row(village, '13号', { 4: phone })];
    expect(await imported(staffA, await filled(original))).toMatchObject({ created: 2 });
    const [twelve, thirteen] = await householdsOf(village);
    const linkedAt = (await db.getRepository(HouseholdEntity).findOneByOrFail({ id: twelve!.id }))
      .linkedAt;

    const newPhone = uniquePhone();
    const result = await imported(
      staffA,
      await filled([
        // Same address: group and number typed with spaces and full-width digits.
        row(village, '１２号', { 1: ' 三组 ', 3: '王秀英', 4: newPhone, 6: '低保、五保' }),
        // The link moved to another cadre of the township; then one unlinked.
        row(village, '13号', { 4: phone, 8: l.w.cadreA2.user.username!, 9: '结友' }),
        row(village, '14号', { 8: '', 9: '' }),
      ]),
    );
    expect(result).toEqual({ created: 1, updated: 2, unchanged: 0 });
    const after = await householdsOf(village);
    expect(after.map((h) => h.id).slice(0, 2)).toEqual([twelve!.id, thirteen!.id]);
    expect(after[0]).toMatchObject({
      headName: '王秀英',
      phoneMasked: `${newPhone.slice(0, 3)}****${newPhone.slice(7)}`,
      cadreId: l.w.cadreA.cadre.id,
      pairing: 'kin',
    });
    expect([...after[0]!.specialGroups].sort()).toEqual(['five_guarantees', 'subsistence']);
    // The link to the same cadre keeps its date.
    expect(
      (await db.getRepository(HouseholdEntity).findOneByOrFail({ id: twelve!.id })).linkedAt,
    ).toEqual(linkedAt);
    expect(after[1]).toMatchObject({ cadreId: l.w.cadreA2.cadre.id, pairing: 'befriend' });
    expect(after[2]).toMatchObject({ houseNumber: '14号', cadreId: null });

    // An empty 结对干部 on a known address unlinks it.
    const unlinked = await imported(
      staffA,
      await filled([row(village, '13号', { 4: phone, 8: '', 9: '' })]),
    );
    expect(unlinked).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await householdsOf(village))[1]).toMatchObject({ cadreId: null, pairing: null });
  });

  it('keeps staff to their scope: units and cadres of another township are refused', async () => {
    const village = await freshVillage();
    const before = await auditCount();
    // Town B's staff cannot even name town A's village.
    const outside = await upload(staffB, await filled([row(village, '1号', { 8: '', 9: '' })]));
    expect(outside.status).toBe(400);
    expect(outside.body.details).toEqual([
      {
        field: 'rows.2.unitId',
        message: `第2行「所在村（社区）或网格」：没有找到单位“${village.name}”（或已撤销），请核对名称`,
      },
    ]);
    // Town A's staff cannot pair town B's cadre.
    const cadreB = l.w.cadreB;
    const theirs = await upload(
      staffA,
      await filled([row(village, '1号', { 8: cadreB.user.username! })]),
    );
    expect(theirs.status).toBe(400);
    expect(theirs.body.details).toEqual([
      {
        field: 'rows.2.cadreUsername',
        message: `第2行「结对干部」：${cadreB.cadre.name}（${cadreB.user.username!}）不在您的管辖范围内，不能结对`,
      },
    ]);
    // The county admin sees both townships, but a link stays within one, and with a cadre in post.
    const gone = await l.f.cadre(village);
    await db.getRepository(CadreEntity).update(gone.cadre.id, { active: false });
    const county = await upload(
      admin,
      await filled([
        row(village, '1号', { 8: cadreB.user.username! }),
        row(village, '2号', { 8: gone.user.username! }),
        row(l.w.townA, '3号', { 8: '', 9: '' }),
      ]),
    );
    expect(county.status).toBe(400);
    expect(county.body.details).toEqual([
      {
        field: 'rows.2.cadreUsername',
        message: `第2行「结对干部」：${cadreB.cadre.name}（${cadreB.user.username!}）不能结对：结对的干部须是本乡镇（街道）在岗的干部`,
      },
      {
        field: 'rows.3.cadreUsername',
        message: `第3行「结对干部」：${gone.cadre.name}（${gone.user.username!}）不能结对：结对的干部须是本乡镇（街道）在岗的干部`,
      },
      {
        field: 'rows.4.unitId',
        message: `第4行「所在村（社区）或网格」：“${l.w.townA.name}”不是村（社区）或网格：联户要登记在村（社区）或网格下`,
      },
    ]);
    expect(await householdsOf(village)).toEqual([]);
    expect(await auditCount()).toBe(before);
    // The admin's own import within one township goes through.
    expect(await imported(admin, await filled([row(village, '1号')]))).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
  });

  it('is for staff and admins only, and takes only an .xlsx file', async () => {
    const resident = await l.resident();
    const file = await filled([row(l.w.villageA, '1号')]);
    const before = await auditCount();
    for (const token of [cadreA, resident]) {
      expect((await template(token)).status).toBe(403);
      const res = await upload(token, file);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(refusal('FORBIDDEN'));
    }
    expect((await t.http().get(TEMPLATE)).status).toBe(401);
    expect((await t.http().post(IMPORT).attach('file', file, 'a.xlsx')).body).toEqual(
      refusal('UNAUTHENTICATED'),
    );

    const none = await t.http().post(IMPORT).set(bearer(staffA)).send({});
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual([{ field: 'file', message: '请选择要导入的 Excel 文件' }]);
    const notExcel = await upload(staffA, Buffer.from('所在村,门牌号\n东岭村,1号\n'));
    expect(notExcel.status).toBe(400);
    expect(notExcel.body).toMatchObject({
      code: 'IMPORT_INVALID',
      details: [{ field: 'file', message: '文件不是有效的 Excel（.xlsx）文件' }],
    });
    const tooBig = await upload(staffA, Buffer.alloc(5 * 1024 * 1024 + 1));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details).toEqual([{ field: 'file', message: '文件太大了，不能超过5MB' }]);
    expect(await auditCount()).toBe(before);
  });
});
