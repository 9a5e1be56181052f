import { randomBytes } from 'node:crypto';
import { messageOf } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../src/modules/request/request.entity';
import { acceptAndResolve, bearer, Factory, signInResident, signInWithPassword } from './factories';
import { type TestApp, startTestApp, testDialects } from './test-app';

const key = () => randomBytes(12).toString('hex');
const error = (code: Parameters<typeof messageOf>[0]) => ({
  code,
  message: messageOf(code),
  requestId: expect.any(String),
});

describe.each(testDialects())('the whole loop on %s', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<Factory['world']>>;
  let cadreToken: string;
  let staffAToken: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    w = await new Factory(t.app.get(DataSource), t.config).world();
    cadreToken = await signInWithPassword(t.http(), w.cadreA.user.username);
    staffAToken = await signInWithPassword(t.http(), w.staffA.username);
  });
  afterAll(() => t.close());

  const submit = (token: string, body: Record<string, unknown>, idem = key()) =>
    t
      .http()
      .post('/api/requests')
      .set(bearer(token))
      .set('Idempotency-Key', idem)
      .send({
        cardCode: w.cadreA.card.code,
        category: 'difficulty',
        subTopic: 'water',
        text: '村东头自来水停了三天了，请帮忙看看',
        consent: true,
        ...body,
      });

  it('scan → submit → accept → reply → resolve → rate 5 → the township reads 满意率 100 %', async () => {
    const card = await t.http().get(`/api/cards/${w.cadreA.card.code}`).expect(200);
    expect(card.body).toMatchObject({
      code: w.cadreA.card.code,
      cadre: { name: w.cadreA.cadre.name, post: '网格员' },
      villageName: w.villageA.name,
      townshipName: w.townA.name,
      hotlines: [{ name: '便民服务中心', phone: '0571-88000001' }],
      handedOverFrom: null,
    });

    const resident = await signInResident(t.http());
    const created = await submit(resident, {}).expect(201);
    expect(created.body).toMatchObject({
      status: 'submitted',
      level: 'village',
      channel: 'card_scan',
      ownerName: w.cadreA.cadre.name,
      firstContactName: w.cadreA.cadre.name,
      allowedActions: ['withdraw'],
      timeline: [{ action: 'submit', actorLabel: '我', toStatus: 'submitted' }],
    });
    expect(created.body.number).toMatch(/^MQ-\d{8}-\d{4}$/);
    const id = created.body.id as number;

    const inbox = await t.http().get('/api/inbox').set(bearer(cadreToken)).expect(200);
    expect(inbox.body.items.map((r: { id: number }) => r.id)).toContain(id);
    const mine = await t.http().get('/api/requests/mine').set(bearer(resident)).expect(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, items: [{ id, status: 'submitted' }] });

    const accepted = await t
      .http()
      .post(`/api/requests/${id}/accept`)
      .set(bearer(cadreToken))
      .send({ version: created.body.version })
      .expect(200);
    expect(accepted.body).toMatchObject({
      status: 'in_progress',
      allowedActions: ['reply', 'escalate', 'transfer', 'resolve'],
    });
    await t
      .http()
      .post(`/api/requests/${id}/reply`)
      .set(bearer(cadreToken))
      .send({ text: '已联系水务站，明天上门检修' })
      .expect(200);
    const resolved = await t
      .http()
      .post(`/api/requests/${id}/resolve`)
      .set(bearer(cadreToken))
      .send({
        version: accepted.body.version + 1,
        outcome: 'solved',
        note: '管道已修复，恢复供水',
        publicSummary: '自来水管道已修复，恢复供水',
      })
      .expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolutionOutcome: 'solved',
      resolutionNote: '管道已修复，恢复供水',
      ratings: [],
    });

    const seen = await t.http().get(`/api/requests/${id}`).set(bearer(resident)).expect(200);
    expect(
      seen.body.timeline.map((e: { action: string; actorLabel: string }) => [
        e.action,
        e.actorLabel,
      ]),
    ).toEqual([
      ['submit', '我'],
      ['accept', w.cadreA.cadre.name],
      ['reply', w.cadreA.cadre.name],
      ['resolve', w.cadreA.cadre.name],
    ]);
    expect(seen.body.allowedActions).toEqual(['rate']);
    expect(seen.body.rateUntil).toEqual(expect.any(String));

    const rated = await t
      .http()
      .post(`/api/requests/${id}/rate`)
      .set(bearer(resident))
      .send({ level: 5, solved: 'solved', tags: ['timely'], comment: '很快就修好了' })
      .expect(200);
    expect(rated.body).toMatchObject({
      status: 'closed',
      ratings: [
        { round: 1, level: 5, solved: 'solved', tags: ['timely'], comment: '很快就修好了' },
      ],
      allowedActions: [],
    });
    // A cadre never sees who rated what.
    const cadreView = await t.http().get(`/api/requests/${id}`).set(bearer(cadreToken)).expect(200);
    expect(cadreView.body.ratings).toEqual([]);

    const figures = await t.http().get('/api/stats/cadres').set(bearer(staffAToken)).expect(200);
    const row = figures.body.rows.find((r: { cadreId: number }) => r.cadreId === w.cadreA.cadre.id);
    expect(row).toMatchObject({
      received: 1,
      resolved: 1,
      ratings: 1,
      satisfaction: { numerator: 1, denominator: 1, value: 1 },
      participation: { numerator: 1, denominator: 1, value: 1 },
    });
    const other = figures.body.rows.find(
      (r: { cadreId: number }) => r.cadreId === w.cadreA2.cadre.id,
    );
    expect(other).toMatchObject({
      received: 0,
      ratings: 0,
      satisfaction: { denominator: 0, value: null },
    });
    expect(figures.body.rows.map((r: { cadreId: number }) => r.cadreId)).not.toContain(
      w.cadreB.cadre.id,
    );
  });

  it('refuses rating twice, rating before resolution, and rating by someone else', async () => {
    const resident = await signInResident(t.http());
    const { body } = await submit(resident, {}).expect(201);
    const early = await t
      .http()
      .post(`/api/requests/${body.id}/rate`)
      .set(bearer(resident))
      .send({ level: 5, solved: 'solved' })
      .expect(409);
    expect(early.body).toEqual(error('RATING_NOT_OPEN'));
    await acceptAndResolve(t.http(), cadreToken, body, {
      outcome: 'explained',
      note: '该路段属省道，需交通部门统一改造',
      publicSummary: '路段属省道，已向群众解释',
    });
    const stranger = await signInResident(t.http());
    const theirs = await t
      .http()
      .post(`/api/requests/${body.id}/rate`)
      .set(bearer(stranger))
      .send({ level: 1, solved: 'solved' })
      .expect(404);
    expect(theirs.body).toEqual(error('REQUEST_NOT_FOUND'));
    await t
      .http()
      .post(`/api/requests/${body.id}/rate`)
      .set(bearer(resident))
      .send({ level: 4, solved: 'solved' })
      .expect(200);
    const twice = await t
      .http()
      .post(`/api/requests/${body.id}/rate`)
      .set(bearer(resident))
      .send({ level: 5, solved: 'solved' })
      .expect(409);
    expect(twice.body).toEqual(error('RATING_ALREADY_GIVEN'));
  });

  it('closes the rating window after 7 days', async () => {
    const resident = await signInResident(t.http());
    const { body } = await submit(resident, {}).expect(201);
    await acceptAndResolve(t.http(), cadreToken, body, {
      outcome: 'solved',
      note: '已处理完毕',
      publicSummary: '反映的问题已处理完毕',
    });
    await t.app
      .get(DataSource)
      .getRepository(RequestEntity)
      .update(body.id, { resolvedAt: new Date(Date.now() - 8 * 86400e3) });
    const late = await t
      .http()
      .post(`/api/requests/${body.id}/rate`)
      .set(bearer(resident))
      .send({ level: 5, solved: 'solved' })
      .expect(409);
    expect(late.body).toEqual(error('RATING_WINDOW_CLOSED'));
  });

  it('keeps one resident out of another resident’s request, and other cadres out too', async () => {
    const owner = await signInResident(t.http());
    const { body } = await submit(owner, {}).expect(201);
    const other = await signInResident(t.http());
    expect(
      (await t.http().get(`/api/requests/${body.id}`).set(bearer(other)).expect(404)).body,
    ).toEqual(error('REQUEST_NOT_FOUND'));
    const cadreB = await signInWithPassword(t.http(), w.cadreB.user.username);
    await t.http().get(`/api/requests/${body.id}`).set(bearer(cadreB)).expect(404);
    const staffB = await signInWithPassword(t.http(), w.staffB.username);
    await t.http().get(`/api/requests/${body.id}`).set(bearer(staffB)).expect(404);
    await t.http().get(`/api/requests/${body.id}`).set(bearer(staffAToken)).expect(200);
    expect((await t.http().get(`/api/requests/${body.id}`).expect(401)).body).toEqual(
      error('UNAUTHENTICATED'),
    );
    expect((await t.http().get('/api/inbox').set(bearer(owner)).expect(403)).body).toEqual(
      error('FORBIDDEN'),
    );
  });

  it('keeps one township’s staff out of another township’s figures', async () => {
    const staffB = await signInWithPassword(t.http(), w.staffB.username);
    const res = await t
      .http()
      .get(`/api/stats/cadres?unitId=${w.townA.id}`)
      .set(bearer(staffB))
      .expect(403);
    expect(res.body).toEqual(error('OUT_OF_SCOPE'));
    await t
      .http()
      .get(`/api/stats/cadres?unitId=${w.townA.id}`)
      .set(bearer(staffAToken))
      .expect(200);
    const county = await signInWithPassword(t.http(), w.countyStaff.username);
    const all = await t.http().get('/api/stats/cadres').set(bearer(county)).expect(200);
    expect(all.body.rows.map((r: { cadreId: number }) => r.cadreId)).toEqual(
      expect.arrayContaining([w.cadreA.cadre.id, w.cadreB.cadre.id]),
    );
    const cadre = await t.http().get('/api/stats/cadres').set(bearer(cadreToken)).expect(403);
    expect(cadre.body).toEqual(error('FORBIDDEN'));
  });

  it('lets exactly one of two simultaneous accepts win', async () => {
    const resident = await signInResident(t.http());
    const { body } = await submit(resident, {}).expect(201);
    const secondDevice = await signInWithPassword(t.http(), w.cadreA.user.username);
    const results = await Promise.all([
      t
        .http()
        .post(`/api/requests/${body.id}/accept`)
        .set(bearer(cadreToken))
        .send({ version: body.version }),
      t
        .http()
        .post(`/api/requests/${body.id}/accept`)
        .set(bearer(secondDevice))
        .send({ version: body.version }),
      t
        .http()
        .post(`/api/requests/${body.id}/accept`)
        .set(bearer(await signInWithPassword(t.http(), w.cadreA2.user.username)))
        .send({ version: body.version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 404, 409]);
    expect(results.find((r) => r.status === 409)?.body).toEqual(error('ALREADY_ACCEPTED'));
    const events = await t.app
      .get(DataSource)
      .query("SELECT COUNT(*) AS n FROM request_event WHERE request_id = ? AND action = 'accept'", [
        body.id,
      ]);
    expect(Number(events[0].n)).toBe(1);
  });

  it('makes one request from a retried submission, even when the retries race', async () => {
    const resident = await signInResident(t.http());
    const idem = key();
    const [a, b] = await Promise.all([submit(resident, {}, idem), submit(resident, {}, idem)]);
    const c = await submit(resident, {}, idem);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect((await t.http().get('/api/requests/mine').set(bearer(resident))).body.total).toBe(1);
    const changed = await submit(resident, { text: '换了内容的另一次提交，不应复用' }, idem).expect(
      409,
    );
    expect(changed.body).toEqual(error('IDEMPOTENCY_KEY_REUSED'));
  });

  it('sends a conduct complaint to the township and hides it from the cadre it is about', async () => {
    const resident = await signInResident(t.http());
    const { body } = await submit(resident, {
      category: 'conduct',
      subTopic: 'attitude',
      text: '网格员上门时态度很差，不听我们说完',
    }).expect(201);
    expect(body).toMatchObject({ level: 'township', ownerName: w.staffA.displayName });
    await t.http().get(`/api/requests/${body.id}`).set(bearer(cadreToken)).expect(404);
    const inbox = await t.http().get('/api/inbox?status=open').set(bearer(cadreToken)).expect(200);
    expect(inbox.body.items.map((r: { id: number }) => r.id)).not.toContain(body.id);
    const queue = await t
      .http()
      .get('/api/staff/requests?queue=conduct')
      .set(bearer(staffAToken))
      .expect(200);
    expect(queue.body.items.map((r: { id: number }) => r.id)).toContain(body.id);
    const staffB = await signInWithPassword(t.http(), w.staffB.username);
    const other = await t
      .http()
      .get('/api/staff/requests?queue=conduct')
      .set(bearer(staffB))
      .expect(200);
    expect(other.body.items.map((r: { id: number }) => r.id)).not.toContain(body.id);
  });

  it('answers bad input with field messages and keeps nothing half-made', async () => {
    const resident = await signInResident(t.http());
    const long = await submit(resident, { text: '水'.repeat(1001) }).expect(400);
    expect(long.body).toEqual({
      ...error('VALIDATION_FAILED'),
      details: [{ field: 'text', message: '诉求内容最多1000个字，现在有1001个字，请精简一些' }],
    });
    const noKey = await t
      .http()
      .post('/api/requests')
      .set(bearer(resident))
      .send({
        cardCode: w.cadreA.card.code,
        category: 'difficulty',
        text: '五个字以上的内容',
        consent: true,
      })
      .expect(400);
    expect(noKey.body.details).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    const staffSubmits = await submit(staffAToken, {}).expect(403);
    expect(staffSubmits.body).toEqual(error('FORBIDDEN'));
    expect((await t.http().get('/api/requests/mine').set(bearer(resident))).body.total).toBe(0);
  });

  it('answers card problems clearly', async () => {
    const code = w.cadreA.card.code;
    const typo = code.slice(0, 3) + (code[3] === 'a' ? 'b' : 'a') + code.slice(4);
    expect((await t.http().get(`/api/cards/${typo}`).expect(400)).body).toEqual(
      error('CARD_CODE_INVALID'),
    );
    const revoked = await new Factory(t.app.get(DataSource), t.config).card(
      w.cadreA.cadre,
      'revoked',
    );
    expect((await t.http().get(`/api/cards/${revoked.code}`).expect(410)).body).toEqual(
      error('CARD_REVOKED'),
    );
    const { generateCardCode } = await import('@mqlk/shared');
    expect((await t.http().get(`/api/cards/${generateCardCode()}`).expect(404)).body).toEqual(
      error('CARD_NOT_FOUND'),
    );
  });

  it('locks a password account after 5 wrong tries', async () => {
    const username = w.cadreB.user.username;
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await t
            .http()
            .post('/api/auth/staff/sign-in')
            .send({ username, password: 'wrong' })
            .expect(401)
        ).body,
      ).toEqual(error('LOGIN_FAILED'));
    }
    expect(
      (
        await t
          .http()
          .post('/api/auth/staff/sign-in')
          .send({ username, password: 'wrong' })
          .expect(423)
      ).body,
    ).toEqual(error('ACCOUNT_LOCKED'));
    await t
      .http()
      .post('/api/auth/staff/sign-in')
      .send({ username, password: 'Test@2026-pass' })
      .expect(423);
    await t.app
      .get(DataSource)
      .query('UPDATE user_account SET locked_until = NULL WHERE username = ?', [username]);
  });
});
