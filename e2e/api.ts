import { randomBytes } from 'node:crypto';

/**
 * The product's API, for arranging what a browser flow starts from (a request already rated, a
 * resident already signed in) so that each flow clicks through only the part it is about.
 */
export class Api {
  constructor(private readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async signIn(username: string, password = 'Demo@2026'): Promise<string> {
    const r = await this.call<{ token: string }>('POST', '/api/auth/staff/sign-in', null, {
      username,
      password,
    });
    return r.token;
  }

  /** A resident signs in the H5 way; the trial SMS stand-in hands the code back. */
  async resident(phone: string): Promise<{ token: string; session: unknown }> {
    const sent = await this.call<{ devCode: string }>('POST', '/api/auth/sms/send', null, {
      phone,
    });
    const session = await this.call<{ token: string }>('POST', '/api/auth/sms/sign-in', null, {
      phone,
      code: sent.devCode,
    });
    return { token: session.token, session };
  }

  submit(token: string, cardCode: string, text: string) {
    return this.call<{ id: number; number: string; version: number }>(
      'POST',
      '/api/requests',
      token,
      { cardCode, category: 'difficulty', subTopic: 'water', text, consent: true },
      { 'idempotency-key': randomBytes(12).toString('hex') },
    );
  }

  detail(token: string, id: number) {
    return this.call<{ version: number; status: string }>('GET', `/api/requests/${id}`, token);
  }

  async move(token: string, id: number, action: string, body: Record<string, unknown> = {}) {
    const { version } = await this.detail(token, id);
    return this.call('POST', `/api/requests/${id}/${action}`, token, { version, ...body });
  }

  /** Accept and resolve, as the owner. */
  async handle(
    token: string,
    id: number,
    note = '已经联系水务站修好了管道',
    publicSummary = '反映的事已办好',
  ) {
    await this.move(token, id, 'accept');
    return this.move(token, id, 'resolve', { outcome: 'solved', note, publicSummary });
  }

  rate(token: string, id: number, level: number, comment = '') {
    return this.call('POST', `/api/requests/${id}/rate`, token, {
      level,
      solved: level >= 3 ? 'solved' : 'unsolved',
      comment,
    });
  }
}

export const randomPhone = () =>
  `139${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0')}`;
