import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../src/modules/audit/audit.repository';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { RatingEntity } from '../src/modules/rating/rating.entity';
import { bearer, uniquePhone } from './factories';
import { idemKey, Loop, SUBMISSION } from './loop';
import { jsonClient } from './json-client';
import { type TestApp, startTestApp, testDialects } from './test-app';

describe.each(testDialects())('the township office on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let admin: string;
  let staffA: string;
  let staffB: string;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    const adminAccount = await l.f.account('admin', l.w.county, '县管理员');
    admin = await l.as(adminAccount);
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
  });
  afterAll(() => t.close());

  const { post, get } = jsonClient(() => t);

  const auditRows = (action: string) =>
    db.getRepository(AuditLogEntity).find({ where: { action }, order: { id: 'ASC' } });

  const newCadre = async (token: string, unitId: number, extra: object = {}) =>
    (await post(
      token,
      '/api/office/cadres',
      {
        unitId,
        name: '王建华',
        post: '网格员',
        phone: uniquePhone(),
        duties: '走访联系群众，收集办理诉求',
        dutyDays: '每周一、周四',
        username: `cadre_${Math.random().toString(36).slice(2, 10)}`,
        ...extra,
      },
      201,
    )) as { cadre: { id: number; userId: number; username: string }; initialPassword: string };

  describe('the org tree', () => {
    it('adds, renames and retires units inside the scope only, each on the audit log', async () => {
      const town = await post(
        admin,
        '/api/office/units',
        { parentId: l.w.county.id, name: '新河镇' },
        201,
      );
      expect(town).toMatchObject({ kind: 'township', name: '新河镇', parentId: l.w.county.id });
      const village = await post(
        admin,
        '/api/office/units',
        { parentId: town.id as number, name: '前进村' },
        201,
      );
      const grid = await post(
        admin,
        '/api/office/units',
        { parentId: village.id as number, name: '第一网格' },
        201,
      );
      expect(grid.path).toBe(`${village.path as string}${grid.id as number}/`);
      expect(
        await post(
          admin,
          '/api/office/units',
          { parentId: grid.id as number, name: '再下一级' },
          409,
        ),
      ).toMatchObject({
        code: 'UNIT_KIND_LAST',
      });
      // A township's staff cannot touch another township.
      expect(
        await post(staffA, '/api/office/units', { parentId: l.w.townB.id, name: '越界村' }, 403),
      ).toMatchObject({
        code: 'OUT_OF_SCOPE',
      });
      expect(
        await post(staffA, `/api/office/units/${l.w.villageB.id}`, { name: '改名' }, 403),
      ).toMatchObject({
        code: 'OUT_OF_SCOPE',
      });
      const own = await post(
        staffA,
        '/api/office/units',
        { parentId: l.w.townA.id, name: '新建村' },
        201,
      );
      await post(staffA, `/api/office/units/${own.id as number}`, { name: '新建社区' });
      // Hotlines belong to townships; a village refuses them with a field message.
      const hot = await post(staffA, `/api/office/units/${l.w.townA.id}`, {
        name: l.w.townA.name,
        hotlines: [{ name: '便民服务中心', phone: '0571-88000002' }],
      });
      expect(hot.hotlines).toEqual([{ name: '便民服务中心', phone: '0571-88000002' }]);
      const bad = await post(
        staffA,
        `/api/office/units/${own.id as number}`,
        {
          name: '新建社区',
          hotlines: [{ name: '热线', phone: '12345' }],
        },
        400,
      );
      expect(bad.details?.[0]?.field).toBe('hotlines');
      // Their own township is not theirs to retire; a village with cadres in post cannot be.
      expect((await post(staffA, `/api/office/units/${l.w.townA.id}/retire`, {}, 403)).code).toBe(
        'FORBIDDEN',
      );
      expect(
        (await post(staffA, `/api/office/units/${l.w.villageA.id}/retire`, {}, 409)).code,
      ).toBe('UNIT_IN_USE');
      const retired = await post(staffA, `/api/office/units/${own.id as number}/retire`, {});
      expect(retired.retiredAt).toEqual(expect.any(String));
      expect(
        (await post(staffA, '/api/office/units', { parentId: own.id as number, name: '网格' }, 409))
          .code,
      ).toBe('UNIT_RETIRED');
      const tree = await get(staffA, '/api/office/units');
      const names = (tree.units as { name: string }[]).map((u) => u.name);
      expect(names).toContain('新建社区');
      expect(names).not.toContain('新河镇');
      expect((await auditRows('unit.create')).length).toBeGreaterThanOrEqual(4);
      expect(await auditRows('unit.retire')).toHaveLength(1);
      // Cadres cannot open the office at all.
      await get(await l.as(l.w.cadreA.user), '/api/office/units', 403);
    });
  });

  describe('cadres and their accounts', () => {
    it('creates a cadre whose initial password must be changed, and ends sessions on a reset', async () => {
      const created = await newCadre(staffA, l.w.villageA.id, { name: '赵新民' });
      expect(created.initialPassword).toMatch(/^[A-Za-z0-9]{10}$/);
      const again = await post(
        staffA,
        '/api/office/cadres',
        {
          unitId: l.w.villageA.id,
          name: '重名',
          post: '网格员',
          phone: uniquePhone(),
          duties: '走访联系群众',
          dutyDays: '每周一',
          username: created.cadre.username,
        },
        409,
      );
      expect(again.code).toBe('USERNAME_TAKEN');
      const invalid = await post(
        staffA,
        '/api/office/cadres',
        {
          unitId: l.w.villageA.id,
          name: '',
          post: '网格员',
          phone: '123',
          duties: '走访',
          dutyDays: '每周一',
          username: 'ab',
        },
        400,
      );
      expect(invalid.details?.map((d) => d.field).sort()).toEqual(['name', 'phone', 'username']);
      expect(
        (
          await post(
            staffB,
            '/api/office/cadres',
            {
              unitId: l.w.villageA.id,
              name: '越界',
              post: '网格员',
              phone: uniquePhone(),
              duties: '走访联系群众',
              dutyDays: '每周一',
              username: 'outofscope1',
            },
            403,
          )
        ).code,
      ).toBe('OUT_OF_SCOPE');
      await get(staffB, `/api/office/cadres/${created.cadre.id}`, 403);

      // First sign-in: nothing but the password change works.
      const signIn = await post(null, '/api/auth/staff/sign-in', {
        username: created.cadre.username,
        password: created.initialPassword,
      });
      const first = signIn.token as string;
      expect((signIn.user as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
      expect((await get(first, '/api/inbox', 403)).code).toBe('PASSWORD_CHANGE_REQUIRED');
      const wrong = await post(
        first,
        '/api/auth/password',
        { oldPassword: 'nope', newPassword: 'Better2026x' },
        400,
      );
      expect(wrong.details?.[0]?.field).toBe('oldPassword');
      const changed = await post(first, '/api/auth/password', {
        oldPassword: created.initialPassword,
        newPassword: 'Better2026x',
      });
      const second = changed.token as string;
      await get(second, '/api/inbox');
      expect((await get(first, '/api/inbox', 401)).code).toBe('SESSION_EXPIRED');

      // Staff may reset a cadre's password: the cadre's sessions end, a new initial one is given.
      const accounts = await get(staffA, `/api/office/accounts?q=${created.cadre.username}`);
      const account = (accounts.items as { id: number }[])[0]!;
      const reset = await post(staffA, `/api/office/accounts/${account.id}/reset-password`, {});
      expect((reset.account as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
      expect((await get(second, '/api/inbox', 401)).code).toBe('SESSION_EXPIRED');
      // …but not a staff account's, nor anything outside the township.
      const staffRow = (await get(admin, `/api/office/accounts?q=${l.w.staffB.username!}`))
        .items as { id: number }[];
      expect(
        (await post(staffA, `/api/office/accounts/${staffRow[0]!.id}/reset-password`, {}, 403))
          .code,
      ).toBe('OUT_OF_SCOPE');
      expect(await auditRows('account.reset_password')).toHaveLength(1);
      expect((await auditRows('auth.password_changed')).length).toBe(1);
    });

    it('lets a county admin create staff accounts and stop them; staff cannot', async () => {
      const made = await post(
        admin,
        '/api/office/accounts',
        {
          username: 'town_a_clerk',
          displayName: '石桥镇文书',
          role: 'staff',
          unitId: l.w.townA.id,
        },
        201,
      );
      expect(made.initialPassword).toEqual(expect.any(String));
      await post(
        staffA,
        '/api/office/accounts',
        {
          username: 'town_a_clerk2',
          displayName: '文书',
          role: 'staff',
          unitId: l.w.townA.id,
        },
        403,
      );
      const id = (made.account as { id: number }).id;
      const token = (
        await post(null, '/api/auth/staff/sign-in', {
          username: 'town_a_clerk',
          password: made.initialPassword,
        })
      ).token as string;
      const off = await post(admin, `/api/office/accounts/${id}/active`, { active: false });
      expect(off.active).toBe(false);
      expect((await get(token, '/api/auth/me', 403)).code).toBe('ACCOUNT_DISABLED');
      const refused = await post(
        null,
        '/api/auth/staff/sign-in',
        {
          username: 'town_a_clerk',
          password: made.initialPassword,
        },
        403,
      );
      expect(refused.code).toBe('ACCOUNT_DISABLED');
      await post(admin, `/api/office/accounts/${id}/active`, { active: true });
      expect(await auditRows('account.disable')).toHaveLength(1);
      expect(await auditRows('account.enable')).toHaveLength(1);
    });

    it('lists, searches and edits cadres in scope', async () => {
      const { cadre } = await newCadre(staffA, l.w.villageA.id, {
        name: '钱多多',
        post: '包村干部',
      });
      const found = await get(staffA, `/api/office/cadres?q=${encodeURIComponent('钱多')}`);
      expect((found.items as { id: number }[]).map((c) => c.id)).toEqual([cadre.id]);
      const none = await get(staffB, `/api/office/cadres?q=${encodeURIComponent('钱多')}`);
      expect(none.total).toBe(0);
      const edited = await post(staffA, `/api/office/cadres/${cadre.id}`, {
        unitId: l.w.villageA.id,
        name: '钱多多',
        post: '驻村第一书记',
        phone: '13800000001',
        duties: '联系群众，办理诉求',
        dutyDays: '每周二',
      });
      expect(edited).toMatchObject({
        post: '驻村第一书记',
        phoneMasked: '138****0001',
        dutyDays: '每周二',
      });
      const detail = await get(staffA, `/api/office/cadres/${cadre.id}`);
      expect(detail.phone).toBe('13800000001');
      const updates = await auditRows('cadre.update');
      expect(updates.at(-1)?.detail).toMatchObject({ fields: 'post,phone,duties,dutyDays' });
    });

    it('sets, replaces and removes a cadre’s photo: checked by content, shown on the card, in scope only', async () => {
      const { cadre } = await newCadre(staffA, l.w.villageA.id, { name: '孙照片' });
      const photoOf = (token: string, id: number, file: Buffer, name = 'me.jpg') =>
        t
          .http()
          .post(`/api/office/cadres/${id}/photo`)
          .set(bearer(token))
          .attach('file', file, name);
      const jpeg = await sharp({
        create: { width: 300, height: 400, channels: 3, background: '#a52' },
      })
        .withExifMerge({ IFD0: { Artist: '王某某' } })
        .jpeg()
        .toBuffer();

      const notAPhoto = await photoOf(staffA, cadre.id, Buffer.from('%PDF-1.4 not a photo'));
      expect(notAPhoto.status).toBe(415);
      expect(notAPhoto.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const outOfScope = await photoOf(staffB, cadre.id, jpeg);
      expect(outOfScope.status).toBe(403);
      expect(outOfScope.body.code).toBe('OUT_OF_SCOPE');
      const noFile = await t
        .http()
        .post(`/api/office/cadres/${cadre.id}/photo`)
        .set(bearer(staffA))
        .send({});
      expect(noFile.status).toBe(400);
      expect(noFile.body.details[0].message).toBe('请选择要上传的照片');

      const first = await photoOf(staffA, cadre.id, jpeg);
      expect(first.status).toBe(200);
      const firstUrl = first.body.photoUrl as string;
      expect(firstUrl).toMatch(/^\/api\/cadre-photos\/[0-9a-f-]{36}\.jpg$/);
      const card = await post(staffA, `/api/office/cadres/${cadre.id}/cards`, {}, 201);
      const view = await get(null, `/api/cards/${card.code as string}`);
      expect((view.cadre as { photoUrl: string }).photoUrl).toBe(firstUrl);
      const served = await t.http().get(firstUrl).buffer(true);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(served.body as Buffer).metadata();
      expect([meta.width, meta.height, meta.exif]).toEqual([300, 400, undefined]);

      const second = await photoOf(staffA, cadre.id, jpeg);
      const secondUrl = second.body.photoUrl as string;
      expect(secondUrl).not.toBe(firstUrl);
      expect((await t.http().get(firstUrl)).status).toBe(404);
      expect((await t.http().get(secondUrl)).status).toBe(200);
      expect((await t.http().get('/api/cadre-photos/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);

      const removed = await post(staffA, `/api/office/cadres/${cadre.id}/photo/remove`, {});
      expect(removed.photoUrl).toBeNull();
      expect((await t.http().get(secondUrl)).status).toBe(404);
      const again = await get(null, `/api/cards/${card.code as string}`);
      expect((again.cadre as { photoUrl: string | null }).photoUrl).toBeNull();

      const rows = (await auditRows('cadre.photo')).filter((r) => r.targetId === cadre.id);
      expect(rows.map((r) => r.detail)).toEqual([
        { photo: '上传' },
        { photo: '更换' },
        { photo: '删除' },
      ]);
    });
  });

  describe('cards', () => {
    it('issues, counts scans, stops and re-issues: the old code leads to the new card', async () => {
      const { cadre } = await newCadre(staffA, l.w.villageA.id, { name: '孙立' });
      const card = await post(staffA, `/api/office/cadres/${cadre.id}/cards`, {}, 201);
      expect(card.url).toBe(`${t.config.publicBaseUrl}/c/${card.code as string}`);
      await get(null, `/api/cards/${card.code as string}`);
      await get(null, `/api/cards/${card.code as string}`);
      const detail = await get(staffA, `/api/office/cards/${card.id as number}`);
      expect((detail.card as { scans: number }).scans).toBe(2);
      expect((detail.scansByDay as { scans: number }[]).at(-1)?.scans).toBe(2);
      await get(staffB, `/api/office/cards/${card.id as number}`, 403);

      const revoked = await post(staffA, `/api/office/cards/${card.id as number}/revoke`, {
        reason: '群众反映卡片遗失',
        reissue: true,
      });
      const fresh = revoked.issued as { code: string };
      expect(revoked.revoked).toMatchObject({
        status: 'revoked',
        revokeReason: '群众反映卡片遗失',
        replacedByCode: fresh.code,
      });
      const old = await get(null, `/api/cards/${card.code as string}`);
      expect(old).toMatchObject({ replacedBy: fresh.code, cadre: { name: '孙立' } });
      // The old code takes no requests.
      const resident = await l.resident();
      const refused = await t
        .http()
        .post('/api/requests')
        .set(bearer(resident))
        .set('Idempotency-Key', idemKey())
        .send({ cardCode: card.code, ...SUBMISSION });
      expect(refused.status).toBe(410);
      expect(
        (
          await post(
            staffA,
            `/api/office/cards/${card.id as number}/revoke`,
            { reason: '再停一次' },
            409,
          )
        ).code,
      ).toBe('CARD_ALREADY_REVOKED');
      expect((await auditRows('card.issue')).length).toBeGreaterThanOrEqual(2);
      expect((await auditRows('card.revoke')).length).toBeGreaterThanOrEqual(1);
    });

    it('prints a unit’s cards as a PDF, and says so when there is nothing to print', async () => {
      const res = await t
        .http()
        .get(`/api/office/card-sheet?unitId=${l.w.villageA.id}`)
        .set(bearer(staffA))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const empty = await post(
        staffA,
        '/api/office/units',
        { parentId: l.w.townA.id, name: '空村' },
        201,
      );
      expect(
        (await get(staffA, `/api/office/card-sheet?unitId=${empty.id as number}`, 409)).code,
      ).toBe('NOTHING_TO_PRINT');
      await get(staffB, `/api/office/card-sheet?unitId=${l.w.villageA.id}`, 403);
      expect((await auditRows('cards.print')).length).toBeGreaterThanOrEqual(1);
    });

    it('prints a card with its mini-program code (小程序码), asked of WeChat once', async () => {
      const pdf = async (query: string) =>
        (
          await t
            .http()
            .get(`/api/office/card-sheet?${query}`)
            .set(bearer(staffA))
            .buffer(true)
            .parse((r, done) => {
              const chunks: Buffer[] = [];
              r.on('data', (c: Buffer) => chunks.push(c));
              r.on('end', () => done(null, Buffer.concat(chunks)));
            })
            .expect(200)
        ).body as Buffer;
      const card = l.w.cadreA.card;
      const kept = path.join(t.config.uploadDir, 'wxacode', `${card.code}.img`);
      fs.rmSync(kept, { force: true });
      // The link QR is drawn; the mini-program code is an image.
      expect((await pdf(`cardId=${card.id}`)).includes('/Subtype /Image')).toBe(false);
      expect((await pdf(`cardId=${card.id}&qr=wxacode`)).includes('/Subtype /Image')).toBe(true);
      const first = fs.statSync(kept).mtimeMs;
      await pdf(`cardId=${card.id}&qr=wxacode`);
      expect(fs.statSync(kept).mtimeMs).toBe(first);
      expect((await auditRows('cards.print')).at(-1)?.detail).toMatchObject({ qr: 'wxacode' });
      expect((await get(staffA, `/api/office/card-sheet?cardId=${card.id}&qr=gif`, 400)).code).toBe(
        'VALIDATION_FAILED',
      );
    });
  });

  describe('事随人转', () => {
    it('moves the post: cards lead to the successor, open requests move with new clocks, ratings stay', async () => {
      const from = await newCadre(staffA, l.w.villageA.id, { name: '周离任' });
      const to = await newCadre(staffA, l.w.villageA.id, { name: '吴接任' });
      const card = await post(staffA, `/api/office/cadres/${from.cadre.id}/cards`, {}, 201);
      const fromToken = await signInAfterChange(from.cadre.username, from.initialPassword);
      const toToken = await signInAfterChange(to.cadre.username, to.initialPassword);

      // One rated by a resident (stays with 周离任), one in hand, one waiting.
      const resident = await l.resident();
      const rated = await l.submit(resident, {}, card.code as string);
      await l.handle(fromToken, rated.id);
      await l.rate(resident, rated.id, 5);
      const inHand = await l.submit(resident, {}, card.code as string);
      const accepted = await l.move(fromToken, inHand.id, 'accept', { version: inHand.version });
      const waiting = await l.submit(resident, {}, card.code as string);

      const otherTown = await newCadre(staffB, l.w.villageB.id);
      expect(
        (
          await post(
            admin,
            `/api/office/cadres/${from.cadre.id}/transfer`,
            { successorCadreId: otherTown.cadre.id },
            409,
          )
        ).code,
      ).toBe('SUCCESSOR_INVALID');
      await post(
        staffB,
        `/api/office/cadres/${from.cadre.id}/transfer`,
        { successorCadreId: to.cadre.id },
        403,
      );
      // Stopping a cadre who still has work is refused: the work would have nobody.
      expect(
        (
          await post(
            staffA,
            `/api/office/cadres/${from.cadre.id}/deactivate`,
            { reason: '调离' },
            409,
          )
        ).code,
      ).toBe('CADRE_HAS_OPEN_WORK');

      const result = await post(staffA, `/api/office/cadres/${from.cadre.id}/transfer`, {
        successorCadreId: to.cadre.id,
        note: '工作调动',
      });
      expect(result).toMatchObject({
        movedRequests: 2,
        cards: 1,
        from: { active: false, successorName: '吴接任' },
      });

      for (const id of [inHand.id, waiting.id]) {
        const r = await l.get(toToken, id);
        expect(r.status).toBe('submitted');
        const step = r.timeline.at(-1)!;
        expect(step).toMatchObject({ action: 'transfer' });
        expect(step.note).toContain('事随人转：原联系人周离任已调整，现由吴接任联系');
      }
      const moved = await l.get(toToken, inHand.id);
      expect(moved.acceptDueAt).not.toBeNull();
      expect(moved.version).toBeGreaterThan(accepted.version);
      // The card now reaches the successor and says who took over.
      expect(await get(null, `/api/cards/${card.code as string}`)).toMatchObject({
        cadre: { name: '吴接任' },
        handedOverFrom: '周离任',
      });
      // The card is the successor's now: on their page, in their count, in the village's print.
      const successorPage = await get(staffA, `/api/office/cadres/${to.cadre.id}`);
      expect((successorPage.cards as { code: string }[]).map((k) => k.code)).toContain(card.code);
      expect(successorPage.cadre).toMatchObject({ activeCards: 1 });
      // The rating earned before the hand-over stays with the one who earned it.
      const rating = await db.getRepository(RatingEntity).findOneByOrFail({ requestId: rated.id });
      expect(rating.ownerUserId).toBe(from.cadre.userId);
      // The one who left no longer signs in: their old residents' data is not theirs to read.
      expect((await get(fromToken, '/api/inbox', 403)).code).toBe('ACCOUNT_DISABLED');
      const [row] = await auditRows('cadre.transfer');
      expect(row?.detail).toMatchObject({ movedRequests: 2, successor: '吴接任' });
    });

    it('stops a cadre without open work: the account and the cards stop too', async () => {
      const { cadre, initialPassword } = await newCadre(staffA, l.w.villageA.id, {
        name: '郑停用',
      });
      const card = await post(staffA, `/api/office/cadres/${cadre.id}/cards`, {}, 201);
      const stopped = await post(staffA, `/api/office/cadres/${cadre.id}/deactivate`, {
        reason: '退休',
      });
      expect(stopped).toMatchObject({ active: false, activeCards: 0 });
      expect((await get(null, `/api/cards/${card.code as string}`, 410)).code).toBe('CARD_REVOKED');
      expect(
        (
          await post(
            null,
            '/api/auth/staff/sign-in',
            { username: cadre.username, password: initialPassword },
            403,
          )
        ).code,
      ).toBe('ACCOUNT_DISABLED');
      expect(await auditRows('cadre.deactivate')).toHaveLength(1);
    });
  });

  describe('the cadre import', () => {
    const sheet = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('干部名单');
      ws.addRow(['所属单位', '姓名', '职务', '手机号', '职责', '一线工作日', '登录账号']);
      for (const row of rows) ws.addRow(row);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (token: string, file: Buffer) =>
      t
        .http()
        .post('/api/office/cadre-import')
        .set(bearer(token))
        .attach('file', file, 'cadres.xlsx');

    it('writes nothing unless the whole file is right, and a second import changes nothing', async () => {
      const template = await t
        .http()
        .get('/api/office/cadre-import/template')
        .set(bearer(staffA))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(template.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template.body as never);
      expect(wb.worksheets[0]!.getRow(1).values).toContain('登录账号');

      const village = l.w.villageA.name;
      const bad = await upload(
        staffA,
        await sheet([
          [village, '导入甲', '网格员', '13900000001', '走访联系群众', '每周一', 'import_a'],
          [village, '导入乙', '网格员', '1390000', '走访联系群众', '每周一', 'import_b'],
        ]),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('IMPORT_INVALID');
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'rows.3.phone' })]);
      expect((await get(staffA, '/api/office/cadres?q=import_a')).total).toBe(0);

      const good = await sheet([
        [village, '导入甲', '网格员', '13900000001', '走访联系群众', '每周一', 'import_a'],
        [village, '导入乙', '网格员', 13900000002, '走访联系群众', '每周二', 'import_b'],
      ]);
      const first = await upload(staffA, good);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      expect(first.body.accounts).toHaveLength(2);
      const second = await upload(staffA, good);
      expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, accounts: [] });
      // Another township's staff cannot import into this village.
      const other = await upload(staffB, good);
      expect(other.status).toBe(400);
      expect((await auditRows('cadre.import')).length).toBe(2);
    });
  });

  describe('the audit log', () => {
    it('records sign-ins and views, reads for admins only, and shows tampering', async () => {
      await post(null, '/api/auth/staff/sign-in', { username: 'nobody-here', password: 'x' }, 401);
      await post(
        null,
        '/api/auth/staff/sign-in',
        { username: l.w.staffA.username, password: 'wrong' },
        401,
      );
      const failed = await auditRows('auth.sign_in_failed');
      expect(failed.map((r) => r.detail?.reason)).toEqual(
        expect.arrayContaining(['no_account', 'LOGIN_FAILED']),
      );
      expect((await auditRows('auth.sign_in')).length).toBeGreaterThan(3);

      const resident = await l.resident();
      const r = await l.submit(resident);
      await l.get(staffA, r.id);
      const views = await auditRows('request.view');
      expect(views.at(-1)).toMatchObject({ targetId: r.id, actorUserId: l.w.staffA.id });

      const page = await get(admin, '/api/office/audit?action=request.view');
      expect((page.items as { actionLabel: string }[])[0]?.actionLabel).toBe('查看诉求详情');
      const byPerson = await get(admin, `/api/office/audit?actorId=${l.w.staffA.id}&pageSize=100`);
      expect(
        (byPerson.items as { actorUserId: number }[]).every((i) => i.actorUserId === l.w.staffA.id),
      ).toBe(true);
      await get(staffA, '/api/office/audit', 403);

      const audit = t.app.get(AuditRepository);
      expect(await audit.verify()).toMatchObject({ intact: true });
      // The database itself refuses changes…
      await expect(db.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
      // …and a change made around it breaks the chain at that row.
      await db.query('DROP TRIGGER audit_log_no_update');
      await db.query("UPDATE audit_log SET actor_name = '别人' WHERE id = 2");
      const check = await audit.verify();
      expect(check).toMatchObject({ intact: false, brokenAt: 2 });
    });
  });

  async function signInAfterChange(username: string, initial: string): Promise<string> {
    const first = (await post(null, '/api/auth/staff/sign-in', { username, password: initial }))
      .token as string;
    return (
      await post(first, '/api/auth/password', { oldPassword: initial, newPassword: 'Changed2026x' })
    ).token as string;
  }
});
