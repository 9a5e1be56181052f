import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless bearer tokens (`payload.signature`, HMAC-SHA256): any server instance can check them,
 * so N instances run behind a load balancer without shared sessions.
 */
export interface TokenPayload {
  sub: number;
  /** issued-at and expiry, seconds since the epoch */
  iat: number;
  exp: number;
  /** issued-at in milliseconds: a session ended at a given instant ends every token before it */
  ms?: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function issueToken(userId: number, ttlSeconds: number, secret: string, now = new Date()) {
  const iat = Math.floor(now.getTime() / 1000);
  const payload: TokenPayload = { sub: userId, iat, exp: iat + ttlSeconds, ms: now.getTime() };
  const body = b64(JSON.stringify(payload));
  return { token: `${body}.${sign(body, secret)}`, expiresAt: new Date(payload.exp * 1000) };
}

/** The payload of a well-signed token, `expired` for an old one, `null` for anything else. */
export function readToken(
  token: string,
  secret: string,
  now = new Date(),
): TokenPayload | 'expired' | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  } catch {
    return null;
  }
  if (!Number.isInteger(payload.sub) || !Number.isInteger(payload.exp)) return null;
  return payload.exp * 1000 <= now.getTime() ? 'expired' : payload;
}
