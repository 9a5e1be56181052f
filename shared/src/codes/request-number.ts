import { isLocalDate, localDateOf } from '../calendar/local-date';

/**
 * Public request numbers, `MQ-20261121-0042`: the local date the request was made and its sequence
 * within that day. Residents read them out on the phone, so they stay short and canonical.
 */

export const REQUEST_NUMBER_PREFIX = 'MQ';
const SEQ_MIN_DIGITS = 4;

export interface RequestNumberParts {
  /** Local date in Asia/Shanghai, `YYYY-MM-DD`. */
  localDate: string;
  seq: number;
}

const REQUEST_NUMBER_PATTERN = /^MQ-(\d{4})(\d{2})(\d{2})-(\d{4,})$/i;

/**
 * @param date a local date `YYYY-MM-DD`, or an instant that is turned into its Shanghai date
 * @param seq the 1-based sequence of the request that day; more than 9999 simply adds digits
 */
export function formatRequestNumber(date: string | Date, seq: number): string {
  if (date instanceof Date && Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  const localDate = typeof date === 'string' ? date : localDateOf(date);
  if (!isLocalDate(localDate)) throw new RangeError(`Not a valid local date: "${localDate}"`);
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`Request sequence must be a positive integer, got ${seq}`);
  }
  const digits = String(seq).padStart(SEQ_MIN_DIGITS, '0');
  return `${REQUEST_NUMBER_PREFIX}-${localDate.replace(/-/g, '')}-${digits}`;
}

/**
 * Reads a request number as typed by a person: surrounding whitespace and a lower-case prefix are
 * forgiven, but padding must be exact so each request has exactly one spelling.
 */
export function parseRequestNumber(value: string): RequestNumberParts | null {
  if (typeof value !== 'string') return null;
  const match = REQUEST_NUMBER_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, digits] = match;
  const localDate = `${year}-${month}-${day}`;
  const seq = Number(digits);
  if (!isLocalDate(localDate) || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (String(seq).padStart(SEQ_MIN_DIGITS, '0') !== digits) return null;
  return { localDate, seq };
}
