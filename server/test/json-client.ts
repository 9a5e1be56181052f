import { bearer } from './factories';
import type { TestApp } from './test-app';

/** An answer's body as the office suites read it: a record, or a refusal with its details. */
export type Body = Record<string, unknown> & {
  code?: string;
  details?: { field: string; message: string }[];
};

/**
 * GET and POST as someone (or no one) through the real app, failing the test with the answer's
 * body when the status is not the expected one. `app` is read at each call: suites start their
 * app in beforeAll.
 */
export function jsonClient(app: () => TestApp) {
  const call = async (
    token: string | null,
    method: 'get' | 'post',
    path: string,
    body: object | undefined,
    status: number,
  ): Promise<Body> => {
    let req = app().http()[method](path);
    if (token) req = req.set(bearer(token));
    const res = method === 'post' ? await req.send(body ?? {}) : await req;
    if (res.status !== status) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as Body;
  };
  return {
    call,
    post: (token: string | null, path: string, body: object, status = 200) =>
      call(token, 'post', path, body, status),
    get: (token: string | null, path: string, status = 200) =>
      call(token, 'get', path, undefined, status),
  };
}
