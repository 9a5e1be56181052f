import Taro from '@tarojs/taro';
import { cardViewSchema, validate, type CardView } from '@mqlk/shared';

/**
 * The last card opened, kept on the phone: re-opening it on a weak network shows the cadre at
 * once, and the fresh copy replaces it when it arrives. One card only, and nothing personal of
 * the resident: the card is what is printed on paper anyway.
 */
export const LAST_CARD_STORAGE_KEY = 'mqlk.lastCard';

export function rememberCard(card: CardView): void {
  try {
    Taro.setStorageSync(LAST_CARD_STORAGE_KEY, card);
  } catch {
    // A full storage only costs the head start next time.
  }
}

/** The kept copy of this card, if it is the one kept and still has the shape the page reads. */
export function rememberedCard(code: string): CardView | null {
  try {
    const kept = validate(cardViewSchema, Taro.getStorageSync(LAST_CARD_STORAGE_KEY));
    return kept.ok && kept.value.code === code ? kept.value : null;
  } catch {
    return null;
  }
}

/** The server says the card is gone or stopped: the kept copy must not show it again. */
export function forgetCard(code: string): void {
  if (rememberedCard(code) === null) return;
  try {
    Taro.removeStorageSync(LAST_CARD_STORAGE_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
