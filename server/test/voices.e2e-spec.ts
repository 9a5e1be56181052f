import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_VOICE_BYTES } from '@mqlk/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { LOCAL_TRANSCRIPT_PREFIX } from '../src/modules/voice/transcriber';
import { RequestVoiceEntity } from '../src/modules/voice/request-voice.entity';
import { bearer } from './factories';
import { Loop, SUBMISSION, idemKey, refusal } from './loop';
import { type TestApp, startTestApp, testDialects } from './test-app';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

/** Silent MPEG-1 layer III frames (128 kbit/s, 44.1 kHz): an MP3 as long as asked. */
function mp3(seconds: number): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  return Buffer.concat(Array<Buffer>(Math.ceil((seconds * 44100) / 1152)).fill(frame));
}

/** ADTS AAC-LC frames (44.1 kHz, mono) as WeChat's recorder writes with format 'aac'. */
function adts(seconds: number): Buffer {
  const length = 64;
  const frame = Buffer.alloc(length);
  frame.set([
    0xff,
    0xf1,
    (1 << 6) | (4 << 2),
    (1 << 6) | (length >> 11),
    (length >> 3) & 0xff,
    ((length & 7) << 5) | 0x1f,
    0xfc,
  ]);
  return Buffer.concat(Array<Buffer>(Math.ceil((seconds * 44100) / 1024)).fill(frame));
}

