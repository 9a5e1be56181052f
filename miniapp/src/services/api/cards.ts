import type { CardView } from '@mqlk/shared';

import { takeServerCard } from '../../platform/server-card';
import { ApiError } from '../http';
import { call } from './call';

/** A card's page data: the first time from the page the server sent (H5 `/c/<code>`), else asked for. */
export function getCard(code: string): Promise<CardView> {
  const sent = takeServerCard(code);
  if (sent && 'card' in sent) return Promise.resolve(sent.card);
  if (sent)
    return Promise.reject(new ApiError(sent.error.code, sent.error.message, sent.error.status));
  return call('viewCard', { params: { code } });
}
