import { randomBytes } from 'node:crypto';
import { type ErrorCode, messageOf, type RequestDetail } from '@mqlk/shared';
import { DataSource } from 'typeorm';
import { bearer, Factory, signInResident, signInWithPassword, uniquePhone } from './factories';
import type { TestApp } from './test-app';

export type World = Awaited<ReturnType<Factory['world']>>;

export const idemKey = () => randomBytes(12).toString('hex');

/** The body every refusal answers with. */
export const refusal = (code: ErrorCode) => ({
  code,
  message: messageOf(code),
  requestId: expect.any(String),
});

export const SUBMISSION = {
  category: 'difficulty',
  subTopic: 'water',
  text: '村东头自来水停了三天了，请帮忙看看',
  consent: true,
} as const;

/**
 * The loop's HTTP calls for tests about what comes after a submission: every call goes through
 * the real app, and each answer is checked against the contract by the test app itself.
 */
export class Loop {
  readonly f: Factory;
  private tokens = new Map<string, string>();

  constructor(
    readonly t: TestApp,
    readonly w: World,
  ) {
    this.f = new Factory(t.app.get(DataSource), t.config);
  }

  static async start(t: TestApp): Promise<Loop> {
    const w = await new Factory(t.app.get(DataSource), t.config).world();
    return new Loop(t, w);
  }

  /** A password account's token, signed in once per loop. */
  async as(account: { username: string | null }): Promise<string> {
    const key = account.username ?? '';
    const known = this.tokens.get(key);
    if (known) return known;
    const token = await signInWithPassword(this.t.http(), account.username);
    this.tokens.set(key, token);
    return token;
  }

  resident(phone = uniquePhone()): Promise<string> {
    return signInResident(this.t.http(), phone);
  }

  async submit(
    residentToken: string,
    body: Record<string, unknown> = {},
    cardCode = this.w.cadreA.card.code,
  ): Promise<RequestDetail> {
    const res = await this.t
      .http()
      .post('/api/requests')
      .set(bearer(residentToken))
      .set('Idempotency-Key', idemKey())
      .send({ cardCode, ...SUBMISSION, ...body })
      .expect(201);
    return res.body as RequestDetail;
  }

  async get(token: string, id: number, status = 200) {
    return (await this.t.http().get(`/api/requests/${id}`).set(bearer(token)).expect(status))
      .body as RequestDetail;
  }

  /** One move; `status` is what the answer must be (200 unless a refusal is expected). */
  async move(token: string, id: number, action: string, body: object = {}, status = 200) {
    const res = await this.t
      .http()
      .post(`/api/requests/${id}/${action}`)
      .set(bearer(token))
      .send(body);
    if (res.status !== status) {
      throw new Error(`${action} on ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as RequestDetail & {
      visible?: false;
      code?: string;
      details?: { field: string; message: string }[];
    };
  }

  /** Accept (when submitted) and resolve, as the owner. */
  async handle(
    ownerToken: string,
    id: number,
    note = '已联系供水站修好了管道',
    publicSummary = '供水管道已修好',
  ): Promise<RequestDetail> {
    let r = await this.get(ownerToken, id);
    if (r.status === 'submitted')
      r = await this.move(ownerToken, id, 'accept', { version: r.version });
    return this.move(ownerToken, id, 'resolve', {
      version: r.version,
      outcome: 'solved',
      note,
      publicSummary,
    });
  }

  rate(residentToken: string, id: number, level: 1 | 2 | 3 | 4 | 5, comment = '') {
    return this.move(residentToken, id, 'rate', {
      level,
      solved: level >= 3 ? 'solved' : 'unsolved',
      ...(comment ? { comment } : {}),
    });
  }

  /** A request submitted through cadre A's card, handled and rated `level` by its resident. */
  async rated(level: 1 | 2 | 3 | 4 | 5, comment = '') {
    const resident = await this.resident();
    const r = await this.submit(resident);
    await this.handle(await this.as(this.w.cadreA.user), r.id);
    await this.rate(resident, r.id, level, comment);
    return { resident, id: r.id };
  }
}
