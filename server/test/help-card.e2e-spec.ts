import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CardView, Household, OfficeCard, RequestDetail } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { RequestEntity } from '../src/modules/request/request.entity';
import { bearer, unique, uniquePhone } from './factories';
import { idemKey, Loop, refusal, SUBMISSION } from './loop';
import { jsonClient } from './json-client';
import { type TestApp, startTestApp, testDialects } from './test-app';

/**
 * 民困帮扶卡: a household linked 结亲 gets its own card. Scanning it reaches the household's cadre,
 * and what is asked through it names the household, which its handlers see and the public never.
 */
describe.each(testDialects())('民困帮扶卡 on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let db: DataSource;
  let staffA: string;
  let staffB: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
  });
  afterAll(() => t.close());

  const { post, get } = jsonClient(() => t);
  const fresh = async () => {
    const village = await l.f.unit('village', l.w.townA);
    const cadre = await l.f.cadre(village);
    return { village, cadre, token: await l.as(cadre.user) };
  };
  const household = async (unitId: number, cadreId: number, pairing = 'kin') =>
    (await post(
      staffA,
      '/api/office/households',
      {
        unitId,
        groupName: '一组',
        houseNumber: unique('号').slice(0, 12),
        headName: '周玉芬',
        phone: uniquePhone(),
        memberCount: 1,
        specialGroups: ['hardship'],
        cadreId,
        pairing,
      },
      201,
    )) as unknown as Household;
  const issue = async (token: string, householdId: number, status = 201) =>
    (await post(
      token,
      `/api/office/households/${householdId}/help-card`,
      {},
      status,
    )) as unknown as OfficeCard & { code: string };
  const submit = (resident: string, cardCode: string) =>
    t
      .http()
      .post('/api/requests')
      .set(bearer(resident))
      .set('Idempotency-Key', idemKey())
      .send({ cardCode, ...SUBMISSION })
      .expect(201);

  it('is issued to a 结亲 household only, once, in scope, on the audit log', async () => {
    const { village, cadre } = await fresh();
    const kin = await household(village.id, cadre.cadre.id);
    const card = await issue(staffA, kin.id);
    expect(card).toMatchObject({ cadreId: cadre.cadre.id, householdId: kin.id, status: 'active' });
    // Asked again: the same card, not a second one.
    expect((await issue(staffA, kin.id)).id).toBe(card.id);
    const listed = (await get(staffA, `/api/office/households/${kin.id}`)) as {
      household: Household;
    };
    expect(listed.household.helpCardCode).toBe(card.code);

    const friend = await household(village.id, cadre.cadre.id, 'befriend');
    expect(await issue(staffA, friend.id, 409)).toEqual(refusal('HELP_CARD_NOT_KIN'));
    expect(await issue(staffB, kin.id, 403)).toEqual(refusal('OUT_OF_SCOPE'));
    expect(await issue(await l.as(cadre.user), kin.id, 403)).toEqual(refusal('FORBIDDEN'));
    expect(await issue(staffA, 999_999, 404)).toEqual(refusal('NOT_FOUND'));
    const audit = await db
      .getRepository(AuditLogEntity)
      .findBy({ action: 'card.issue_help', targetId: card.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ household: kin.address, cadre: cadre.cadre.name });
  });

  it('reaches the linked cadre, says what it is, and never shows the household to the public', async () => {
    const { village, cadre, token } = await fresh();
    const kin = await household(village.id, cadre.cadre.id);
    const card = await issue(staffA, kin.id);
    const view = (await get(null, `/api/cards/${card.code}`)) as unknown as CardView;
    expect(view).toMatchObject({ helpCard: true, cadre: { id: cadre.cadre.id } });
    const body = JSON.stringify(view);
    for (const secret of [kin.headName, kin.houseNumber, kin.address, kin.phoneMasked!]) {
      expect(body).not.toContain(secret);
    }
    // A cadre's own card is not one.
    expect(
      ((await get(null, `/api/cards/${cadre.card.code}`)) as unknown as CardView).helpCard,
    ).toBe(false);

    const resident = await l.resident();
    const filed = (await submit(resident, card.code)).body as RequestDetail;
    expect(filed.household).toBeNull(); // the resident's own view: no household block
    const row = await db.getRepository(RequestEntity).findOneByOrFail({ id: filed.id });
    expect(row).toMatchObject({ householdId: kin.id, channel: 'card_scan' });
    const seen = (await get(token, `/api/requests/${filed.id}`)) as unknown as RequestDetail;
    expect(seen.household).toEqual({ id: kin.id, address: kin.address, headName: '周玉芬' });
    const staffSees = (await get(staffA, `/api/requests/${filed.id}`)) as unknown as RequestDetail;
    expect(staffSees.household?.address).toBe(kin.address);
    const mine = (await get(token, '/api/households/mine')) as unknown as { items: Household[] };
    expect(mine.items.find((h) => h.id === kin.id)?.openRequests).toBe(1);
    // Through the cadre's own card, no household is named.
    const plain = (await submit(resident, cadre.card.code)).body as RequestDetail;
    expect(
      (await db.getRepository(RequestEntity).findOneByOrFail({ id: plain.id })).householdId,
    ).toBeNull();
  });

  it('follows the household when it is re-paired, and a 补卡 stays the household’s', async () => {
    const { village, cadre } = await fresh();
    const next = await l.f.cadre(village);
    const kin = await household(village.id, cadre.cadre.id);
    const card = await issue(staffA, kin.id);
    await post(staffA, `/api/office/households/${kin.id}/move`, {
      cadreId: next.cadre.id,
      pairing: 'kin',
    });
    const view = (await get(null, `/api/cards/${card.code}`)) as unknown as CardView;
    expect(view).toMatchObject({ cadre: { id: next.cadre.id }, handedOverFrom: cadre.cadre.name });
    const filed = (await submit(await l.resident(), card.code)).body as RequestDetail;
    const row = await db.getRepository(RequestEntity).findOneByOrFail({ id: filed.id });
    expect(row).toMatchObject({ householdId: kin.id, ownerUserId: next.user.id });

    const replaced = await post(staffA, `/api/office/cards/${card.id}/revoke`, {
      reason: '卡片遗失',
      reissue: true,
    });
    const reissued = replaced.issued as OfficeCard;
    expect(reissued).toMatchObject({ householdId: kin.id, status: 'active' });
    expect((await issue(staffA, kin.id)).id).toBe(reissued.id);
  });

  it('prints with the cadre cards of the unit, titled and naming whose it is', async () => {
    const { village, cadre } = await fresh();
    const kin = await household(village.id, cadre.cadre.id);
    await issue(staffA, kin.id);
    const res = await t
      .http()
      .get(`/api/office/card-sheet?unitId=${village.id}`)
      .set(bearer(staffA))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'help-card-'));
    try {
      const pdf = path.join(dir, 'sheet.pdf');
      writeFileSync(pdf, res.body as Buffer);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('民情联系卡');
      expect(text).toContain('民困帮扶卡');
      expect(text).toContain('帮扶对象：周玉芬户');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
