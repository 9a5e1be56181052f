/**
 * Card codes: the opaque payload of a cadre's QR card, `https://<host>/c/<code>`.
 *
 * A code is 12 random base62 characters (≈71 bits, so codes cannot be enumerated or guessed) and
 * one Luhn mod 62 check character, so a code typed by hand from a worn card is rejected locally
 * instead of being looked up. Codes are case-sensitive.
 */

export const CARD_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = CARD_CODE_ALPHABET.length;

export const CARD_CODE_RANDOM_LENGTH = 12;
export const CARD_CODE_LENGTH = CARD_CODE_RANDOM_LENGTH + 1;
/** The design's ceiling for any card code, kept so a future longer format stays within it. */
export const CARD_CODE_MAX_LENGTH = 32;
export const CARD_CODE_ENTROPY_BITS = CARD_CODE_RANDOM_LENGTH * Math.log2(BASE);

const CARD_CODE_PATTERN = new RegExp(`^[0-9A-Za-z]{${CARD_CODE_LENGTH}}$`);

/** Fills a fresh array of `length` bytes from a cryptographically secure source. */
export type RandomBytes = (length: number) => Uint8Array;

export type CardCodeProblem = 'malformed' | 'checksum';
export type CardCodeCheck = { ok: true; code: string } | { ok: false; reason: CardCodeProblem };

/** `not_card_link`: the input is not one of our card links at all (another QR code, an empty scene). */
export type CardLinkProblem = CardCodeProblem | 'not_card_link';
export type CardLinkCheck = { ok: true; code: string } | { ok: false; reason: CardLinkProblem };

interface WebCrypto {
  getRandomValues(array: Uint8Array): Uint8Array;
}

function secureRandomBytes(length: number): Uint8Array {
  const webCrypto = (globalThis as { crypto?: Partial<WebCrypto> }).crypto;
  // Math.random would make codes predictable, so there is deliberately no fallback: WeChat's
  // runtime has no globalThis.crypto and must inject a source (codes are minted on the server).
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new Error('No secure random source available: pass one to generateCardCode');
  }
  return webCrypto.getRandomValues(new Uint8Array(length));
}

// Bytes at or above 248 (= 4 × 62) are discarded: `byte % 62` over all 256 values would make the
// first 8 characters more likely than the rest.
const UNBIASED_BYTE_LIMIT = 256 - (256 % BASE);
const MAX_RANDOM_ROUNDS = 64;

export function generateCardCode(random: RandomBytes = secureRandomBytes): string {
  let body = '';
  for (let round = 0; round < MAX_RANDOM_ROUNDS && body.length < CARD_CODE_RANDOM_LENGTH; round++) {
    for (const byte of random(CARD_CODE_RANDOM_LENGTH - body.length)) {
      if (byte < UNBIASED_BYTE_LIMIT && body.length < CARD_CODE_RANDOM_LENGTH) {
        body += CARD_CODE_ALPHABET.charAt(byte % BASE);
      }
    }
  }
  if (body.length < CARD_CODE_RANDOM_LENGTH) {
    throw new Error('Random source keeps returning unusable bytes');
  }
  return body + checkCharacter(body);
}

/**
 * Luhn mod N: doubling every second character from the right makes every single substitution and
 * every adjacent transposition change the sum, except swapping '0' and 'z'.
 */
function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * CARD_CODE_ALPHABET.indexOf(body.charAt(i));
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = 3 - factor;
  }
  return CARD_CODE_ALPHABET.charAt((BASE - (sum % BASE)) % BASE);
}

/** Exact, canonical form only: no surrounding whitespace, right case, right check character. */
export function isValidCardCode(code: string): boolean {
  return checkCardCode(code).ok && code.length === CARD_CODE_LENGTH;
}

