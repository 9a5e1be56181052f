import { PHOTO_URL_TTL_SECONDS, PhotoUrlSigner } from './photo-url';

describe('PhotoUrlSigner', () => {
  const signer = new PhotoUrlSigner('x'.repeat(40));
  const now = new Date('2026-11-21T08:03:20Z');
  const parts = (url: string) => {
    const m = /^\/api\/photos\/(\d+)\/raw\?exp=(\d+)&sig=([\w-]+)$/.exec(url);
    if (!m) throw new Error(`unexpected url ${url}`);
    return { id: Number(m[1]), exp: m[2] as string, sig: m[3] as string };
  };

  it('signs a link that is valid for at least the TTL and at most 10 minutes more', () => {
    const { id, exp, sig } = parts(signer.urlOf(7, now));
    expect(id).toBe(7);
    const seconds = Number(exp) - now.getTime() / 1000;
    expect(seconds).toBeGreaterThanOrEqual(PHOTO_URL_TTL_SECONDS);
    expect(seconds).toBeLessThanOrEqual(PHOTO_URL_TTL_SECONDS + 600);
    expect(signer.check(7, exp, sig, now)).toBe('ok');
  });

  it('gives the same URL within the rounding step (browser caches can answer)', () => {
    expect(signer.urlOf(7, now)).toBe(signer.urlOf(7, new Date(now.getTime() + 60_000)));
  });

  it('refuses another photo, a changed expiry, a changed or missing signature', () => {
    const { exp, sig } = parts(signer.urlOf(7, now));
    expect(signer.check(8, exp, sig, now)).toBe('invalid');
    expect(signer.check(7, String(Number(exp) + 600), sig, now)).toBe('invalid');
    expect(signer.check(7, exp, sig.slice(1), now)).toBe('invalid');
    expect(signer.check(7, exp, undefined, now)).toBe('invalid');
    expect(signer.check(7, undefined, sig, now)).toBe('invalid');
    expect(signer.check(7, ['1', '2'], sig, now)).toBe('invalid');
    expect(new PhotoUrlSigner('y'.repeat(40)).check(7, exp, sig, now)).toBe('invalid');
  });

  it('says expired once the time has passed', () => {
    const { exp, sig } = parts(signer.urlOf(7, now));
    expect(signer.check(7, exp, sig, new Date(Number(exp) * 1000))).toBe('expired');
  });
});
