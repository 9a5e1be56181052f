import { localDateOf, localTimeOf, parseLocalDate } from '../calendar/local-date';
import type { ClockKind } from '../lifecycle/clocks';
import {
  type CategoryCode,
  categoryLabel,
  SUB_TOPIC_LABELS,
  type SubTopicCode,
} from '../vocabulary/categories';

/**
 * Every notice the product sends (DESIGN.md §4: written to the outbox in the same transaction as
 * the move or sweep that causes it). Each reaches its recipient in the app's 消息 list; the
 * external channels below carry it further.
 */
export const NOTICE_KINDS = [
  /** to the new owner: a request reached them (submission, escalation, transfer) */
  'new_request',
  /** to the resident */
  'accepted',
  'handed_over',
  'replied',
  'resolved',
  /** to the owner: a founded bad review became a 整改 task */
  'rectify',
  /** to the owner: staff pressed for it, and a reminder a working day later if still open */
  'supervised',
  'supervise_reminder',
  /** to the owner: one working day before a clock's due time, and when it has passed */
  'due_soon',
  'overdue',
  /** to the staff of the owner's township when a clock has passed its due time */
  'overdue_staff',
  /** to the staff in scope: a bad review awaits verification */
  'bad_review',
  /** to the county staff: a second bad review after rectification */
  'flagged',
  /** to the staff of the owner's township: WeChat's content security held part of a request */
  'content_held',
  /** to the owner: the resident withdrew it */
  'withdrawn',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** How a notice travels beyond the app: WeChat subscribe messages and SMS. */
export const NOTICE_CHANNELS = ['wechat', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_CHANNEL_LABELS: Record<NoticeChannel, string> = {
  wechat: '微信订阅消息',
  sms: '短信',
};

/**
 * The channels each kind goes out on besides the app. A resident's progress goes by WeChat, or
 * by SMS when they came through a browser and have no WeChat (the dispatcher skips whichever does
 * not apply); a cadre's overdue alert also goes by SMS, since missing it costs the resident most.
 */
export const NOTICE_KIND_CHANNELS: Record<NoticeKind, readonly NoticeChannel[]> = {
  new_request: ['wechat'],
  accepted: ['wechat', 'sms'],
  handed_over: ['wechat', 'sms'],
  replied: ['wechat', 'sms'],
  resolved: ['wechat', 'sms'],
  rectify: ['wechat'],
  supervised: ['wechat'],
  supervise_reminder: ['wechat'],
  due_soon: ['wechat'],
  overdue: ['wechat', 'sms'],
  overdue_staff: ['wechat'],
  bad_review: ['wechat'],
  flagged: ['wechat'],
  content_held: ['wechat'],
  withdrawn: [],
};

/** The kinds a resident receives: their SMS goes only where WeChat cannot reach them. */
export const RESIDENT_NOTICE_KINDS: readonly NoticeKind[] = [
  'accepted',
  'handed_over',
  'replied',
  'resolved',
];

/**
 * WeChat subscribe-message templates, one per purpose; a person subscribes to each in the
 * mini-program (a resident after submitting, a cadre when signing in).
 */
export const SUBSCRIBE_TEMPLATES = ['progress', 'newRequest', 'reminder'] as const;
export type SubscribeTemplate = (typeof SUBSCRIBE_TEMPLATES)[number];

export const SUBSCRIBE_TEMPLATE_LABELS: Record<SubscribeTemplate, string> = {
  progress: '办理进度通知',
  newRequest: '新诉求提醒',
  reminder: '待办到期提醒',
};

export const NOTICE_KIND_TEMPLATE: Record<NoticeKind, SubscribeTemplate> = {
  new_request: 'newRequest',
  accepted: 'progress',
  handed_over: 'progress',
  replied: 'progress',
  resolved: 'progress',
  rectify: 'newRequest',
  supervised: 'reminder',
  supervise_reminder: 'reminder',
  due_soon: 'reminder',
  overdue: 'reminder',
  overdue_staff: 'reminder',
  bad_review: 'reminder',
  flagged: 'reminder',
  content_held: 'reminder',
  withdrawn: 'progress',
};

/** A status in at most five Chinese characters: WeChat's `phrase` field takes nothing longer. */
export const NOTICE_PHRASES: Record<NoticeKind, string> = {
  new_request: '待签收',
  accepted: '已签收',
  handed_over: '已转办',
  replied: '已答复',
  resolved: '已办结',
  rectify: '待整改',
  supervised: '被督办',
  supervise_reminder: '督办提醒',
  due_soon: '即将超期',
  overdue: '已超期',
  overdue_staff: '已超期',
  bad_review: '差评待核实',
  flagged: '二次差评',
  content_held: '内容待审',
  withdrawn: '已撤回',
};

/** What a notice text may say about its request: never the resident's words, name or phone. */
export interface NoticeFacts {
  category: CategoryCode;
  subTopic: SubTopicCode | null;
  /** the public number, e.g. MQ-20261207-0001 */
  number: string;
  /** the owner's name (the one who signed, to whom it went, whose request is overdue) */
  ownerName?: string;
  /** whom it came from, for a new request handed over by someone */
  fromName?: string;
  /** the due time the notice is about */
  dueAt?: Date;
  /** which clock a deadline notice is about */
  clock?: ClockKind;
  /** a reply's or a 督办's words (staff and cadres write them for the resident or the owner) */
  note?: string;
}

export interface NoticeText {
  /** a few words for the list */
  title: string;
  /** one sentence a person understands without opening the app */
  body: string;
}

/** The matter in plain words: 饮水问题, or the category (发展建议) when there is no sub-topic. */
export function noticeMatter(category: CategoryCode, subTopic: SubTopicCode | null): string {
  if (subTopic && subTopic !== 'other') return `${SUB_TOPIC_LABELS[subTopic]}问题`;
  return categoryLabel(category);
}

/** 12月8日18:00, in Asia/Shanghai. */
export function formatNoticeTime(at: Date): string {
  const { month, day } = parseLocalDate(localDateOf(at));
  return `${month}月${day}日${localTimeOf(at)}`;
}

const CLOCK_VERBS: Record<ClockKind, string> = {
  accept: '签收',
  resolve: '办结',
  rectify: '整改办结',
};

const NOTE_CHARS = 60;

function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The words of each notice, for the app, SMS and WeChat alike. */
export function noticeText(kind: NoticeKind, f: NoticeFacts): NoticeText {
  const matter = noticeMatter(f.category, f.subTopic);
  const ref = `${matter}（${f.number}）`;
  const due = f.dueAt ? formatNoticeTime(f.dueAt) : '';
  const verb = CLOCK_VERBS[f.clock ?? 'resolve'];
  const owner = f.ownerName ?? '办理人';
  const note = f.note ? clip(f.note, NOTE_CHARS) : '';
  switch (kind) {
    case 'new_request':
      return {
        title: '新诉求待签收',
        body: `${f.fromName ? `${f.fromName}转来` : '您有'}一件新诉求待签收：${ref}${due ? `，请在${due}前签收` : ''}。`,
      };
    case 'accepted':
      return { title: '诉求已签收', body: `您反映的${matter}已由${owner}签收，正在办理。` };
    case 'handed_over':
      return { title: '诉求已转交', body: `您反映的${matter}已转交${owner}办理。` };
    case 'replied':
      return { title: '干部回复了您', body: `${owner}回复了您反映的${matter}：${note}` };
    case 'resolved':
      return { title: '诉求已办结', body: `您反映的${matter}已办结，请评价。` };
    case 'rectify':
      return {
        title: '整改任务',
        body: `您有一件诉求需要整改：${ref}${due ? `，请在${due}前整改办结` : ''}。`,
      };
    case 'supervised':
      return { title: '诉求被督办', body: `您办理的${ref}被督办${note ? `：${note}` : '。'}` };
    case 'supervise_reminder':
      return { title: '督办提醒', body: `被督办的${ref}还没有办结，请尽快办理。` };
    case 'due_soon':
      return { title: '即将超期', body: `您有一件诉求即将超期：${ref}需在${due}前${verb}。` };
    case 'overdue':
      return { title: '诉求已超期', body: `您有一件诉求已超期未${verb}：${ref}，请尽快办理。` };
    case 'overdue_staff':
      return {
        title: '辖区诉求超期',
        body: `${owner}的一件诉求已超期未${verb}：${ref}，请督办。`,
      };
    case 'bad_review':
      return { title: '差评待核实', body: `有一件诉求收到差评，请核实：${ref}。` };
    case 'flagged':
      return { title: '二次差评', body: `一件诉求整改后群众仍不满意，已报县：${ref}。` };
    case 'content_held':
      return {
        title: '内容待审核',
        body: `一件诉求有内容被微信内容安全拦下，请审核：${ref}。诉求已送到办理人手上。`,
      };
    case 'withdrawn':
      return { title: '群众已撤回', body: `群众撤回了一件诉求：${ref}，不用再办理。` };
  }
}

/** The SMS form of a notice: the sender's signature, then the sentence. */
export function smsNoticeText(text: NoticeText): string {
  return `【民情联系卡】${text.body}`;
}

/* ---- delivery ---- */

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'skipped', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '等待发送',
  sending: '发送中',
  delivered: '已送达',
  skipped: '未发送',
  failed: '发送失败',
};

/** Attempts before a delivery is given up and shown in the 发送失败 list. */
export const MAX_DELIVERY_ATTEMPTS = 6;

/** Seconds to wait after the n-th failed attempt (n ≥ 1): 30 s, 2 min, 10 min, 30 min, 2 h. */
export function retryDelaySeconds(attempts: number): number {
  const steps = [30, 120, 600, 1800, 7200];
  return steps[Math.min(Math.max(attempts, 1), steps.length) - 1]!;
}

/** SMS notices one phone may receive per local day; the rest stay in the app. */
export const DEFAULT_SMS_NOTICES_PER_PHONE_PER_DAY = 5;
