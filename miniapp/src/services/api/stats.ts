import {
  DEFAULT_PAGE_SIZE,
  type FigureLevel,
  type FigureName,
  type FigureRequest,
  type FigureSeries,
  type MyFigures,
  type Page,
  type UnitFigures,
} from '@mqlk/shared';

import { call } from './call';

/** Local dates (Asia/Shanghai), both ends included. */
export interface PeriodQuery {
  from: string;
  to: string;
}

/**
 * A unit's figures: the total, one row per cadre or per unit of `level`, and the ranking. Without
 * `unitId` the server takes the reader's own scope.
 */
export function getUnitFigures(
  period: PeriodQuery,
  level: FigureLevel,
  unitId?: number,
): Promise<UnitFigures> {
  return call('unitFigures', { query: { ...period, level, unitId } });
}

/** The last 12 months (this one included) of a unit, month by month. */
export function getFigureSeries(unitId?: number): Promise<FigureSeries> {
  return call('figureSeries', { query: { unitId } });
}

/** What a figure's number is counted over: a unit (and one cadre in it), for a period. */
export interface FigureSource extends PeriodQuery {
  figure: FigureName;
  part: 'numerator' | 'denominator';
  /** staff only: the unit (default: their scope) and a cadre in it */
  unitId?: number;
  cadreId?: number;
}

/** The requests behind one number: as many as the number says. A cadre opens only their own. */
export function listFigureRequests(
  source: FigureSource,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<FigureRequest>> {
  return call('figureRequests', { query: { ...source, page, pageSize } });
}

/** A cadre's own figures for a period, and the last 12 months. */
export function getMyFigures(period: PeriodQuery): Promise<MyFigures> {
  return call('myFigures', { query: period });
}
