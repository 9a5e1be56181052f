import Taro from '@tarojs/taro';
import {
  CATEGORY_CODES,
  SUB_TOPIC_CODES,
  type CategoryCode,
  type PhotoView,
  type SubTopicCode,
} from '@mqlk/shared';

import { newIdempotencyKey } from '../../../utils/idempotency';

/**
 * What the resident has typed, kept in storage after every change so that a crash, a phone call
 * or a lost signal never costs them their words. One draft per card.
 */
export interface Draft {
  cardCode: string;
  category: CategoryCode | null;
  subTopic: SubTopicCode | null;
  text: string;
  /** Photos already uploaded; ones still on the phone are not kept across a restart. */
  photos: PhotoView[];
  contactPhone: string;
  consent: boolean;
  /**
   * Sent as Idempotency-Key: every retry of this draft sends the same key, so however often the
   * resident taps 提交 on a bad network the request is filed once.
   */
  idempotencyKey: string;
}

const PREFIX = 'mqlk.draft.';

export function draftStorageKey(cardCode: string): string {
  return `${PREFIX}${cardCode}`;
}

export function newDraft(cardCode: string): Draft {
  return {
    cardCode,
    category: null,
    subTopic: null,
    text: '',
    photos: [],
    contactPhone: '',
    consent: false,
    idempotencyKey: newIdempotencyKey(),
  };
}

function isPhoto(value: unknown): value is PhotoView {
  const p = value as Partial<PhotoView> | null;
  return typeof p?.id === 'number' && typeof p.url === 'string';
}

/** The stored draft for this card, or a fresh one; anything unreadable is ignored field by field. */
export function loadDraft(cardCode: string): Draft {
  const fresh = newDraft(cardCode);
  let stored: Partial<Record<keyof Draft, unknown>>;
  try {
    stored = (Taro.getStorageSync(draftStorageKey(cardCode)) || {}) as typeof stored;
  } catch {
    return fresh;
  }
  const category = (CATEGORY_CODES as readonly unknown[]).includes(stored.category)
    ? (stored.category as CategoryCode)
    : null;
  const subTopic = (SUB_TOPIC_CODES as readonly unknown[]).includes(stored.subTopic)
    ? (stored.subTopic as SubTopicCode)
    : null;
  return {
    cardCode,
    category,
    subTopic,
    text: typeof stored.text === 'string' ? stored.text : '',
    photos: Array.isArray(stored.photos) ? stored.photos.filter(isPhoto) : [],
    contactPhone: typeof stored.contactPhone === 'string' ? stored.contactPhone : '',
    consent: stored.consent === true,
    idempotencyKey:
      typeof stored.idempotencyKey === 'string' && stored.idempotencyKey !== ''
        ? stored.idempotencyKey
        : fresh.idempotencyKey,
  };
}

export function saveDraft(draft: Draft): void {
  try {
    Taro.setStorageSync(draftStorageKey(draft.cardCode), draft);
  } catch {
    // A full phone: the form still works, only the safety copy is missing.
  }
}

export function clearDraft(cardCode: string): void {
  try {
    Taro.removeStorageSync(draftStorageKey(cardCode));
  } catch {
    // Nothing more to do.
  }
}

/** The draft as the API's SubmitRequestInput, before validation. */
export function draftInput(draft: Draft, photoIds: number[]): Record<string, unknown> {
  return {
    cardCode: draft.cardCode,
    category: draft.category ?? undefined,
    subTopic: draft.subTopic ?? undefined,
    text: draft.text,
    photoIds,
    contactPhone: draft.contactPhone.trim() === '' ? undefined : draft.contactPhone,
    consent: draft.consent,
  };
}
