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

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const REQUEST_NUMBER_PATTERN = /^MQ-(\d{4})(\d{2})(\d{2})-(\d{4,})$/i;
// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and does not
// depend on the time zone of the machine running this.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * @param date a local date `YYYY-MM-DD`, or an instant that is turned into its Shanghai date
 * @param seq the 1-based sequence of the request that day; more than 9999 simply adds digits
 */
export function formatRequestNumber(date: string | Date, seq: number): string {
  const localDate = typeof date === 'string' ? date : shanghaiDate(date);
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
  const [, year, month, day, digits = ''] = match;
  const localDate = `${year}-${month}-${day}`;
  const seq = Number(digits);
  if (!isLocalDate(localDate) || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (String(seq).padStart(SEQ_MIN_DIGITS, '0') !== digits) return null;
  return { localDate, seq };
}

function shanghaiDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const shifted = new Date(time + SHANGHAI_OFFSET_MS);
  const year = String(shifted.getUTCFullYear()).padStart(4, '0');
  const month = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const day = String(shifted.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}
