import type { VillageBoard } from '@mqlk/shared';

import { call } from './call';

/** A village's public board (公示栏): no sign-in. */
export function getVillageBoard(unitId: number): Promise<VillageBoard> {
  return call('villageBoard', { params: { unitId } });
}
