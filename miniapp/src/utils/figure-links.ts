import Taro from '@tarojs/taro';
import type { FigureName } from '@mqlk/shared';

import { routeOf } from '../constants/routes';
import type { FigurePart } from './figures';
import type { Period } from './period';

/** A number on a figures page and where it was counted: what its list of requests must match. */
export interface FigureLink {
  figure: FigureName;
  part: FigurePart;
  /** the number clicked: the list says whether it has as many requests */
  count: number;
  period: Period;
  /** staff: the unit counted over (default their scope), and one cadre in it */
  unitId?: number;
  cadreId?: number;
  /** whose number it is, e.g. 石桥镇（合计） or 张建国 */
  who: string;
}

/** Opens the requests behind a number (the list lives with the work pages: cadres open it too). */
export function openFigureRequests(link: FigureLink): void {
  void Taro.navigateTo({
    url: routeOf('figureRequests', {
      figure: link.figure,
      part: link.part,
      from: link.period.from,
      to: link.period.to,
      unitId: link.unitId,
      cadreId: link.cadreId,
      n: link.count,
      who: link.who,
    }),
  });
}
