import type { CardView } from '@mqlk/shared';

import { http } from '../http';

export function getCard(code: string): Promise<CardView> {
  return http.get<CardView>(`/api/cards/${encodeURIComponent(code)}`);
}
