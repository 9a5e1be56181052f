import { localDateOf, localTimeOf, parseLocalDate } from '@mqlk/shared';

/** Times are always shown in Asia/Shanghai, whatever the phone's own time zone. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const { year, month, day } = parseLocalDate(localDateOf(at));
  const sameYear = parseLocalDate(localDateOf(now)).year === year;
  return `${sameYear ? '' : `${year}年`}${month}月${day}日 ${localTimeOf(at)}`;
}

export function formatDate(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const { year, month, day } = parseLocalDate(localDateOf(at));
  return `${year}年${month}月${day}日`;
}

/** `2026-11-01` → `2026年11月1日`. */
export function formatLocalDay(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  return `${year}年${month}月${day}日`;
}

export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
