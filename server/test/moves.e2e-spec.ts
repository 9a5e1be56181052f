import { DataSource } from 'typeorm';
import { RequestClockEntity } from '../src/modules/request/request-clock.entity';
import { RequestConfirmationEntity } from '../src/modules/request/request-confirmation.entity';
import { bearer, uniquePhone } from './factories';
import { idemKey, Loop, refusal } from './loop';
import { type TestApp, startTestApp, testDialects } from './test-app';

describe.each(testDialects())('every move of a request on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let cadre: string;
  let cadre2: string;
  let staffA: string;
  let staffB: string;
  let county: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    cadre = await l.as(l.w.cadreA.user);
    cadre2 = await l.as(l.w.cadreA2.user);
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
    county = await l.as(l.w.countyStaff);
  });
  afterAll(() => t.close());

  const queue = async (token: string, name: string) =>
    (
      await t.http().get(`/api/staff/requests?queue=${name}`).set(bearer(token)).expect(200)
    ).body.items.map((r: { id: number }) => r.id) as number[];

  describe('差评核实 and the rectification round', () => {
    it('founded: 整改 task for the cadre, a second round, a second bad rating flagged to the county', async () => {
      const { resident, id } = await l.rated(1, '修了等于没修，又漏了');
      expect(await queue(staffA, 'review')).toContain(id);
      expect(await queue(staffB, 'review')).not.toContain(id);
      // The cadre cannot verify their own bad review, nor can the other township.
      const seen = await l.get(staffA, id);
      expect(seen).toMatchObject({ status: 'under_review', allowedActions: ['verify'] });
      await l.move(
        cadre,
        id,
        'verify',
        { version: seen.version, founded: true, finding: '未按约定上门检修' },
        403,
      );
      await l.move(
        staffB,
        id,
        'verify',
        { version: seen.version, founded: true, finding: '未按约定上门检修' },
        404,
      );
      // Founded needs a finding; unfounded a reason from the list.
      const bad = await l.move(staffA, id, 'verify', { version: seen.version, founded: true }, 400);
      expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'finding' }] });
      const verified = await l.move(staffA, id, 'verify', {
        version: seen.version,
        founded: true,
        finding: '核实属实：三日内重新上门检修，并回访群众',
      });
      expect(verified).toMatchObject({
        status: 'rectifying',
        round: 2,
        rectification: { finding: '核实属实：三日内重新上门检修，并回访群众' },
      });

      // The cadre sees a 整改 task carrying the finding, never the rating or its comment.
      const task = await l.get(cadre, id);
      expect(task).toMatchObject({
        status: 'rectifying',
        ratings: [],
        rectification: { finding: '核实属实：三日内重新上门检修，并回访群众' },
        allowedActions: ['reply', 'resolve'],
      });
      expect(JSON.stringify(task)).not.toContain('修了等于没修');
      expect(task.timeline.find((e) => e.action === 'rate')).toMatchObject({
        fromStatus: 'resolved',
        toStatus: 'resolved',
        note: null,
      });
      const rectify = task.clocks.find((c) => c.kind === 'rectify');
      expect(rectify).toMatchObject({ standing: 'running' });
      expect(task.rectification!.dueAt).toBe(rectify!.dueAt);

      // Second round: resolved again, rated again (bad), closed whatever, flagged to the county.
      const again = await l.move(cadre, id, 'resolve', {
        version: task.version,
        outcome: 'solved',
        note: '已重新更换阀门，回访群众确认不漏了',
        publicSummary: '漏水阀门已重新更换',
      });
      expect(again).toMatchObject({ status: 'resolved', round: 2 });
      expect((await l.get(resident, id)).allowedActions).toEqual(['rate']);
      const second = await l.rate(resident, id, 2, '还是不行');
      expect(second).toMatchObject({ status: 'closed', allowedActions: [] });
      expect(await queue(county, 'flagged')).toContain(id);
      expect(await queue(staffB, 'flagged')).not.toContain(id);
      expect((await l.get(county, id)).flaggedToCounty).toBe(true);
      expect((await l.get(cadre, id)).flaggedToCounty).toBe(false);
      await l.rate(resident, id, 5, '').catch((e: Error) => expect(e.message).toContain('409'));
    });

    it('unfounded: closed, the rating excluded from every figure with its reason', async () => {
      const { resident, id } = await l.rated(1, '故意差评');
      const seen = await l.get(staffA, id);
      const wrong = await l.move(
        staffA,
        id,
        'verify',
        { version: seen.version, founded: false, reason: 'because', note: '群众说的不是这件事' },
        400,
      );
      expect(wrong.details).toEqual([{ field: 'reason', message: '请选择不属实的原因' }]);
      const closed = await l.move(staffA, id, 'verify', {
        version: seen.version,
        founded: false,
        reason: 'malicious',
        note: '群众与干部有私人矛盾，事情已办好',
      });
      expect(closed).toMatchObject({
        status: 'closed',
        ratings: [{ level: 1, excluded: true }],
        timeline: expect.arrayContaining([
          expect.objectContaining({
            action: 'verify',
            note: '恶意评价：群众与干部有私人矛盾，事情已办好',
          }),
        ]),
      });
      // The cadre never learns of the verification: no step, no reason.
      const cadreView = await l.get(cadre, id);
      expect(cadreView.timeline.map((e) => e.action)).not.toContain('verify');
      expect(cadreView.status).toBe('resolved');
      expect((await l.get(resident, id)).ratings).toMatchObject([{ level: 1, excluded: true }]);
    });
  });

  describe('a cadre never learns one resident’s rating', () => {
    it('a request rated 1 and one rated 5 look the same to the cadre', async () => {
      const one = await l.rated(1, '态度很差');
      const five = await l.rated(5, '非常感谢');
      const shape = (r: Awaited<ReturnType<Loop['get']>>) => ({
        ...r,
        id: 0,
        number: '',
        submittedAt: '',
        acceptDueAt: '',
        dueAt: '',
        resolvedAt: '',
        timeline: r.timeline.map((e) => ({ ...e, id: 0, at: '' })),
        clocks: r.clocks.map((c) => ({ ...c, startedAt: '', dueAt: '', stoppedAt: '' })),
      });
      const a = await l.get(cadre, one.id);
      const b = await l.get(cadre, five.id);
      expect(a).toMatchObject({
        status: 'resolved',
        version: 0,
        contactPhoneMasked: null,
        ratings: [],
      });
      expect(shape(a)).toEqual(shape(b));
      const done = await t
        .http()
        .get('/api/inbox?status=done&pageSize=100')
        .set(bearer(cadre))
        .expect(200);
      const items = done.body.items as { id: number; status: string; version: number }[];
      const listed = items.filter((r) => r.id === one.id || r.id === five.id);
      expect(listed.map((r) => [r.status, r.version])).toEqual([
        ['resolved', 0],
        ['resolved', 0],
      ]);
      // Staff and the residents see what was given.
      expect((await l.get(staffA, one.id)).status).toBe('under_review');
      expect((await l.get(staffA, five.id)).status).toBe('closed');
      expect((await l.get(one.resident, one.id)).ratings).toMatchObject([
        { level: 1, comment: '态度很差' },
      ]);
    });
  });

  describe('转办 and 上报', () => {
    it('transfers to a cadre at the same level in the township, who then holds it; the first cadre keeps a read-only 经手 copy', async () => {
      const resident = await l.resident();
      const r = await l.submit(resident);
      const targets = await t
        .http()
        .get(`/api/requests/${r.id}/transfer-targets`)
        .set(bearer(cadre))
        .expect(200);
      const names = targets.body.items.map((x: { name: string }) => x.name);
      expect(targets.body.acrossLevels).toBe(false);
      expect(names).toContain(l.w.cadreA2.cadre.name);
      expect(names).not.toContain(l.w.cadreA.cadre.name);
      expect(names).not.toContain(l.w.cadreB.cadre.name);
      expect(names).not.toContain(l.w.staffA.displayName);
      // Not a target: a cadre of another township.
      const refused = await l.move(
        cadre,
        r.id,
        'transfer',
        { version: r.version, toUserId: l.w.cadreB.user.id, reason: '不归我们村管' },
        409,
      );
      expect(refused).toEqual(refusal('TRANSFER_TARGET_INVALID'));
      const moved = await l.move(cadre, r.id, 'transfer', {
        version: r.version,
        toUserId: l.w.cadreA2.user.id,
        reason: '这一片归李干部负责',
      });
      // The first cadre still sees it (首访负责制), without any move.
      expect(moved).toMatchObject({
        status: 'submitted',
        ownerName: l.w.cadreA2.cadre.name,
        allowedActions: [],
      });
      expect(moved.timeline.at(-1)).toMatchObject({
        action: 'transfer',
        handedTo: l.w.cadreA2.cadre.name,
        note: '这一片归李干部负责',
      });
      const handled = await t.http().get('/api/inbox/handled').set(bearer(cadre)).expect(200);
      expect(handled.body.items).toContainEqual(
        expect.objectContaining({
          id: r.id,
          ownerName: l.w.cadreA2.cadre.name,
          ownerUnitName: l.w.villageA.name,
        }),
      );
      const inbox2 = await t.http().get('/api/inbox').set(bearer(cadre2)).expect(200);
      expect(inbox2.body.items.map((x: { id: number }) => x.id)).toContain(r.id);
      // The clocks: A's accept clock is void (handed on in time), A2's run from the transfer.
      const clocks = (await l.get(cadre2, r.id)).clocks;
      expect(clocks.map((c) => [c.kind, c.ownerName, c.standing])).toEqual([
        ['accept', l.w.cadreA.cadre.name, 'void'],
        ['resolve', l.w.cadreA.cadre.name, 'void'],
        ['accept', l.w.cadreA2.cadre.name, 'running'],
        ['resolve', l.w.cadreA2.cadre.name, 'running'],
      ]);
      await l.handle(cadre2, r.id);
    });

    it('township staff may transfer inside their township; county staff may reassign across levels', async () => {
      const r = await l.submit(await l.resident());
      const byStaff = await l.move(staffA, r.id, 'transfer', {
        version: r.version,
        toUserId: l.w.cadreA2.user.id,
        reason: '请李干部就近办理',
      });
      expect(byStaff).toMatchObject({ ownerName: l.w.cadreA2.cadre.name, level: 'village' });
      const targets = await t
        .http()
        .get(`/api/requests/${r.id}/transfer-targets`)
        .set(bearer(county))
        .expect(200);
      expect(targets.body.acrossLevels).toBe(true);
      expect(targets.body.items).toContainEqual(
        expect.objectContaining({ userId: l.w.staffB.id, level: 'township' }),
      );
      const reassigned = await l.move(county, r.id, 'transfer', {
        version: byStaff.version,
        toUserId: l.w.staffB.id,
        reason: '涉及两个乡镇，由柳河乡牵头',
      });
      expect(reassigned).toMatchObject({ level: 'township', ownerName: l.w.staffB.displayName });
      // Staff B's township now holds it; staff A no longer sees it.
      await l.get(staffA, r.id, 404);
      expect((await l.get(staffB, r.id)).allowedActions).toContain('accept');
    });

    it('escalates with a reason; a deadline already missed stays missed', async () => {
      const r = await l.submit(await l.resident());
      const accepted = await l.move(cadre, r.id, 'accept', { version: r.version });
      // The village deadline passes before the cadre escalates.
      await t.app
        .get(DataSource)
        .getRepository(RequestClockEntity)
        .update({ requestId: r.id, kind: 'resolve' }, { dueAt: new Date(Date.now() - 3600e3) });
      const missing = await l.move(cadre, r.id, 'escalate', { version: accepted.version }, 400);
      expect(missing.details).toEqual([{ field: 'reason', message: '请填写上报理由' }]);
      const up = await l.move(cadre, r.id, 'escalate', {
        version: accepted.version,
        reason: '需要镇里协调水务站',
      });
      expect(up).toMatchObject({
        status: 'submitted',
        level: 'township',
        ownerName: l.w.staffA.displayName,
      });
      const clocks = (await l.get(staffA, r.id)).clocks;
      expect(clocks.map((c) => [c.kind, c.ownerName, c.standing])).toEqual([
        ['accept', l.w.cadreA.cadre.name, 'met'],
        ['resolve', l.w.cadreA.cadre.name, 'missed'],
        ['accept', l.w.staffA.displayName, 'running'],
        ['resolve', l.w.staffA.displayName, 'running'],
      ]);
      // The staff's acceptance is their own, measured from the escalation.
      const taken = await l.move(staffA, r.id, 'accept', { version: up.version });
      expect(taken.clocks[2]).toMatchObject({ standing: 'met', stoppedAt: expect.any(String) });
      expect(Date.parse(taken.clocks[2]!.startedAt)).toBeGreaterThanOrEqual(
        Date.parse(up.timeline.at(-1)!.at),
      );
    });
  });

  describe('督办', () => {
    it('puts a mark and a note on the owner’s inbox and page, without invalidating their screen', async () => {
      const r = await l.submit(await l.resident());
      await l.move(cadre, r.id, 'supervise', { note: '请尽快办理，群众很着急' }, 403);
      const short = await l.move(staffA, r.id, 'supervise', { note: '快' }, 400);
      expect(short.details).toEqual([
        { field: 'note', message: '督办意见至少要5个字，现在只有1个字' },
      ]);
      await l.move(staffA, r.id, 'supervise', { note: '请今天内签收并联系群众' });
      await l.move(staffA, r.id, 'supervise', { note: '已超过半天，请尽快处理' });
      const inbox = await t.http().get('/api/inbox').set(bearer(cadre)).expect(200);
      const item = inbox.body.items.find((x: { id: number }) => x.id === r.id);
      expect(item.supervision).toEqual({ count: 2, lastAt: expect.any(String) });
      const page = await l.get(cadre, r.id);
      expect(page).toMatchObject({ supervisionNote: '已超过半天，请尽快处理', version: r.version });
      expect(page.timeline.filter((e) => e.action === 'supervise')).toHaveLength(2);
      // The version the cadre saw still accepts.
      await l.move(cadre, r.id, 'accept', { version: r.version });
      // Staff who own a request cannot supervise it themselves.
      const own = await l.submit(await l.resident(), {
        category: 'conduct',
        text: '村干部办事推诿拖拉',
      });
      expect(own.ownerName).toBe(l.w.staffA.displayName);
      expect(await l.move(staffA, own.id, 'supervise', { note: '自己督办自己的事' }, 403)).toEqual(
        refusal('OWN_WORK'),
      );
    });
  });

  describe('当场解决', () => {
    const record = (token: string, body: Record<string, unknown> = {}, status = 201) =>
      t
        .http()
        .post('/api/requests/on-spot')
        .set(bearer(token))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'visit',
          category: 'difficulty',
          subTopic: 'housing_safety',
          text: '老人家里的电线老化，插座冒火花',
          note: '当场帮忙更换了插座和一段电线',
          consent: true,
          publicSummary: '老化电线已更换',
          ...body,
        })
        .expect(status);

    it('counts only once the resident confirms, with the phone the cadre recorded', async () => {
      const phone = uniquePhone();
      const { body } = await record(cadre, { residentPhone: phone });
      expect(body.request).toMatchObject({
        status: 'pending_confirmation',
        allowedActions: ['cancel'],
      });
      expect(body.confirmation.link).toMatch(/\/confirm\/[0-9A-Za-z]{24}$/);
      expect(body.confirmation.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      const token = body.confirmation.link.split('/').pop();
      const id = body.request.id as number;

      const before = await t.http().get('/api/stats/cadres').set(bearer(staffA)).expect(200);
      const preview = await t.http().get(`/api/confirmations/${token}`).expect(200);
      expect(preview.body).toMatchObject({
        state: 'pending',
        expired: false,
        cadreName: l.w.cadreA.cadre.name,
        note: '当场帮忙更换了插座和一段电线',
        phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      });
      // Someone else signed in cannot confirm it; the cadre cannot either.
      const stranger = await l.resident();
      expect(
        (
          await t
            .http()
            .post(`/api/confirmations/${token}`)
            .set(bearer(stranger))
            .send({})
            .expect(403)
        ).body,
      ).toEqual(refusal('CONFIRMATION_OTHER_PHONE'));
      await t.http().post(`/api/confirmations/${token}`).set(bearer(cadre)).send({}).expect(403);
      const resident = await l.resident(phone);
      const confirmed = await t
        .http()
        .post(`/api/confirmations/${token}`)
        .set(bearer(resident))
        .send({})
        .expect(200);
      expect(confirmed.body).toMatchObject({ id, status: 'resolved', allowedActions: ['rate'] });
      // A second tap shows the result instead of an error.
      await t.http().post(`/api/confirmations/${token}`).set(bearer(resident)).send({}).expect(200);
      const after = await t.http().get('/api/stats/cadres').set(bearer(staffA)).expect(200);
      const row = (b: typeof after.body) =>
        b.rows.find((x: { cadreId: number }) => x.cadreId === l.w.cadreA.cadre.id);
      expect(row(after.body).resolved).toBe(row(before.body).resolved + 1);
      await l.rate(resident, id, 5);
      expect((await l.get(resident, id)).status).toBe('closed');
    });

    it('a new code replaces the old; an expired code is refused; the cadre can cancel', async () => {
      const { body } = await record(cadre, { residentPhone: uniquePhone() });
      const id = body.request.id as number;
      const first = body.confirmation.link.split('/').pop();
      const again = await t
        .http()
        .post(`/api/requests/${id}/confirmation`)
        .set(bearer(cadre))
        .send({ sendSms: true })
        .expect(200);
      expect(again.body.smsSentTo).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(again.body.devSms).toContain(again.body.link);
      // The replaced code shows nothing more of the resident's matter.
      await t.http().get(`/api/confirmations/${first}`).expect(404);
      // One SMS a minute at the most for a record.
      expect(
        (
          await t
            .http()
            .post(`/api/requests/${id}/confirmation`)
            .set(bearer(cadre))
            .send({ sendSms: true })
            .expect(429)
        ).body,
      ).toEqual(refusal('SMS_RATE_LIMITED'));
      const resident = await l.resident();
      expect(
        (await t.http().post(`/api/confirmations/${first}`).set(bearer(resident)).send({})).status,
      ).toBe(403);
      await t.app
        .get(DataSource)
        .getRepository(RequestConfirmationEntity)
        .update({ requestId: id }, { expiresAt: new Date(Date.now() - 1000) });
      const second = again.body.link.split('/').pop();
      expect((await t.http().get(`/api/confirmations/${second}`).expect(200)).body.expired).toBe(
        true,
      );
      // Only its owner may show a code.
      await t
        .http()
        .post(`/api/requests/${id}/confirmation`)
        .set(bearer(cadre2))
        .send({})
        .expect(404);
      const cancelled = await l.move(cadre, id, 'cancel', {
        version: body.request.version,
        reason: '群众不在家',
      });
      expect(cancelled).toMatchObject({ status: 'withdrawn', allowedActions: [] });
      expect((await t.http().get(`/api/confirmations/${second}`).expect(200)).body.state).toBe(
        'cancelled',
      );
      await t.http().get('/api/confirmations/not-a-token').expect(404);
    });

    it('refuses a conduct complaint as 当场解决, and a resident cannot record one', async () => {
      const res = await record(cadre, { residentPhone: uniquePhone(), category: 'conduct' }, 400);
      expect(res.body.details[0].field).toBe('category');
      await record(await l.resident(), { residentPhone: uniquePhone() }, 403);
    });
  });

  describe('staff rescue and the edges', () => {
    it('the resident can confirm from their own list; staff can clear a record nobody confirmed', async () => {
      const phone = uniquePhone();
      const recorded = await t
        .http()
        .post('/api/requests/on-spot')
        .set(bearer(cadre))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'phone',
          category: 'policy',
          text: '问新农合缴费的截止时间',
          note: '电话里当场告诉了截止时间和缴费方式',
          publicSummary: '已答复新农合缴费时间',
          residentPhone: phone,
          consent: true,
        })
        .expect(201);
      const id = recorded.body.request.id as number;
      const resident = await l.resident(phone);
      expect((await l.get(resident, id)).allowedActions).toEqual(['confirm']);
      const confirmed = await l.move(resident, id, 'confirm', {});
      expect(confirmed).toMatchObject({ status: 'resolved', allowedActions: ['rate'] });
      const link = String(recorded.body.confirmation.link).split('/').pop();
      expect((await t.http().get(`/api/confirmations/${link}`).expect(200)).body.state).toBe(
        'confirmed',
      );

      const stale = await t
        .http()
        .post('/api/requests/on-spot')
        .set(bearer(cadre))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'visit',
          category: 'difficulty',
          text: '门口的水沟堵了，下雨就淹',
          note: '当场帮忙清了水沟',
          publicSummary: '门口水沟已疏通',
          residentPhone: uniquePhone(),
          consent: true,
        })
        .expect(201);
      const staffView = await l.get(staffA, stale.body.request.id);
      expect(staffView.allowedActions).toEqual(['cancel']);
      const cleared = await l.move(staffA, stale.body.request.id, 'cancel', {
        version: staffView.version,
        reason: '干部已调走，群众一直没有确认',
      });
      expect(cleared).toMatchObject({ status: 'withdrawn' });
    });

    it('staff who handled a request read it as a cadre does: no ratings of their own work', async () => {
      const resident = await l.resident();
      const own = await l.submit(resident, {
        category: 'conduct',
        subTopic: 'attitude',
        text: '村干部说话很冲，态度不好',
      });
      expect(own.ownerName).toBe(l.w.staffA.displayName);
      await l.handle(staffA, own.id, '已找干部谈话，当面向群众道歉');
      await l.rate(resident, own.id, 1, '道歉也不真诚');
      const seen = await l.get(staffA, own.id);
      expect(seen).toMatchObject({ status: 'resolved', ratings: [], version: 0 });
      expect(await queue(staffA, 'review')).not.toContain(own.id);
      // The county sees it, and verifies it.
      expect(await queue(county, 'review')).toContain(own.id);
      expect((await l.get(county, own.id)).ratings).toMatchObject([{ level: 1 }]);
    });

    it('county staff may verify a bad review of their own work: nobody stands above them', async () => {
      const resident = await l.resident();
      const r = await l.submit(resident);
      await l.move(cadre, r.id, 'escalate', { version: r.version, reason: '需要镇里协调处理' });
      const up = await l.get(staffA, r.id);
      await l.move(staffA, r.id, 'escalate', { version: up.version, reason: '需要县里协调处理' });
      await l.handle(county, r.id, '县里协调解决了');
      await l.rate(resident, r.id, 2);
      const seen = await l.get(county, r.id);
      expect(seen.allowedActions).toEqual(['verify']);
      await l.move(county, r.id, 'verify', {
        version: seen.version,
        founded: true,
        finding: '回访属实，县里重新安排施工队',
      });
      expect((await l.get(county, r.id)).status).toBe('rectifying');
    });

    it('a cadre who files a conduct complaint for a resident follows it; one it is about never sees it', async () => {
      const filed = await t
        .http()
        .post('/api/requests/on-behalf')
        .set(bearer(cadre2))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'visit',
          category: 'conduct',
          subTopic: 'inaction',
          text: '群众反映村里办低保拖了三个月没人管',
          residentPhone: uniquePhone(),
          consent: true,
        })
        .expect(201);
      expect(filed.body).toMatchObject({ ownerName: l.w.staffA.displayName, allowedActions: [] });
      const handled = await t.http().get('/api/inbox/handled').set(bearer(cadre2)).expect(200);
      expect(handled.body.items.map((x: { id: number }) => x.id)).toContain(filed.body.id);
    });

    it('escalating where the next level has no staff account says so', async () => {
      const lone = await l.f.unit('township', l.w.county);
      const village = await l.f.unit('village', lone);
      const loneCadre = await l.f.cadre(village);
      const token = await l.as(loneCadre.user);
      const r = await l.submit(await l.resident(), {}, loneCadre.card.code);
      expect(
        await l.move(
          token,
          r.id,
          'escalate',
          { version: r.version, reason: '需要镇里协调处理' },
          409,
        ),
      ).toEqual(refusal('ESCALATION_NO_STAFF'));
    });
  });

  describe('代填', () => {
    it('is the resident’s once they sign in with that phone; only they can rate it', async () => {
      const phone = uniquePhone();
      const filed = await t
        .http()
        .post('/api/requests/on-behalf')
        .set(bearer(cadre))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'duty_day',
          category: 'policy',
          subTopic: 'social_security',
          text: '想问问新农合怎么在手机上缴费',
          residentPhone: phone,
          consent: true,
        })
        .expect(201);
      expect(filed.body).toMatchObject({
        status: 'submitted',
        channel: 'duty_day',
        ownerName: l.w.cadreA.cadre.name,
        allowedActions: ['accept', 'reply', 'escalate', 'transfer'],
      });
      const id = filed.body.id as number;
      const resident = await l.resident(phone);
      const mine = await t.http().get('/api/requests/mine').set(bearer(resident)).expect(200);
      expect(mine.body.items.map((r: { id: number }) => r.id)).toEqual([id]);
      await l.handle(cadre, id, '已教群众用微信缴费，已缴好');
      expect(await l.move(cadre, id, 'rate', { level: 5, solved: 'solved' }, 403)).toEqual(
        refusal('NOT_REQUESTER'),
      );
      await l.rate(resident, id, 4);
    });

    it('needs the resident’s consent and a valid phone', async () => {
      const res = await t
        .http()
        .post('/api/requests/on-behalf')
        .set(bearer(cadre))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'phone',
          category: 'policy',
          text: '问低保政策怎么申请',
          residentPhone: '123',
        })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'consent',
        'residentPhone',
      ]);
    });
  });
});
