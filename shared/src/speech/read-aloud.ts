import type { RequestDetail } from '../api/schemas';
import { dayOfWeek, localDateOf, localTimeOf, parseLocalDate } from '../calendar/local-date';
import { RESIDENT_NEXT_STEPS } from '../lifecycle/next-step';
import { REQUEST_STATUS_LABELS, type RequestStatus } from '../lifecycle/status';
import { noticeMatter } from '../notices/notices';
import { normalizePhone } from '../text/phone';
import type { CategoryCode, SubTopicCode } from '../vocabulary/categories';

/**
 * The words 读给我听 says: plain Chinese a speech engine reads well and an elderly resident
 * follows — whole sentences, phone numbers digit by digit, times as 下午6点. The same text feeds
 * the browser's speech synthesis and the server's text-to-speech, so both read the same thing.
 */

/** 1 is read 幺 in numbers said digit by digit, so that it is not heard as 七. */
const DIGIT_WORDS = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * `13812345678` → `幺三八，幺二三四，五六七八`: digit by digit, a pause between groups (a mobile
 * number as 3-4-4, other numbers split where they were written with - or spaces).
 */
export function phoneAloud(phone: string): string {
  const mobile = normalizePhone(phone);
  const groups = mobile
    ? [mobile.slice(0, 3), mobile.slice(3, 7), mobile.slice(7)]
    : phone.split(/\D+/).filter((g) => g !== '');
  return groups.map((g) => Array.from(g, (d) => DIGIT_WORDS[Number(d)] ?? '').join('')).join('，');
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function clockAloud(at: Date): string {
  const [h, m] = localTimeOf(at).split(':').map(Number) as [number, number];
  const part = h < 6 ? '凌晨' : h < 12 ? '上午' : h < 13 ? '中午' : h < 19 ? '下午' : '晚上';
  const hour = h > 12 ? h - 12 : h;
  return `${part}${hour}点${m === 0 ? '' : `${m}分`}`;
}

/**
 * `12月8日星期二下午6点`, with 今天 / 明天 when it is that close (Asia/Shanghai, like every date
 * in the product).
 */
export function timeAloud(at: Date, now: Date): string {
  const date = localDateOf(at);
  const today = localDateOf(now);
  const tomorrow = localDateOf(new Date(now.getTime() + 24 * 3600 * 1000));
  const { month, day } = parseLocalDate(date);
  const named = date === today ? '今天' : date === tomorrow ? '明天' : '';
  return `${named}${month}月${day}日${WEEKDAYS[dayOfWeek(date)]}${clockAloud(at)}`;
}

/** Whatever a person typed, as one spoken stretch: line breaks become pauses. */
function sentence(text: string): string {
  const flat = text
    .trim()
    .replace(/\s*\n+\s*/g, '，')
    .replace(/\s+/g, ' ');
  if (flat === '') return '';
  return /[。！？!?.]$/.test(flat) ? flat : `${flat}。`;
}

export interface CadreAloud {
  name: string;
  post: string;
  phone: string;
  duties: string;
}

/** The card: whose it is, their post, their phone digit by digit, and what they look after. */
export function cardAloud(cadre: CadreAloud): string {
  const parts = [
    `这是${cadre.name}的民情联系卡。`,
    `${cadre.name}，${sentence(cadre.post)}`,
    `电话：${phoneAloud(cadre.phone)}。`,
  ];
  const duties = sentence(cadre.duties);
  if (duties) parts.push(`负责的工作：${duties}`);
  return parts.join('');
}

export interface RequestAloud {
  /** as the resident sees it */
  status: RequestStatus;
  category: CategoryCode;
  subTopic: SubTopicCode | null;
  ownerName: string;
  acceptDueAt: Date | null;
  dueAt: Date | null;
  rateUntil: Date | null;
}

const DUE_VERBS: Partial<Record<RequestStatus, string>> = {
  in_progress: '办结',
  rectifying: '整改办好',
};

function deadlineAloud(r: RequestAloud, now: Date): string {
  const late = (at: Date) => now.getTime() > at.getTime();
  if (r.status === 'submitted' && r.acceptDueAt && r.dueAt) {
    if (late(r.acceptDueAt)) {
      return `应该在${timeAloud(r.acceptDueAt, now)}以前签收，已经超过期限，会有人催办。`;
    }
    return `应该在${timeAloud(r.acceptDueAt, now)}以前签收，${timeAloud(r.dueAt, now)}以前办结。`;
  }
  const verb = DUE_VERBS[r.status];
  if (verb && r.dueAt) {
    if (late(r.dueAt)) {
      return `应该在${timeAloud(r.dueAt, now)}以前${verb}，已经超过期限，会有人催办。`;
    }
    return `应该在${timeAloud(r.dueAt, now)}以前${verb}。`;
  }
  if (r.status === 'resolved' && r.rateUntil && !late(r.rateUntil)) {
    return `请在${timeAloud(r.rateUntil, now)}以前评价。`;
  }
  return '';
}

/** A request's status for the resident who asked: the matter, where it stands, what comes next, by when. */
export function requestAloud(r: RequestAloud, now: Date): string {
  return [
    `您反映的${noticeMatter(r.category, r.subTopic)}，办理人是${r.ownerName}。`,
    `现在的状态：${REQUEST_STATUS_LABELS[r.status]}。`,
    RESIDENT_NEXT_STEPS[r.status],
    deadlineAloud(r, now),
  ].join('');
}

/** `requestAloud` of a request as the API answers it (instants as ISO strings). */
export function requestDetailAloud(
  r: Pick<
    RequestDetail,
    'status' | 'category' | 'subTopic' | 'ownerName' | 'acceptDueAt' | 'dueAt' | 'rateUntil'
  >,
  now: Date,
): string {
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  return requestAloud(
    {
      status: r.status,
      category: r.category,
      subTopic: r.subTopic,
      ownerName: r.ownerName,
      acceptDueAt: at(r.acceptDueAt),
      dueAt: at(r.dueAt),
      rateUntil: at(r.rateUntil),
    },
    now,
  );
}
