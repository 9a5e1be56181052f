import type { CardView } from '@mqlk/shared';

import { call } from './call';

export function getCard(code: string): Promise<CardView> {
  return call('viewCard', { params: { code } });
}
