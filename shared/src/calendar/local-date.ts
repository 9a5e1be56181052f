/**
 * Dates and wall-clock times in Asia/Shanghai. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact for every date this system handles and spares the mini-program
 * the Intl time-zone data that not every WeChat runtime has. Only `getUTC*` methods appear here:
 * the local getters follow the process time zone, which differs between servers and phones.
 */

/** A calendar date in Asia/Shanghai, written `YYYY-MM-DD`. */
export type LocalDate = string;

/** A wall-clock time in Asia/Shanghai, written `HH:mm`. */
export type LocalTime = string;

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

export const SHANGHAI_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const MS_PER_MINUTE = 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Years below 1000 are refused because Date.UTC maps 0–99 to 1900–1999 and four digits keep
// string order equal to date order, which the calendar relies on.
function partsOrNull(value: unknown): LocalDateParts | null {
  if (typeof value !== 'string') return null;
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

export function isLocalDate(value: unknown): value is LocalDate {
  return partsOrNull(value) !== null;
}

/** Splits a `YYYY-MM-DD` date; throws on anything that is not an existing date in that form. */
export function parseLocalDate(date: string): LocalDateParts {
  const parts = partsOrNull(date);
  if (!parts) {
    throw new Error(`Invalid local date ${JSON.stringify(date)}: expected an existing YYYY-MM-DD`);
  }
  return parts;
}

export function formatLocalDate({ year, month, day }: LocalDateParts): LocalDate {
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  parseLocalDate(date);
  return date;
}

export function yearOf(date: LocalDate): number {
  return parseLocalDate(date).year;
}

// Day numbers (days since 1970-01-01) make date arithmetic plain integer arithmetic.
export function dayNumberOf(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function dateOfDayNumber(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function requireInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new Error('Expected a valid Date instant');
  return ms;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new Error(`${what} must be an integer, got ${n}`);
}

/** The day number (days since 1970-01-01) of the Asia/Shanghai date on which an instant falls. */
export function localDayNumberOf(instant: Date): number {
  return Math.floor((requireInstant(instant) + SHANGHAI_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** The Asia/Shanghai date on which an instant falls. */
export function localDateOf(instant: Date): LocalDate {
  return dateOfDayNumber(localDayNumberOf(instant));
}

/** The Asia/Shanghai wall-clock time of an instant, `HH:mm` (seconds dropped). */
export function localTimeOf(instant: Date): LocalTime {
  const d = new Date(requireInstant(instant) + SHANGHAI_UTC_OFFSET_MS);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** The instant at which the clocks in Asia/Shanghai show `time` on `date`. */
export function localTimeToInstant(date: LocalDate, time: LocalTime): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new Error(`Invalid local time ${JSON.stringify(time)}: expected HH:mm`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return new Date(
    dayNumberOf(date) * MS_PER_DAY + minutes * MS_PER_MINUTE - SHANGHAI_UTC_OFFSET_MS,
  );
}

/** 00:00 Asia/Shanghai on `date`: the inclusive lower bound of that day in instant queries. */
export function startOfLocalDay(date: LocalDate): Date {
  return localTimeToInstant(date, '00:00');
}

export function addDays(date: LocalDate, days: number): LocalDate {
  requireInteger(days, 'Days');
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Calendar days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay` numbers them. */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** Every date from `from` to `to`, both included: how staff enter a holiday such as 10月1日–7日. */
export function expandDateRange(from: LocalDate, to: LocalDate): LocalDate[] {
  const length = daysBetween(from, to) + 1;
  if (length < 1) throw new Error(`Date range ends (${to}) before it starts (${from})`);
  return Array.from({ length }, (_, i) => addDays(from, i));
}
