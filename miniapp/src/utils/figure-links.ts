import Taro from '@tarojs/taro';
import type { FigureName } from '@mqlk/shared';

import { routeOf } from '../constants/routes';
import type { FigurePart } from './figures';
import type { Period } from './period';

/** A number on a figures page and where it was counted: what its list of requests must match. */
export interface FigureLink {
  figure: FigureName;
  part: FigurePart;
  /**
   * the number clicked: the list says whether it has as many requests (left out where no number
   * was shown, e.g. a cadre's ratings opened from 评价异常提示: the list then only counts)
   */
  count?: number;
  period: Period;
  /**
   * staff: the unit counted over (default their scope), and one cadre in it or one staff
   * account's own work (a row of 乡镇工作人员直接办理)
   */
  unitId?: number;
  cadreId?: number;
  staffUserId?: number;
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
      staffUserId: link.staffUserId,
      n: link.count,
      who: link.who,
    }),
  });
}
