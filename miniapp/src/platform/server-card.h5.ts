import { INLINED_CARD_ID, type InlinedCard, SERVER_CARD_ID } from '@mqlk/shared';

/**
 * The card's answer the server put in the page it sent for `/c/<code>` (issue 11), taken once:
 * the scan was counted when the page was sent, and the app shows the card without asking again.
 * Later reloads ask the server as usual.
 */
export function takeServerCard(code: string): InlinedCard | null {
  const block = typeof document === 'undefined' ? null : document.getElementById(INLINED_CARD_ID);
  if (!block) return null;
  block.remove();
  try {
    const answer = JSON.parse(block.textContent ?? '') as InlinedCard;
    return answer.code === code ? answer : null;
  } catch {
    return null;
  }
}

/** Removes the card the server drew, once the app's own page is on screen. */
export function dropServerCard(): void {
  if (typeof document !== 'undefined') document.getElementById(SERVER_CARD_ID)?.remove();
}
