import { cardAloud, messageOf, requestDetailAloud } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import { CadreEntity } from '../src/modules/cadre/cadre.entity';
import {
  LocalToneSynthesizer,
  SPEECH_SYNTHESIZER,
  speechSynthesizerFor,
} from '../src/modules/speech/speech-synthesizer';
import { bearer } from './factories';
import { Loop, refusal } from './loop';
import { type TestApp, startTestApp } from './test-app';

describe('读给我听: the server text-to-speech (weapp)', () => {
  let t: TestApp;
  let loop: Loop;
  let synthesizer: LocalToneSynthesizer;

  beforeAll(async () => {
    t = await startTestApp();
    loop = await Loop.start(t);
    synthesizer = t.app.get(SPEECH_SYNTHESIZER);
  });
  afterAll(() => t?.close());

  it('speaks a card once: the words from the shared rules, the audio cached for the next call', async () => {
    const { cadre, card } = loop.w.cadreA;
    const phone = new PhoneCipher(t.config).decrypt(
      (await t.app.get(DataSource).getRepository(CadreEntity).findOneByOrFail({ id: cadre.id }))
        .phoneEnc,
    );
    const before = synthesizer.calls;
    const first = await t.http().get(`/api/speech/cards/${card.code}`).expect(200);
    expect(first.body).toEqual({
      text: cardAloud({ name: cadre.name, post: '网格员', phone, duties: cadre.duties }),
      audioUrl: expect.stringMatching(/^\/api\/speech\/audio\/[0-9a-f]{40}\.wav$/),
    });
    expect(first.body.text).toContain('电话：幺');
    const second = await t.http().get(`/api/speech/cards/${card.code}`).expect(200);
    expect(second.body).toEqual(first.body);
    expect(synthesizer.calls).toBe(before + 1);

    const audio = await t.http().get(first.body.audioUrl).buffer(true).expect(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect(audio.headers['cache-control']).toBe('private, max-age=86400');
    const wav = audio.body as Buffer;
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('ascii')).toBe('WAVE');
    expect(wav.readUInt32LE(24)).toBe(16000);
  });

  it('refuses a card code that is wrong, and audio that was never made', async () => {
    const bad = await t.http().get('/api/speech/cards/notacard').expect(400);
    expect(bad.body).toEqual(refusal('CARD_CODE_INVALID'));
    for (const name of [`${'0'.repeat(40)}.wav`, '..%2F..%2Fetc%2Fpasswd', 'abc.wav']) {
      const res = await t.http().get(`/api/speech/audio/${name}`).expect(404);
      expect(res.body).toEqual(refusal('NOT_FOUND'));
    }
  });

  it("speaks a request's status, next step and deadline to the resident who asked, and to no one else", async () => {
    const resident = await loop.resident();
    const r = await loop.submit(resident);
    const res = await t
      .http()
      .get(`/api/speech/requests/${r.id}`)
      .set(bearer(resident))
      .expect(200);
    // The test app's clock is the system's unless moved; the words name days, not seconds.
    expect(res.body.text).toBe(requestDetailAloud(r, new Date()));
    expect(res.body.text).toContain('现在的状态：待签收。等办理人签收，签收以后就开始办理。');

    const other = await loop.resident();
    const stranger = await t.http().get(`/api/speech/requests/${r.id}`).set(bearer(other));
    expect([403, 404]).toContain(stranger.status);
    expect(stranger.body.message).toBe(messageOf(stranger.body.code));

    const cadre = await loop.as(loop.w.cadreA.user);
    const asCadre = await t
      .http()
      .get(`/api/speech/requests/${r.id}`)
      .set(bearer(cadre))
      .expect(403);
    expect(asCadre.body).toEqual(refusal('FORBIDDEN'));
    await t.http().get(`/api/speech/requests/${r.id}`).expect(401);
  });

  it('the local stand-in is refused in production, by the configuration and by the factory', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'mariadb://mqlk:pw@db.internal:3306/mqlk',
      PUBLIC_BASE_URL: 'https://mqlk.example.gov.cn',
      TOKEN_SECRET: 'x'.repeat(48),
      PHONE_ENC_KEY: Buffer.alloc(32, 7).toString('base64'),
      SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send',
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
      WECHAT_PUSH_TOKEN: 'pushToken2026',
      S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com',
      S3_BUCKET: 'mqlk-photos-1250000000',
      S3_ACCESS_KEY: 'AKIDEXAMPLE',
      S3_SECRET_KEY: 'secret-example',
    };
    expect(() => loadConfig(production)).toThrow(
      /TTS_SECRET_ID: required when NODE_ENV=production[\s\S]*TTS_SECRET_KEY: required/,
    );
    expect(() => speechSynthesizerFor({ ...t.config, nodeEnv: 'production', tts: null })).toThrow(
      /Text-to-speech .*local stand-in cannot run with NODE_ENV=production/,
    );
  });
});
