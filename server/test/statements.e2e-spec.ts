import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { metricLedgerFor } from '../src/database/metric-ledger-for';
import { bearer, uniquePhone } from './factories';
import { idemKey, Loop, SUBMISSION } from './loop';
import { type TestApp, startTestApp, testDialects } from './test-app';

/**
 * The hot calls' statements (issue 11): each is a round trip the caller waits for, and the scan
 * benchmark's throughput follows their count. They are counted at TypeORM's logger, which every
 * query, raw or built, passes through. A new request's answer is built from the rows its
 * transaction wrote, and its figures' facts from the same rows: both are checked here against
 * what reading them back gives.
 */
describe.each(testDialects())('statements per hot call on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let seen: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    Object.assign(t.app.get(DataSource).logger, {
      logQuery: (query: string) => void seen.push(query.replace(/\s+/g, ' ').slice(0, 160)),
    });
  });
  afterAll(() => t.close());

  const traced = async <T>(call: () => Promise<T>) => {
    seen = [];
    const result = await call();
    const statements = seen;
    if (process.env.STATEMENTS_PRINT) console.log(statements.join('\n'));
    return { result, statements };
  };

  const post = (token: string, path: string, body: object, key = idemKey()) =>
    t.http().post(path).set(bearer(token)).set('Idempotency-Key', key).send(body).expect(201);

  /** The answer a new request came back with is the page reading it back shows. */
  const sameAsReadBack = async (token: string, answer: { id: number }) => {
    const read = await t.http().get(`/api/requests/${answer.id}`).set(bearer(token)).expect(200);
    expect(answer).toEqual(read.body);
  };

  it('a submission through a plain card: 18 statements, no reads after the card and the guard', async () => {
    const resident = await l.resident();
    await l.submit(resident);
    const { result, statements } = await traced(() =>
      post(resident, '/api/requests', { cardCode: l.w.cadreA.card.code, ...SUBMISSION }),
    );
    // the guard's account, the card with its cadre and unit, the day's number, then the
    // transaction: request, clock, timeline, notice, delivery, 6 figures' rows, the content
    // checks (内容安全's outbox), idempotency.
    // (TypeORM reads each inserted row's defaults back on SQLite, the zero-setup default.)
    if (dialect === 'mariadb') {
      expect(statements.filter((s) => /^SELECT/i.test(s))).toHaveLength(2);
      expect(statements).toHaveLength(18);
    } else {
      expect(statements.length).toBeLessThanOrEqual(22);
    }
    await sameAsReadBack(resident, result.body);
  });

  it('a retry with the same key answers the first request, read back', async () => {
    const resident = await l.resident();
    const key = idemKey();
    const body = { cardCode: l.w.cadreA.card.code, ...SUBMISSION };
    const first = await post(resident, '/api/requests', body, key);
    const again = await post(resident, '/api/requests', body, key);
    expect(again.body).toEqual(first.body);
  });

  it('a conduct complaint, a photo, a 代填 and a 当场解决 answer what reading them back shows', async () => {
    const resident = await l.resident();
    const conduct = await post(resident, '/api/requests', {
      cardCode: l.w.cadreA.card.code,
      ...SUBMISSION,
      category: 'conduct',
      subTopic: 'inaction',
    });
    expect(conduct.body.ownerName).toBe(l.w.staffA.displayName);
    await sameAsReadBack(resident, conduct.body);

    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    const photo = await t
      .http()
      .post('/api/photos')
      .set(bearer(resident))
      .attach('file', png, { filename: 'p.png', contentType: 'image/png' })
      .expect(201);
    const photoKey = idemKey();
    const photoBody = { cardCode: l.w.cadreA.card.code, ...SUBMISSION, photoIds: [photo.body.id] };
    const withPhoto = await post(resident, '/api/requests', photoBody, photoKey);
    expect(withPhoto.body.photos).toHaveLength(1);
    await sameAsReadBack(resident, withPhoto.body);
    // A retry fails on the photo the first took, finds the first call's record and answers it.
    const again = await post(resident, '/api/requests', photoBody, photoKey);
    expect(again.body.id).toBe(withPhoto.body.id);

    const cadre = await l.as(l.w.cadreA.user);
    const phone = uniquePhone();
    const filed = await post(cadre, '/api/requests/on-behalf', {
      channel: 'visit',
      category: 'policy',
      text: '老人想问问高龄补贴怎么申请',
      residentPhone: phone,
      consent: true,
    });
    expect(filed.body.clocks.length).toBeGreaterThan(0);
    await sameAsReadBack(cadre, filed.body);

    const onSpot = await post(cadre, '/api/requests/on-spot', {
      channel: 'visit',
      category: 'difficulty',
      text: '门口的路灯不亮了，晚上看不见',
      note: '当场换了灯泡',
      publicSummary: '门口路灯已修好',
      residentPhone: phone,
      consent: true,
    });
    await sameAsReadBack(cadre, onSpot.body.request);

    // The facts written from the new rows are the facts the raw rows give.
    const check = await metricLedgerFor(t.app.get(DataSource)).reconcile(
      l.w.county.path,
      { from: '2000-01-01', to: '2099-12-31' },
      new Date(),
    );
    expect(check.staleRequests).toEqual([]);
    expect(check.rollupProblems).toEqual([]);
  });

  it('a card view: 2 statements', async () => {
    const code = l.w.cadreA.card.code;
    await t.http().get(`/api/cards/${code}`).expect(200);
    const { statements } = await traced(() => t.http().get(`/api/cards/${code}`).expect(200));
    expect(statements).toHaveLength(2);
  });
});
