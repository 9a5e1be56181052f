import Taro from '@tarojs/taro';
import {
  CATEGORY_CODES,
  PROXY_CHANNELS,
  SUB_TOPIC_CODES,
  type CategoryCode,
  type PhotoView,
  type SubTopicCode,
} from '@mqlk/shared';

import { newIdempotencyKey } from '../../../utils/idempotency';

/** 代填 files a request for the resident; 当场解决 records one already solved, to be confirmed. */
export const RECORD_MODES = ['on_behalf', 'on_spot'] as const;
export type RecordMode = (typeof RECORD_MODES)[number];

export type ProxyChannel = (typeof PROXY_CHANNELS)[number];

/**
 * What the cadre has entered, kept in storage after every change (a visit is often interrupted),
 * one per cadre and mode. The idempotency key goes with the draft: every retry sends the same one.
 */
export interface RecordDraft {
  mode: RecordMode;
  channel: ProxyChannel | null;
  category: CategoryCode | null;
  subTopic: SubTopicCode | null;
  text: string;
  residentPhone: string;
  /** Photos already uploaded. */
  photos: PhotoView[];
  consent: boolean;
  /** 当场解决的情况 (on_spot only). */
  note: string;
  /** 公示摘要 (on_spot only): the village board's line for it. */
  publicSummary: string;
  /** The visit (走访) it is written down from: the channel is then the visit. */
  visitId: number | null;
  idempotencyKey: string;
}

/** One draft per cadre and mode, and one more per visit being turned into a request. */
export function recordDraftKey(userId: number, mode: RecordMode, visitId: number | null = null) {
  return `mqlk.record.${userId}.${mode}${visitId === null ? '' : `.visit${visitId}`}`;
}

export function newRecordDraft(mode: RecordMode, visitId: number | null = null): RecordDraft {
  return {
    mode,
    channel: visitId === null ? null : 'visit',
    category: null,
    subTopic: null,
    text: '',
    residentPhone: '',
    photos: [],
    consent: false,
    note: '',
    publicSummary: '',
    visitId,
    idempotencyKey: newIdempotencyKey(),
  };
}

const oneOf = <T>(list: readonly T[], value: unknown): T | null =>
  (list as readonly unknown[]).includes(value) ? (value as T) : null;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function isPhoto(value: unknown): value is PhotoView {
  const p = value as Partial<PhotoView> | null;
  return typeof p?.id === 'number' && typeof p.url === 'string';
}

/** The stored draft, or a fresh one; anything unreadable is dropped field by field. */
export function loadRecordDraft(
  userId: number,
  mode: RecordMode,
  visitId: number | null = null,
): RecordDraft {
  const fresh = newRecordDraft(mode, visitId);
  let stored: Partial<Record<keyof RecordDraft, unknown>>;
  try {
    stored = (Taro.getStorageSync(recordDraftKey(userId, mode, visitId)) || {}) as typeof stored;
  } catch {
    return fresh;
  }
  return {
    mode,
    channel: visitId === null ? oneOf(PROXY_CHANNELS, stored.channel) : 'visit',
    category: oneOf(CATEGORY_CODES, stored.category),
    subTopic: oneOf(SUB_TOPIC_CODES, stored.subTopic),
    text: text(stored.text),
    residentPhone: text(stored.residentPhone),
    photos: Array.isArray(stored.photos) ? stored.photos.filter(isPhoto) : [],
    consent: stored.consent === true,
    note: text(stored.note),
    publicSummary: text(stored.publicSummary),
    visitId,
    idempotencyKey: text(stored.idempotencyKey) || fresh.idempotencyKey,
  };
}

export function saveRecordDraft(userId: number, draft: RecordDraft): void {
  try {
    Taro.setStorageSync(recordDraftKey(userId, draft.mode, draft.visitId), draft);
  } catch {
    // A full phone: the form still works, only the safety copy is missing.
  }
}

export function clearRecordDraft(
  userId: number,
  mode: RecordMode,
  visitId: number | null = null,
): void {
  try {
    Taro.removeStorageSync(recordDraftKey(userId, mode, visitId));
  } catch {
    // Nothing more to do.
  }
}

/** The draft as the API's input, before validation; an empty phone reads as missing. */
export function recordInput(draft: RecordDraft, photoIds: number[]): Record<string, unknown> {
  return {
    channel: draft.channel ?? undefined,
    category: draft.category ?? undefined,
    subTopic: draft.subTopic ?? undefined,
    text: draft.text,
    residentPhone: draft.residentPhone.trim() === '' ? undefined : draft.residentPhone,
    photoIds,
    consent: draft.consent,
    ...(draft.mode === 'on_spot' ? { note: draft.note, publicSummary: draft.publicSummary } : {}),
    ...(draft.visitId === null ? {} : { visitId: draft.visitId }),
  };
}
