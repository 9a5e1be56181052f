import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Photo links are signed and short-lived: `<Image>` cannot send an Authorization header, so the
 * link itself is the permission. Whoever may read a request gets links to its photos; a link that
 * leaks stops working within about an hour.
 */
export const PHOTO_URL_TTL_SECONDS = 3600;
/**
 * Expiry times are rounded up to this step, so reloading a page within it gives the same URLs and
 * the browser's cache answers.
 */
const EXPIRY_STEP_SECONDS = 600;

export type PhotoSignatureCheck = 'ok' | 'invalid' | 'expired';

export class PhotoUrlSigner {
  private readonly key: Buffer;

  /**
   * `purpose` and `base` for other files served the same way (voice clips: `mqlk voice url`,
   * `/api/voices`): a key of their own, so one kind's signature never opens another kind's file.
   */
  constructor(
    tokenSecret: string,
    purpose = 'mqlk photo url',
    private readonly base = '/api/photos',
  ) {
    // A key of its own, so a photo signature can never stand in for anything else signed.
    this.key = createHmac('sha256', tokenSecret).update(purpose).digest();
  }

  /** A relative URL (`/api/photos/7/raw?exp=…&sig=…`): clients prefix their API origin. */
  urlOf(photoId: number, now = new Date()): string {
    const earliest = Math.floor(now.getTime() / 1000) + PHOTO_URL_TTL_SECONDS;
    const exp = Math.ceil(earliest / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
    return `${this.base}/${photoId}/raw?exp=${exp}&sig=${this.signature(photoId, exp)}`;
  }

  check(photoId: number, exp: unknown, sig: unknown, now = new Date()): PhotoSignatureCheck {
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string') {
      return 'invalid';
    }
    const expected = Buffer.from(this.signature(photoId, Number(exp)));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'ok';
  }

  private signature(photoId: number, exp: number): string {
    return createHmac('sha256', this.key).update(`${photoId}:${exp}`).digest('base64url');
  }
}
