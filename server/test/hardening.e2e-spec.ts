import { randomBytes } from 'node:crypto';
import { messageOf } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { CadreEntity } from '../src/modules/cadre/cadre.entity';
import {
  acceptAndResolve,
  bearer,
  Factory,
  signInResident,
  signInWithPassword,
  TEST_PASSWORD,
  uniquePhone,
} from './factories';
import { type TestApp, startTestApp, testDialects } from './test-app';

const key = () => randomBytes(12).toString('hex');
const error = (code: Parameters<typeof messageOf>[0]) => ({
  code,
  message: messageOf(code),
  requestId: expect.any(String),
});

/** Races and leaks found in review, each pinned by a test. */
describe.each(testDialects())('hardening on %s', (dialect) => {
  let t: TestApp;
  let f: Factory;
  let w: Awaited<ReturnType<Factory['world']>>;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    f = new Factory(t.app.get(DataSource), t.config);
    w = await f.world();
  });
  afterAll(() => t.close());

  const submit = (token: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/requests')
      .set(bearer(token))
      .set('Idempotency-Key', key())
      .send({
        cardCode: w.cadreA.card.code,
        category: 'difficulty',
        text: '路灯坏了一个多月了，晚上很黑',
        consent: true,
        ...body,
      });

  it('counts parallel wrong passwords: at most 5 are checked, then the account is locked', async () => {
    const { user } = await f.cadre(w.villageB);
    const tries = await Promise.all(
      Array.from({ length: 12 }, () =>
        t
          .http()
          .post('/api/auth/staff/sign-in')
          .send({ username: user.username, password: 'wrong' }),
      ),
    );
    expect(tries.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
    expect(tries.every((r) => r.status === 401 || r.status === 423)).toBe(true);
    const right = await t
      .http()
      .post('/api/auth/staff/sign-in')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(423);
    expect(right.body).toEqual(error('ACCOUNT_LOCKED'));
  });

  it('counts parallel wrong SMS codes, and uses a right code once', async () => {
    const phone = uniquePhone();
    const sent = await t.http().post('/api/auth/sms/send').send({ phone }).expect(200);
    const wrong = sent.body.devCode === '000000' ? '111111' : '000000';
    await Promise.all(
      Array.from({ length: 8 }, () =>
        t.http().post('/api/auth/sms/sign-in').send({ phone, code: wrong }),
      ),
    );
    const late = await t
      .http()
      .post('/api/auth/sms/sign-in')
      .send({ phone, code: sent.body.devCode })
      .expect(401);
    expect(late.body).toEqual(error('OTP_INVALID'));
  });

  it('makes one resident of a double-tapped sign-in', async () => {
    const phone = uniquePhone();
    const sent = await t.http().post('/api/auth/sms/send').send({ phone }).expect(200);
    const taps = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.http().post('/api/auth/sms/sign-in').send({ phone, code: sent.body.devCode }),
      ),
    );
    expect(taps.filter((r) => r.status === 200).length).toBe(1);
    const wx = await Promise.all(
      Array.from({ length: 4 }, () =>
        t
          .http()
          .post('/api/auth/wechat/sign-in')
          .send({ code: `same-${phone}` }),
      ),
    );
    expect(wx.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(wx.map((r) => r.body.user.id)).size).toBe(1);
  });

  it('shows a rating’s comment to the resident and staff, never to the cadre', async () => {
    const resident = await signInResident(t.http());
    const cadre = await signInWithPassword(t.http(), w.cadreA.user.username);
    const { body } = await submit(resident).expect(201);
    await acceptAndResolve(t.http(), cadre, body, { outcome: 'solved', note: '已更换灯泡' });
    await t
      .http()
      .post(`/api/requests/${body.id}/rate`)
      .set(bearer(resident))
      .send({ level: 1, solved: 'unsolved', comment: '根本没修好' })
      .expect(200);
    const noteOf = (res: { body: { timeline: { action: string; note: string | null }[] } }) =>
      res.body.timeline.find((e) => e.action === 'rate')?.note;
    expect(
      noteOf(await t.http().get(`/api/requests/${body.id}`).set(bearer(cadre)).expect(200)),
    ).toBeNull();
    expect(
      noteOf(await t.http().get(`/api/requests/${body.id}`).set(bearer(resident)).expect(200)),
    ).toBe('根本没修好');
    const staff = await signInWithPassword(t.http(), w.staffA.username);
    expect(
      noteOf(await t.http().get(`/api/requests/${body.id}`).set(bearer(staff)).expect(200)),
    ).toBe('根本没修好');
  });

  it('escalates village → township → county, and answers the mover who can no longer see it', async () => {
    const resident = await signInResident(t.http());
    const cadre = await signInWithPassword(t.http(), w.cadreA.user.username);
    const staff = await signInWithPassword(t.http(), w.staffA.username);
    const { body } = await submit(resident).expect(201);
    expect(
      (
        await t
          .http()
          .post(`/api/requests/${body.id}/escalate`)
          .set(bearer(resident))
          .send({ version: body.version, reason: '想让镇里来管' })
          .expect(403)
      ).body,
    ).toEqual(error('NOT_OWNER'));
    const up = await t
      .http()
      .post(`/api/requests/${body.id}/escalate`)
      .set(bearer(cadre))
      .send({ version: body.version, reason: '需要镇里协调供电所' })
      .expect(200);
    expect(up.body).toMatchObject({
      level: 'township',
      status: 'submitted',
      ownerName: w.staffA.displayName,
    });
    const top = await t
      .http()
      .post(`/api/requests/${body.id}/escalate`)
      .set(bearer(staff))
      .send({ version: up.body.version, reason: '涉及县道，需县交通局' })
      .expect(200);
    expect(top.body).toEqual({ id: body.id, visible: false });
    const county = await signInWithPassword(t.http(), w.countyStaff.username);
    const atCounty = await t.http().get(`/api/requests/${body.id}`).set(bearer(county)).expect(200);
    expect(atCounty.body).toMatchObject({ level: 'county', status: 'submitted' });
    const again = await t
      .http()
      .post(`/api/requests/${body.id}/escalate`)
      .set(bearer(county))
      .send({ version: atCounty.body.version, reason: '县里也办不了' })
      .expect(409);
    expect(again.body).toEqual(error('ESCALATION_TOP_LEVEL'));
  });

  it('never routes a conduct complaint to its subject, nor lists it in the subject’s staff queue', async () => {
    // A township staff member who also carries a contact card: complaints about them go to a colleague.
    const staffWithCard = await f.account('staff', w.townB);
    const cadres = t.app.get(DataSource).getRepository(CadreEntity);
    const row = await cadres.save(
      cadres.create({
        userId: staffWithCard.id,
        orgUnitId: w.townB.id,
        name: '镇干部',
        post: '包村干部',
        phoneEnc: 'x',
        phoneMasked: '138****0000',
        duties: '包村',
        dutyDays: '每周二',
        photoUrl: null,
        successorCadreId: null,
        active: true,
      }),
    );
    const card = await f.card(row);
    const resident = await signInResident(t.http());
    const { body } = await submit(resident, {
      cardCode: card.code,
      category: 'conduct',
      text: '这位镇干部办事推诿，几次都说不归他管',
    }).expect(201);
    expect(body.ownerName).toBe(w.staffB.displayName);
    const subject = await signInWithPassword(t.http(), staffWithCard.username);
    const queue = await t
      .http()
      .get('/api/staff/requests?queue=conduct')
      .set(bearer(subject))
      .expect(200);
    expect(queue.body.items.map((r: { id: number }) => r.id)).not.toContain(body.id);
    await t.http().get(`/api/requests/${body.id}`).set(bearer(subject)).expect(404);
  });

  it('keeps a full-length location', async () => {
    const resident = await signInResident(t.http());
    const location = {
      latitude: -89.12345678901234,
      longitude: -179.1234567890123,
      address: '东岭村'.repeat(66),
    };
    const res = await submit(resident, { location }).expect(201);
    expect(res.body.id).toEqual(expect.any(Number));
  });

  it('lets an expired or broken session still open a card', async () => {
    await t
      .http()
      .get(`/api/cards/${w.cadreA.card.code}`)
      .set('Authorization', 'Bearer not.a-token')
      .expect(200);
    const expired = (await import('../src/common/auth/token')).issueToken(
      w.staffA.id,
      60,
      t.config.tokenSecret,
      new Date(Date.now() - 3600e3),
    );
    await t.http().get(`/api/cards/${w.cadreA.card.code}`).set(bearer(expired.token)).expect(200);
    expect(
      (await t.http().get('/api/auth/me').set(bearer(expired.token)).expect(401)).body,
    ).toEqual(error('SESSION_EXPIRED'));
  });
});
