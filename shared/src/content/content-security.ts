/**
 * 内容安全 (DESIGN.md §5): what a resident sends (words, photos, a recording) goes to WeChat's
 * content-security checks. An item WeChat flags is held for township staff, who either release it
 * (误判: the cadre sees it) or withhold it (the cadre never does). The request itself always
 * reaches its cadre, clocks running: a hold is on one item, never on the matter.
 */
import type { ActorRole } from '../lifecycle/actors';

export const CONTENT_ITEMS = ['text', 'photo', 'voice'] as const;
export type ContentItem = (typeof CONTENT_ITEMS)[number];

export const CONTENT_ITEM_NAMES: Readonly<Record<ContentItem, string>> = {
  text: '文字',
  photo: '照片',
  voice: '录音',
};

/** held: flagged, waiting for staff; released: shown to the cadre; withheld: never shown to the cadre. */
export const CONTENT_HOLD_STATES = ['held', 'released', 'withheld'] as const;
export type ContentHoldState = (typeof CONTENT_HOLD_STATES)[number];

export const CONTENT_HOLD_STATE_NAMES: Readonly<Record<ContentHoldState, string>> = {
  held: '待审核',
  released: '已放行',
  withheld: '不予转交',
};

/** What staff decide about a held item. */
export const CONTENT_DECISIONS = ['release', 'withhold'] as const;
export type ContentDecision = (typeof CONTENT_DECISIONS)[number];

export const CONTENT_DECISION_STATE: Readonly<
  Record<ContentDecision, Exclude<ContentHoldState, 'held'>>
> = {
  release: 'released',
  withhold: 'withheld',
};

/** WeChat's labels (msgSecCheck and mediaCheckAsync, version 2, `result.label`) in plain words. */
const LABEL_REASONS: Readonly<Record<number, string>> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

/** The reason staff read beside a held item; a label WeChat adds later reads 其他（编号）. */
export function contentLabelReason(label: number): string {
  return LABEL_REASONS[label] ?? `其他（${label}）`;
}

/**
 * WeChat's `suggest`: `pass` lets the item through; `risky` (违规) and `review` (疑似, for a person
 * to look at) both hold it for staff. Anything else is read as `review`: never let an unknown
 * answer through unseen.
 */
export function holdsContent(suggest: string): boolean {
  return suggest !== 'pass';
}

/**
 * Who sees an item while it is held or after it was withheld: staff and admins (they review it)
 * and the resident who sent it (it is theirs). A cadre sees it only once released.
 */
export function seesHeldContent(role: ActorRole, isRequester: boolean): boolean {
  return role === 'staff' || role === 'admin' || isRequester;
}

/** Whether an item in `state` is hidden from a reader who does not see held content. */
export function hidesContent(state: ContentHoldState): boolean {
  return state !== 'released';
}

/** What a cadre's list shows instead of the first words of a text that is held or withheld. */
export const HIDDEN_TEXT_PREVIEW: Readonly<Record<Exclude<ContentHoldState, 'released'>, string>> =
  {
    held: '（文字内容待乡镇审核）',
    withheld: '（文字内容经乡镇审核不予转交）',
  };
