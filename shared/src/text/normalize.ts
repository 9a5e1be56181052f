import type { ErrorCode } from '../errors/codes';

/**
 * User text (request descriptions, notes, replies) is normalised once, the same way on the client
 * and the server, so the length a resident sees counted is the length the server enforces.
 */

// Only \t and \n survive: other control characters come from pasted documents, break display
// and logs, and can hide content. \u0085 (NEL) is a line break and is turned into \n first.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// Invisible characters that let two texts look identical or reorder what is displayed: zero-width
// space/non-joiner, bidi marks and overrides, word joiner, invisible operators, BOM, soft hyphen.
const INVISIBLE_CHARS =
  /[\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

// The zero-width joiner is kept only between emoji (👨‍👩‍👧), where it is part of the picture.
// Astral code points stand in for emoji, because Unicode property escapes and lookbehind are not
// available in every JS engine WeChat ships.
const ASTRAL = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
const EMOJI_BEFORE_JOINER = `(?:${ASTRAL}|[\\u2600-\\u27BF])\\uFE0F?`;
const JOINERS = new RegExp(
  `(${EMOJI_BEFORE_JOINER})?\\u200D+(?=(${ASTRAL}|[\\u2600-\\u27BF])?)`,
  'g',
);

function keepJoinerBetweenEmoji(_match: string, before?: string, after?: string): string {
  return before !== undefined && after !== undefined ? `${before}\u200D` : (before ?? '');
}

const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const TRAILING_SPACE = /[ \t\u00A0\u3000]+$/gm;
const MORE_THAN_TWO_BLANK_LINES = /\n{4,}/g;

// NFC runs before the joiner rule because it can turn an astral character into a BMP one (U+2F804
// becomes 你), and again after it because removing a joiner can bring a letter and its accent
// together. One pass is then enough: normalizeText is idempotent.
export function normalizeText(input: string): string {
  return input
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(INVISIBLE_CHARS, '')
    .normalize('NFC')
    .replace(JOINERS, keepJoinerBetweenEmoji)
    .normalize('NFC')
    .replace(TRAILING_SPACE, '')
    .replace(MORE_THAN_TWO_BLANK_LINES, '\n\n\n')
    .trim();
}

/**
 * Length in Unicode code points: 😀 and 中 count 1 each, matching MySQL's utf8mb4 character count
 * rather than JavaScript's UTF-16 `length`. An emoji built with joiners counts each of its parts.
 */
export function textLength(input: string): number {
  let count = 0;
  for (let i = 0; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    const next = input.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    count++;
  }
  return count;
}

export type TextLengthCheck =
  | { ok: true; text: string }
  | { ok: false; code: Extract<ErrorCode, 'TEXT_TOO_SHORT' | 'TEXT_TOO_LONG'>; length: number };

/** Normalises `input` and checks `min ≤ length ≤ max`; whitespace-only text has length 0. */
export function checkTextLength(input: string, min: number, max: number): TextLengthCheck {
  const text = normalizeText(input);
  const length = textLength(text);
  if (length < min) return { ok: false, code: 'TEXT_TOO_SHORT', length };
  if (length > max) return { ok: false, code: 'TEXT_TOO_LONG', length };
  return { ok: true, text };
}