/** Checks a code as typed or scanned; surrounding whitespace is forgiven. */
export function checkCardCode(code: string): CardCodeCheck {
  if (typeof code !== 'string') return { ok: false, reason: 'malformed' };
  const trimmed = code.trim();
  if (!CARD_CODE_PATTERN.test(trimmed)) return { ok: false, reason: 'malformed' };
  const body = trimmed.slice(0, -1);
  if (checkCharacter(body) !== trimmed.slice(-1)) return { ok: false, reason: 'checksum' };
  return { ok: true, code: trimmed };
}

const ORIGIN_PATTERN = /^https?:\/\/[^/?#\s]+\/?$/i;

/** The URL printed in the QR. `baseUrl` is the public origin, e.g. `https://mq.example.gov.cn`. */
export function cardUrl(baseUrl: string, code: string): string {
  if (!ORIGIN_PATTERN.test(baseUrl)) {
    // A path prefix would produce links that parseCardUrl and WeChat's link rule do not accept.
    throw new RangeError(`Card base URL must be a bare http(s) origin, got "${baseUrl}"`);
  }
  if (!isValidCardCode(code)) throw new RangeError(`Not a valid card code: "${code}"`);
  return `${baseUrl.replace(/\/$/, '')}/c/${code}`;
}

// WeChat's JS runtime has no URL class, so links are taken apart by hand.
const URL_PATTERN = /^https?:\/\/[^/?#\s]+(\/[^?#]*)?(?:[?#].*)?$/i;
const CARD_PATH_PATTERN = /^\/c\/([^/]*)\/?$/;

/** Reads the code from a scanned card URL (`http(s)://<any host>/c/<code>`). */
export function parseCardUrl(url: string): CardLinkCheck {
  if (typeof url !== 'string') return { ok: false, reason: 'not_card_link' };
  const path = URL_PATTERN.exec(url.trim())?.[1];
  const code = path === undefined ? undefined : CARD_PATH_PATTERN.exec(path)?.[1];
  if (code === undefined) return { ok: false, reason: 'not_card_link' };
  return checkCardCode(code);
}

/**
 * Reads the code from a mini-program code's `scene` (the launch `query.scene`, not the numeric
 * `options.scene`). WeChat passes it URL-encoded; both `<code>` and `c=<code>` are accepted.
 */
export function parseScene(scene: string | null | undefined): CardLinkCheck {
  if (typeof scene !== 'string') return { ok: false, reason: 'not_card_link' };
  const decoded = decodeRepeatedly(scene);
  if (decoded === '') return { ok: false, reason: 'not_card_link' };
  if (!decoded.includes('=')) return checkCardCode(decoded);
  for (const pair of decoded.split('&')) {
    const [key, value] = pair.split('=');
    if (key?.trim() === 'c' && value !== undefined) return checkCardCode(value);
  }
  return { ok: false, reason: 'not_card_link' };
}

export interface LaunchQuery {
  /** Set by "扫普通链接二维码": the scanned URL, URL-encoded. */
  q?: string | null;
  /** Set by a mini-program code (wxacode): its scene string. */
  scene?: string | null;
}

/** The card code a mini-program launch carries, from a scanned link (`q`) or a wxacode (`scene`). */
export function cardCodeFromLaunch(query: LaunchQuery): CardLinkCheck {
  // A blank `q` says nothing, so it must not hide why the scene was refused.
  const fromLink =
    typeof query.q === 'string' && query.q.trim() !== ''
      ? parseCardUrl(decodeRepeatedly(query.q))
      : undefined;
  const fromScene = parseScene(query.scene);
  return [fromLink, fromScene].find((result) => result?.ok) ?? fromLink ?? fromScene;
}

// A link may arrive encoded twice (once by the scanner, once by WeChat); capping the rounds keeps
// hostile input from looping. A broken escape keeps the last good decoding.
function decodeRepeatedly(value: string): string {
  let current = value;
  for (let round = 0; round < 3 && /%[0-9A-Fa-f]{2}/.test(current); round++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      break;
    }
  }
  return current.trim();
}
