/**
 * Mainland mobile numbers. Contact phones are personal data: they are stored encrypted and shown
 * masked, so masking must stay safe even for input that is not a phone number at all.
 */

export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

// People paste numbers as `+86 138-1234-5678`, `(0086)13812345678`, or typed with a Chinese IME
// in full-width digits; all of these mean the same number.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFF0D()\uFF08\uFF09]/g;
const FULL_WIDTH_DIGIT_OR_PLUS = /[\uFF10-\uFF19\uFF0B]/g;
const WITH_COUNTRY_CODE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

function toHalfWidth(input: string): string {
  return input.replace(FULL_WIDTH_DIGIT_OR_PLUS, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The canonical 11-digit form of a mainland mobile number, or null when it is not one. */
export function normalizePhone(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const compact = toHalfWidth(input).replace(SEPARATORS, '');
  return WITH_COUNTRY_CODE.exec(compact)?.[1] ?? null;
}

export function isValidPhone(input: string | null | undefined): boolean {
  return normalizePhone(input) !== null;
}

/**
 * `13812345678` → `138****5678`. Anything else shows at most the first 3 and last 4 digits, fewer
 * for short input, and never any non-digit text (a name typed into the phone field stays hidden).
 */
export function maskPhone(input: string | null | undefined): string {
  if (typeof input !== 'string' || input.trim() === '') return '';
  const phone = normalizePhone(input);
  if (phone !== null) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const digits = toHalfWidth(input).replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `****${digits.slice(-2)}`;
  return '****';
}
