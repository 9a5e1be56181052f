import { randomBytes } from 'node:crypto';
import type { RequestSummary, SignInResult } from '@mqlk/shared';
import { bearer, signInResident, uniquePhone } from './factories';
import { idemKey, Loop, refusal } from './loop';
import { type TestApp, startTestApp } from './test-app';

/**
 * 微信手机号登录 against the local WeChat stand-in: `local-phone:<number>` is the phone WeChat
 * vouches for, any wx.login code a stable openid.
 */
describe('微信手机号登录: the phone WeChat vouches for links the resident', () => {
  let t: TestApp;
  let loop: Loop;
  let cadre: string;

  beforeAll(async () => {
    t = await startTestApp();
    loop = await Loop.start(t);
    cadre = await loop.as(loop.w.cadreA.user);
  });
  afterAll(() => t?.close());

  const wxCode = () => `wx-${randomBytes(6).toString('hex')}`;

  const phoneSignIn = async (code: string, phone: string, status = 200) =>
    (
      await t
        .http()
        .post('/api/auth/wechat/phone')
        .send({ code, phoneCode: `local-phone:${phone}` })
        .expect(status)
    ).body as SignInResult & { code?: string };

  const wechatSignIn = async (code: string) =>
    (await t.http().post('/api/auth/wechat/sign-in').send({ code }).expect(200))
      .body as SignInResult;

  const fileFor = async (phone: string, text = '老人反映村口的路灯坏了一个多月') =>
    (
      await t
        .http()
        .post('/api/requests/on-behalf')
        .set(bearer(cadre))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'visit',
          category: 'difficulty',
          subTopic: 'roads',
          text,
          residentPhone: phone,
          consent: true,
        })
        .expect(201)
    ).body as { id: number };

  const mine = async (token: string) =>
    (
      (await t.http().get('/api/requests/mine').set(bearer(token)).expect(200)).body as {
        items: RequestSummary[];
      }
    ).items.map((r) => r.id);

  it('a request a cadre filed for the phone (代填) is in 我反映的事情 at once, and the phone and the WeChat are one account', async () => {
    const phone = uniquePhone();
    const filed = await fileFor(phone);
    const code = wxCode();

    const session = await phoneSignIn(code, phone);
    expect(session.user).toMatchObject({
      role: 'resident',
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
    });
    expect(await mine(session.token)).toEqual([filed.id]);
    // The same person later: by WeChat alone, or by SMS in a browser, reaches the same account.
    expect((await wechatSignIn(code)).user.id).toBe(session.user.id);
    const bySms = await signInResident(t.http(), phone);
    expect(await mine(bySms)).toEqual([filed.id]);
  });

  it('a WeChat account used before the phone was known joins the account of its phone, with its requests', async () => {
    const phone = uniquePhone();
    const code = wxCode();
    const before = await wechatSignIn(code);
    expect(before.user.phoneMasked).toBeNull();
    const own = await loop.submit(before.token);
    const told = await loop.submit(before.token);
    await loop.move(await loop.as(loop.w.cadreA.user), told.id, 'accept', {
      version: told.version,
    });
    const filed = await fileFor(phone);

    const session = await phoneSignIn(code, phone);
    expect(session.user.id).not.toBe(before.user.id);
    expect((await mine(session.token)).sort()).toEqual([own.id, told.id, filed.id].sort());
    // The request stays the resident's to act on: they may still withdraw what they submitted.
    const detail = await loop.get(session.token, own.id);
    expect(detail.allowedActions).toContain('withdraw');
    expect((await wechatSignIn(code)).user.id).toBe(session.user.id);
    expect(await mine(before.token)).toEqual([]);
    // What they were told before comes along: 已签收 is in the joined account's 消息.
    const notices = await t.http().get('/api/notices').set(bearer(session.token)).expect(200);
    expect(
      (notices.body.items as { kind: string; requestId: number }[]).filter(
        (n) => n.requestId === told.id,
      ),
    ).toEqual([expect.objectContaining({ kind: 'accepted' })]);
  });

  it('a WeChat account with no request anywhere for the phone keeps its id and gains the phone', async () => {
    const code = wxCode();
    const before = await wechatSignIn(code);
    const phone = uniquePhone();
    const session = await phoneSignIn(code, phone);
    expect(session.user.id).toBe(before.user.id);
    expect(session.user.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    // First time seen at all: one new account, reached by both.
    const fresh = await phoneSignIn(wxCode(), uniquePhone());
    expect(fresh.user.role).toBe('resident');
  });

  it('refuses a phone another WeChat already holds, and a code WeChat refused', async () => {
    const phone = uniquePhone();
    const filed = await fileFor(phone);
    await phoneSignIn(wxCode(), phone);
    const other = await t
      .http()
      .post('/api/auth/wechat/phone')
      .send({ code: wxCode(), phoneCode: `local-phone:${phone}` })
      .expect(409);
    expect(other.body).toEqual(refusal('PHONE_LINKED_ELSEWHERE'));

    const refused = await t
      .http()
      .post('/api/auth/wechat/phone')
      .send({ code: wxCode(), phoneCode: 'refuse' })
      .expect(401);
    expect(refused.body).toEqual(refusal('WECHAT_PHONE_FAILED'));

    const bad = await t.http().post('/api/auth/wechat/phone').send({ code: wxCode() }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(filed.id).toBeGreaterThan(0);
  });
});