describe.each(testDialects())('voice requests on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let db: DataSource;
  let uploadDir: string;
  let resident: string;

  beforeAll(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-voices-'));
    t = await startTestApp({ dialect, env: { UPLOAD_DIR: uploadDir } });
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    resident = await l.resident();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (data: Buffer, filename: string, contentType: string, token = resident) =>
    t.http().post('/api/voices').set(bearer(token)).attach('file', data, { filename, contentType });

  it.each<[string, () => Buffer, string, number]>([
    [
      'Chromium MediaRecorder (WebM/Opus)',
      () => fixture('voice-chromium.webm'),
      'audio/webm',
      2400,
    ],
    ['a browser MP4 (fragmented)', () => fixture('voice-chromium.m4a'), 'audio/mp4', 2421],
    ["WeChat's recorder as MP3", () => mp3(3), 'audio/mpeg', 3004],
    ["WeChat's recorder as AAC", () => adts(5), 'audio/aac', 5015],
  ])('accepts %s, decided by content, transcribed by the stand-in', async (_n, make, mime, ms) => {
    // The declared name and type are ignored: what counts is the bytes.
    const res = await upload(make(), 'recording.bin', 'application/octet-stream').expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      url: expect.stringMatching(/^\/api\/voices\/\d+\/raw\?exp=\d+&sig=[\w-]+$/),
      mime,
      durationMs: expect.any(Number),
      transcript: `${LOCAL_TRANSCRIPT_PREFIX}一段${Math.max(1, Math.round(res.body.durationMs / 1000))}秒的语音`,
    });
    expect(Math.abs(res.body.durationMs - ms)).toBeLessThan(100);
    const row = await db.getRepository(RequestVoiceEntity).findOneByOrFail({ id: res.body.id });
    expect(row).toMatchObject({ requestId: null, mime, durationMs: res.body.durationMs });
    expect(fs.existsSync(path.join(uploadDir, ...row.storageKey.split('/')))).toBe(true);
  });

  it.each<[string, () => Buffer, number, string]>([
    [
      'text that says it is audio',
      () => Buffer.from('这不是录音'.repeat(20)),
      415,
      'VOICE_UNSUPPORTED',
    ],
    [
      'a PNG',
      () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      415,
      'VOICE_UNSUPPORTED',
    ],
    ['61 seconds', () => mp3(61), 400, 'VOICE_TOO_LONG'],
    ['more than 2 MB', () => mp3(180).subarray(0, MAX_VOICE_BYTES + 1), 413, 'VOICE_TOO_LARGE'],
  ])('refuses %s', async (_n, make, status, code) => {
    const res = await upload(make(), 'voice.mp3', 'audio/mpeg').expect(status);
    expect(res.body).toEqual(refusal(code as Parameters<typeof refusal>[0]));
  });

  it('refuses an upload without a signed-in user', async () => {
    await t
      .http()
      .post('/api/voices')
      .attach('file', mp3(1), { filename: 'v.mp3', contentType: 'audio/mpeg' })
      .expect(401);
  });

  it('takes a voice-only request; the cadre and staff play it, the resident too', async () => {
    const clip = fixture('voice-chromium.webm');
    const voice = (await upload(clip, 'voice.webm', 'audio/webm').expect(201)).body;
    const { text: _text, ...withoutText } = SUBMISSION;
    const res = await t
      .http()
      .post('/api/requests')
      .set(bearer(resident))
      .set('Idempotency-Key', idemKey())
      .send({ cardCode: l.w.cadreA.card.code, ...withoutText, voiceId: voice.id })
      .expect(201);
    expect(res.body).toMatchObject({
      text: '',
      preview: '（语音诉求）',
      voice: {
        id: voice.id,
        mime: 'audio/webm',
        durationMs: 2400,
        transcript: `${LOCAL_TRANSCRIPT_PREFIX}一段2秒的语音`,
        url: expect.stringMatching(/^\/api\/voices\/\d+\/raw\?/),
      },
    });
    const id = res.body.id as number;
    for (const token of [await l.as(l.w.cadreA.user), await l.as(l.w.staffA), resident]) {
      const detail = await l.get(token, id);
      expect(detail.voice).toMatchObject({ id: voice.id, durationMs: 2400 });
      const raw = await t.http().get(detail.voice!.url).buffer(true).expect(200);
      expect(raw.headers['content-type']).toBe('audio/webm');
      expect(raw.headers['cache-control']).toBe('no-store');
      expect((raw.body as Buffer).equals(clip)).toBe(true);
    }
    // A cadre elsewhere is not shown the request, nor so its link.
    await l.get(await l.as(l.w.cadreB.user), id, 404);
  });

  it('writes the transcript into the 民情台账 where a request has no text', async () => {
    const voice = (await upload(mp3(7), 'v.mp3', 'audio/mpeg').expect(201)).body;
    const { text: _text, ...withoutText } = SUBMISSION;
    const made = await t
      .http()
      .post('/api/requests')
      .set(bearer(resident))
      .set('Idempotency-Key', idemKey())
      .send({ cardCode: l.w.cadreA.card.code, ...withoutText, voiceId: voice.id })
      .expect(201);
    const res = await t
      .http()
      .get('/api/office/ledger')
      .set(bearer(await l.as(l.w.staffA)))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const body = res.body as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    );
    const cells: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === made.body.number) cells.push(...values);
    });
    expect(cells).toContain(`（语音诉求）语音转文字：${LOCAL_TRANSCRIPT_PREFIX}一段7秒的语音`);
  });

  it('still wants text from a request without a recording', async () => {
    const res = await t
      .http()
      .post('/api/requests')
      .set(bearer(resident))
      .set('Idempotency-Key', idemKey())
      .send({ cardCode: l.w.cadreA.card.code, ...SUBMISSION, text: '' })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'text', message: '请填写诉求内容' }],
    });
  });

  it("refuses someone else's recording, and one already attached", async () => {
    const voice = (await upload(mp3(2), 'v.mp3', 'audio/mpeg').expect(201)).body;
    const other = await l.resident();
    const submit = (token: string) =>
      t
        .http()
        .post('/api/requests')
        .set(bearer(token))
        .set('Idempotency-Key', idemKey())
        .send({ cardCode: l.w.cadreA.card.code, ...SUBMISSION, voiceId: voice.id });
    const refused = await submit(other).expect(400);
    expect(refused.body.details).toEqual([
      { field: 'voiceId', message: '录音已失效，请重新录一段' },
    ]);
    await submit(resident).expect(201);
    await submit(resident).expect(400);
  });

  it('serves a recording only by an unaltered, unexpired link', async () => {
    const voice = (await upload(mp3(1), 'v.mp3', 'audio/mpeg').expect(201)).body;
    const url = voice.url as string;
    await t.http().get(url).expect(200);
    await t
      .http()
      .get(url.replace(/sig=[\w-]+/, 'sig=forged'))
      .expect(403);
    await t
      .http()
      .get(url.replace(/exp=\d+/, 'exp=1'))
      .expect(403);
    // A photo's link for the same id opens nothing: each kind has its own key.
    await t.http().get(url.replace('/api/voices/', '/api/photos/')).expect(403);
  });
});
