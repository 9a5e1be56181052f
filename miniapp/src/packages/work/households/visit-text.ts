import { daysBetween, localDateOf, UNVISITED_DAYS } from '@mqlk/shared';

/** 最近走访：12月1日（6天前）, or 还没有走访过; the 90-day mark said in words. */
export function lastVisitText(lastVisitOn: string | null, now = new Date()): string {
  if (!lastVisitOn) return '还没有走访过';
  const days = daysBetween(lastVisitOn, localDateOf(now));
  const [, m, d] = lastVisitOn.split('-').map(Number);
  const ago = days <= 0 ? '今天' : `${days}天前`;
  const late = days >= UNVISITED_DAYS ? '，该去走访了' : '';
  return `最近走访：${m}月${d}日（${ago}）${late}`;
}
