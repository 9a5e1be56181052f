import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RequestDetail } from '@mqlk/shared';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { CLOCK, type ControllableClock } from '../src/common/clock/clock';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { ContentCheckEntity } from '../src/modules/content/content-check.entity';
import { ContentChecker } from '../src/modules/content/content-checker';
import { encryptPush, pushSignature } from '../src/modules/content/wechat-push';
import { bearer } from './factories';
import { FakeServices } from './fake-services';
import { Loop, idemKey, refusal } from './loop';
import { type TestApp, startTestApp, testDialects } from './test-app';

const PUSH_TOKEN = 'pushToken2026';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_ID = 'wx0123456789abcdef';
const FLAGGED_TEXT = '村里有人天天骂街违规样例，请管一管';

/** Silent MPEG-1 layer III frames: an MP3 as long as asked. */
function mp3(seconds: number): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  return Buffer.concat(Array<Buffer>(Math.ceil((seconds * 44100) / 1152)).fill(frame));
}

describe.each(testDialects())('content security on %s', (dialect) => {
  let fake: FakeServices;
  let t: TestApp;
  let l: Loop;
  let db: DataSource;
  let checker: ContentChecker;
  let uploadDir: string;
  let codes = 0;

  beforeAll(async () => {
    fake = await new FakeServices().start();
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-content-'));
    t = await startTestApp({
      dialect,
      env: {
        UPLOAD_DIR: uploadDir,
        WECHAT_APPID: APP_ID,
        WECHAT_SECRET: 'f'.repeat(32),
        WECHAT_API_BASE: fake.url,
        WECHAT_PUSH_TOKEN: PUSH_TOKEN,
        WECHAT_PUSH_AES_KEY: AES_KEY,
        PUBLIC_BASE_URL: 'https://mqlk.example.cn',
      },
    });
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    checker = t.app.get(ContentChecker);
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const http = () => t.http();
  const checksOf = (requestId: number) =>
    db.getRepository(ContentCheckEntity).find({ where: { requestId }, order: { id: 'ASC' } });

  /** A resident signed in through WeChat: their openid is what the checks are asked under. */
  async function wechatResident(): Promise<{ token: string; openid: string }> {
    const code = `content-${dialect}-${(codes += 1)}`;
    const res = await http().post('/api/auth/wechat/sign-in').send({ code }).expect(200);
    return { token: res.body.token as string, openid: FakeServices.openidOf(code) };
  }

  async function photo(token: string): Promise<number> {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
    const res = await http()
      .post('/api/photos')
      .set(bearer(token))
      .attach('file', jpeg, { filename: 'a.jpg', contentType: 'image/jpeg' })
      .expect(201);
    return res.body.id as number;
  }

  async function voice(token: string): Promise<number> {
    const res = await http()
      .post('/api/voices')
      .set(bearer(token))
      .attach('file', mp3(2), { filename: 'v.mp3', contentType: 'audio/mpeg' })
      .expect(201);
    return res.body.id as number;
  }

  /** WeChat pushing a mediaCheckAsync verdict, signed with the token (明文模式). */
  function push(traceId: string, result: object, signature?: string) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(4).toString('hex');
    const sig = signature ?? pushSignature([PUSH_TOKEN, timestamp, nonce]);
    return http()
      .post(`/api/wechat/push?signature=${sig}&timestamp=${timestamp}&nonce=${nonce}`)
      .send({
        ToUserName: 'gh_0123456789ab',
        FromUserName: 'o_system',
        CreateTime: Number(timestamp),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: APP_ID,
        trace_id: traceId,
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90 }],
        errcode: 0,
        errmsg: 'ok',
        result,
      });
  }

  const traceOf = (url: string) => fake.mediaChecks.find((c) => c.media_url === url)!.trace_id;

  it('checks words at once and media by push, holds what WeChat flags, and the request still reaches its cadre', async () => {
    const resident = await wechatResident();
    const photoIds = [await photo(resident.token), await photo(resident.token)];
    const voiceId = await voice(resident.token);
    const sent = await l.submit(resident.token, { text: FLAGGED_TEXT, photoIds, voiceId });
    // The answer is the resident's own: nothing is held from them, and no verdict exists yet.
    expect(sent.text).toBe(FLAGGED_TEXT);
    expect(sent.contentHolds).toEqual([]);

    await checker.runOnce();
    expect(fake.textChecks.at(-1)).toEqual({
      content: FLAGGED_TEXT,
      version: 2,
      scene: 2,
      openid: resident.openid,
    });
    const media = fake.mediaChecks.slice(-3);
    expect(media.map((m) => [m.media_type, m.openid, m.version, m.scene])).toEqual([
      [2, resident.openid, 2, 2],
      [2, resident.openid, 2, 2],
      [1, resident.openid, 2, 2],
    ]);
    // WeChat fetches what it checks through the signed links, from the public origin.
    for (const m of media) {
      const url = String(m.media_url);
      expect(url.startsWith('https://mqlk.example.cn/api/')).toBe(true);
      await http().get(url.replace('https://mqlk.example.cn', '')).expect(200);
    }
    expect((await checksOf(sent.id)).map((c) => [c.item, c.state])).toEqual([
      ['text', 'held'],
      ['photo', 'awaiting'],
      ['photo', 'awaiting'],
      ['voice', 'awaiting'],
    ]);
    // The outbox kept the words only until they were sent.
    expect((await checksOf(sent.id))[0]!.content).toBeNull();

    // The cadre has the request, clocks running, without the held words and without the reason.
    const cadre = await l.as(l.w.cadreA.user);
    const seen = await l.get(cadre, sent.id);
    expect(seen.text).toBe('');
    expect(seen.preview).toBe('（文字内容待乡镇审核）');
    expect(seen.photos).toHaveLength(2);
    expect(seen.voice).not.toBeNull();
    expect(seen.contentHolds).toEqual([
      expect.objectContaining({ item: 'text', state: 'held', reason: null, reviewable: false }),
    ]);
    expect(seen.allowedActions).toContain('accept');
    expect(seen.acceptDueAt).not.toBeNull();
    const inbox = await http().get('/api/inbox?status=open').set(bearer(cadre)).expect(200);
    const listed = inbox.body.items.find((i: { id: number }) => i.id === sent.id);
    expect(listed.preview).toBe('（文字内容待乡镇审核）');
    const notices = await http().get('/api/notices').set(bearer(cadre)).expect(200);
    expect(notices.body.items.some((n: { requestId: number }) => n.requestId === sent.id)).toBe(
      true,
    );

    // The resident sees their own words, and that something is being looked at, not why.
    const own = await l.get(resident.token, sent.id);
    expect(own.text).toBe(FLAGGED_TEXT);
    expect(own.contentHolds).toEqual([
      expect.objectContaining({ item: 'text', state: 'held', reason: null, reviewable: false }),
    ]);

    // Staff in scope see everything, with WeChat's reason, and may review it; they were told.
    const staff = await l.as(l.w.staffA);
    const heldNotices = async (token: string) =>
      (
        (await http().get('/api/notices').set(bearer(token)).expect(200)).body.items as {
          kind: string;
          requestId: number;
          body: string;
        }[]
      ).filter((n) => n.kind === 'content_held' && n.requestId === sent.id);
    expect(await heldNotices(staff)).toEqual([
      expect.objectContaining({
        body: `一件诉求有内容被微信内容安全拦下，请审核：饮水问题（${sent.number}）。诉求已送到办理人手上。`,
      }),
    ]);
    expect(await heldNotices(cadre)).toEqual([]);
    expect(await heldNotices(await l.as(l.w.staffB))).toEqual([]);
    const office = await l.get(staff, sent.id);
    expect(office.text).toBe(FLAGGED_TEXT);
    expect(office.contentHolds).toEqual([
      expect.objectContaining({ item: 'text', state: 'held', reason: '辱骂', reviewable: true }),
    ]);

    // The photos' and the recording's verdicts come by push: one risky photo, the rest pass.
    await push(traceOf(String(media[0]!.media_url)), { suggest: 'risky', label: 20002 }).expect(
      200,
      'success',
    );
    await push(traceOf(String(media[1]!.media_url)), { suggest: 'pass', label: 100 }).expect(200);
    await push(traceOf(String(media[2]!.media_url)), { suggest: 'pass', label: 100 }).expect(200);
    // A repeat of a settled verdict changes nothing.
    await push(traceOf(String(media[0]!.media_url)), { suggest: 'pass', label: 100 }).expect(200);
    const after = await l.get(cadre, sent.id);
    expect(after.photos.map((p) => p.id)).toEqual([photoIds[1]]);
    expect(after.voice?.id).toBe(voiceId);
    expect(after.contentHolds.map((h) => [h.item, h.photoId, h.state])).toEqual([
      ['text', null, 'held'],
      ['photo', photoIds[0], 'held'],
    ]);
    expect((await l.get(staff, sent.id)).contentHolds[1]).toMatchObject({ reason: '色情' });
    // One notice per held item: the photo's hold told staff once more, its repeat did not.
    expect(await heldNotices(staff)).toHaveLength(2);
  });

  it('puts held items in the 内容待审 queue of staff in scope, who release or withhold each once, on the audit log', async () => {
    const resident = await wechatResident();
    const photoId = await photo(resident.token);
    const sent = await l.submit(resident.token, { text: FLAGGED_TEXT, photoIds: [photoId] });
    await checker.runOnce();
    const media = fake.mediaChecks.at(-1)!;
    await push(media.trace_id, { suggest: 'review', label: 21000 }).expect(200);

    const staff = await l.as(l.w.staffA);
    const queue = await http().get('/api/staff/requests?queue=content').set(bearer(staff));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { id: number }) => i.id)).toContain(sent.id);
    const counts = await http().get('/api/staff/requests/counts').set(bearer(staff)).expect(200);
    expect(counts.body.content).toBe(queue.body.total);
    // Another township's staff see neither the request nor its holds.
    const other = await l.as(l.w.staffB);
    const otherQueue = await http()
      .get('/api/staff/requests?queue=content')
      .set(bearer(other))
      .expect(200);
    expect(otherQueue.body.items.map((i: { id: number }) => i.id)).not.toContain(sent.id);

    const holds = (await l.get(staff, sent.id)).contentHolds;
    const [text, image] = [holds[0]!, holds[1]!];
    const review = (token: string, id: number, body: object) =>
      http().post(`/api/content-holds/${id}/review`).set(bearer(token)).send(body);

    await review(other, text.id, { decision: 'release' }).expect(404);
    await review(await l.as(l.w.cadreA.user), text.id, { decision: 'release' }).expect(403);
    const noReason = await review(staff, image.id, { decision: 'withhold', note: ' ' }).expect(400);
    expect(noReason.body.details).toEqual([{ field: 'note', message: '请填写不予转交的理由' }]);
    await review(staff, 999999, { decision: 'release' }).expect(404);

    const withheld = await review(staff, image.id, {
      decision: 'withhold',
      note: '照片与诉求无关，内容不宜转交',
    }).expect(200);
    expect((withheld.body as RequestDetail).contentHolds[1]).toMatchObject({
      state: 'withheld',
      reviewable: false,
      reviewerName: l.w.staffA.displayName,
      reviewNote: '照片与诉求无关，内容不宜转交',
      reviewedAt: expect.any(String),
    });
    const again = await review(staff, image.id, { decision: 'release' }).expect(409);
    expect(again.body).toEqual(refusal('CONTENT_ALREADY_REVIEWED'));
    await review(staff, text.id, { decision: 'release', note: '误判，是反映邻里纠纷' }).expect(200);

    // The cadre now has the words, never the withheld photo, and no staff note.
    const cadre = await l.get(await l.as(l.w.cadreA.user), sent.id);
    expect(cadre.text).toBe(FLAGGED_TEXT);
    expect(cadre.photos).toEqual([]);
    expect(cadre.contentHolds.map((h) => [h.item, h.state, h.reviewNote, h.reason])).toEqual([
      ['text', 'released', null, null],
      ['photo', 'withheld', null, null],
    ]);
    const left = await http().get('/api/staff/requests?queue=content').set(bearer(staff));
    expect(left.body.items.map((i: { id: number }) => i.id)).not.toContain(sent.id);

    const audit = await db
      .getRepository(AuditLogEntity)
      .find({ where: { targetType: 'request', targetId: sent.id }, order: { id: 'ASC' } });
    expect(
      audit.filter((a) => a.action.startsWith('content.')).map((a) => [a.action, a.detail]),
    ).toEqual([
      [
        'content.withhold',
        { number: sent.number, item: '照片', note: '照片与诉求无关，内容不宜转交' },
      ],
      ['content.release', { number: sent.number, item: '文字', note: '误判，是反映邻里纠纷' }],
    ]);
  });

  it('refuses pushes not signed with the token, answers the address check, and opens 安全模式 pushes', async () => {
    const resident = await wechatResident();
    const sent = await l.submit(resident.token, {
      text: '路灯坏了好几盏',
      photoIds: [await photo(resident.token)],
    });
    await checker.runOnce();
    const traceId = fake.mediaChecks.at(-1)!.trace_id;

    const forged = await push(traceId, { suggest: 'pass', label: 100 }, 'f'.repeat(40)).expect(403);
    expect(forged.body).toEqual(refusal('FORBIDDEN'));
    await push('trace-nobody-knows', { suggest: 'pass', label: 100 }).expect(404);
    expect((await checksOf(sent.id)).map((c) => c.state)).toEqual(['passed', 'awaiting']);

    const timestamp = '1796600000';
    const nonce = 'n0nce';
    const signature = pushSignature([PUSH_TOKEN, timestamp, nonce]);
    await http()
      .get(
        `/api/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&echostr=e42`,
      )
      .expect(200, 'e42');
    await http()
      .get(
        `/api/wechat/push?signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}&echostr=e42`,
      )
      .expect(403);

    // 安全模式: the event is encrypted with the EncodingAESKey, and msg_signature covers it.
    const Encrypt = encryptPush(
      AES_KEY,
      APP_ID,
      JSON.stringify({
        Event: 'wxa_media_check',
        trace_id: traceId,
        errcode: 0,
        result: { suggest: 'risky', label: 20001 },
      }),
    );
    const msgSignature = pushSignature([PUSH_TOKEN, timestamp, nonce, Encrypt]);
    await http()
      .post(
        `/api/wechat/push?msg_signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}`,
      )
      .send({ ToUserName: 'gh_0123456789ab', Encrypt })
      .expect(403);
    await http()
      .post(
        `/api/wechat/push?msg_signature=${msgSignature}&timestamp=${timestamp}&nonce=${nonce}&encrypt_type=aes`,
      )
      .send({ ToUserName: 'gh_0123456789ab', Encrypt })
      .expect(200, 'success');
    const [, image] = await checksOf(sent.id);
    expect(image).toMatchObject({ state: 'held', suggest: 'risky', label: 20001 });
  });

  it('tries again when WeChat fails, and holds nothing meanwhile', async () => {
    const resident = await wechatResident();
    fake.secFailing = true;
    let sent: RequestDetail;
    try {
      sent = await l.submit(resident.token, { text: FLAGGED_TEXT });
      await checker.runOnce();
    } finally {
      fake.secFailing = false;
    }
    const [waiting] = await checksOf(sent.id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting!.failure).toContain('-1 system error');
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: a pass leaves it alone.
    await checker.runOnce();
    expect((await checksOf(sent.id))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await l.get(await l.as(l.w.cadreA.user), sent.id)).text).toBe(FLAGGED_TEXT);

    (t.app.get(CLOCK) as ControllableClock).advance(10 * 60 * 1000);
    await checker.runOnce();
    expect((await checksOf(sent.id))[0]).toMatchObject({ state: 'held', attempts: 2 });
  });

  it('records why words from outside WeChat are not checked, and leaves a cadre’s own entries alone', async () => {
    // An H5 resident signed in by SMS has no openid, which msgSecCheck requires.
    const h5 = await l.resident();
    const sent = await l.submit(h5, { text: FLAGGED_TEXT });
    await checker.runOnce();
    expect(await checksOf(sent.id)).toEqual([
      expect.objectContaining({
        item: 'text',
        state: 'unchecked',
        failure: '群众没有在微信里登录过小程序，无法送微信内容安全检测',
      }),
    ]);
    expect((await l.get(await l.as(l.w.cadreA.user), sent.id)).contentHolds).toEqual([]);

    const filed = await http()
      .post('/api/requests/on-behalf')
      .set(bearer(await l.as(l.w.cadreA.user)))
      .set('Idempotency-Key', idemKey())
      .send({
        residentPhone: '13900001234',
        channel: 'phone',
        category: 'difficulty',
        subTopic: 'water',
        text: FLAGGED_TEXT,
        consent: true,
      });
    expect(filed.status).toBe(201);
    expect(await checksOf(filed.body.id as number)).toEqual([]);
  });
});
