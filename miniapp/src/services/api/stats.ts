import type { CadreFigures } from '@mqlk/shared';

import { call } from './call';

/** One row per cadre in the staff member's scope; `from`/`to` are local dates, both included. */
export function getCadreFigures(from: string, to: string): Promise<CadreFigures> {
  return call('cadreFigures', { query: { from, to } });
}
