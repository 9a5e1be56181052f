import type { CadreFigures } from '@mqlk/shared';

import { http } from '../http';

/** One row per cadre in the staff member's scope; `from`/`to` are local dates, both included. */
export function getCadreFigures(from: string, to: string): Promise<CadreFigures> {
  return http.get<CadreFigures>('/api/stats/cadres', { query: { from, to } });
}
