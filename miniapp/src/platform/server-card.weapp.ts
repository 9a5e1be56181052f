import type { InlinedCard } from '@mqlk/shared';

/** The mini-program opens cards through the API: no page comes from the server. */
export function takeServerCard(_code: string): InlinedCard | null {
  return null;
}

export function dropServerCard(): void {}
