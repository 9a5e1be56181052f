import { type ErrorCode, messageOf } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { bearer, Factory, signInResident } from './factories';
import { type TestApp, startTestApp, testDialects } from './test-app';

/** What the world outside sends or does to the server: broken bodies, outages, floods. */

const errorBody = (code: ErrorCode, extra: Record<string, unknown> = {}) => ({
  code,
  message: messageOf(code),
  requestId: expect.any(String),
  ...extra,
});

describe.each(testDialects())('what clients send, on %s', (dialect) => {
  let t: TestApp;
  let resident: string;
  let cardCode: string;

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    const f = new Factory(t.app.get(DataSource), t.config);
    const village = await f.unit('village', await f.unit('township', null));
    cardCode = (await f.cadre(village)).card.code;
    resident = await signInResident(t.http());
  });
  afterAll(() => t.close());

  describe('a malformed photo upload', () => {
    const broken = errorBody('VALIDATION_FAILED', {
      details: [{ field: 'file', message: '照片没有完整传上来，请重新上传' }],
    });
    const post = (contentType: string, body: string) =>
      t
        .http()
        .post('/api/photos')
        .set(bearer(resident))
        .set('content-type', contentType)
        .send(body);
    const part =
      'Content-Disposition: form-data; name="file"; filename="a.jpg"\r\n' +
      'Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 not all of a photo';

    it('answers 400 when the multipart content type has no boundary', async () => {
      const res = await post('multipart/form-data', `--x\r\n${part}\r\n--x--\r\n`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(broken);
    });

    it('answers 400 when the body ends inside a part', async () => {
      const res = await post('multipart/form-data; boundary=mqlk', `--mqlk\r\n${part}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(broken);
    });

    it('answers 400 when the body ends inside a part’s headers', async () => {
      const res = await post('multipart/form-data; boundary=mqlk', '--mqlk\r\nContent-Disposi');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(broken);
    });

    it('logs none of these as an unhandled error', () => {
      expect(t.logs().filter((l) => l.msg === 'unhandled error')).toEqual([]);
    });
  });

  describe('the Idempotency-Key of a submission', () => {
    const submit = (key: string | null) => {
      const req = t.http().post('/api/requests').set(bearer(resident));
      if (key !== null) void req.set('Idempotency-Key', key);
      return req.send({
        cardCode,
        category: 'difficulty',
        text: '村口的路灯坏了一个多月了，晚上很黑',
        consent: true,
      });
    };
    const refusal = (message: string) =>
      errorBody('VALIDATION_FAILED', { details: [{ field: 'Idempotency-Key', message }] });

    it('is asked for when it is missing', async () => {
      const res = await submit(null);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(refusal('提交缺少防重复标识，请刷新页面后重新提交'));
    });

    it.each(['abc', 'short12', 'has spaces in it', 'semi;colon;key', 'k'.repeat(65)])(
      'is told it is malformed when it is %p',
      async (key) => {
        const res = await submit(key);
        expect(res.status).toBe(400);
        expect(res.body).toEqual(refusal('防重复标识格式不对，应为8到64位字母或数字'));
      },
    );

    it('lets a well-formed key through', async () => {
      await submit('abcd1234').expect(201);
    });
  });
});
