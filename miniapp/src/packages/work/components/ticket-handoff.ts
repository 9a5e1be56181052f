import type { ConfirmationTicket } from '@mqlk/shared';

/**
 * The confirmation code that came with a new 当场解决 record, handed from the record page to the
 * request page it opens (a QR image is too big for a page URL). Taken once: asking for another
 * code makes this one stop working, so an old one must never be shown again.
 */
const waiting = new Map<number, ConfirmationTicket>();

export function handOverTicket(requestId: number, ticket: ConfirmationTicket): void {
  waiting.set(requestId, ticket);
}

export function takeTicket(requestId: number): ConfirmationTicket | null {
  const ticket = waiting.get(requestId) ?? null;
  waiting.delete(requestId);
  return ticket;
}
