import {
  DEFAULT_PAGE_SIZE,
  pathOf,
  type AnomalyList,
  type FigureLevel,
  type FigureName,
  type FigureRequest,
  type FigureSeries,
  type MyFigures,
  type Page,
  type UnitFigures,
} from '@mqlk/shared';

import { downloadFile, type Downloaded } from '../download';
import { call } from './call';

/** Rows per page of a unit's figures: a county's cadres run into the hundreds. */
export const FIGURE_PAGE_ROWS = 20;

/** Local dates (Asia/Shanghai), both ends included. */
export interface PeriodQuery {
  from: string;
  to: string;
}

/**
 * A unit's figures: the total, one page of its rows (per cadre or per unit of `level`), and the
 * ranking of all of them. Without `unitId` the server takes the reader's own scope.
 */
export function getUnitFigures(
  period: PeriodQuery,
  level: FigureLevel,
  unitId?: number,
  page = 1,
  pageSize = FIGURE_PAGE_ROWS,
): Promise<UnitFigures> {
  return call('unitFigures', { query: { ...period, level, unitId, page, pageSize } });
}

/** The last 12 months (this one included) of a unit, month by month. */
export function getFigureSeries(unitId?: number): Promise<FigureSeries> {
  return call('figureSeries', { query: { unitId } });
}

/** What a figure's number is counted over: a unit (and one cadre in it), for a period. */
export interface FigureSource extends PeriodQuery {
  figure: FigureName;
  part: 'numerator' | 'denominator';
  /** staff only: the unit (default: their scope) and a cadre in it, or a staff account's own work */
  unitId?: number;
  cadreId?: number;
  staffUserId?: number;
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

/**
 * Rating patterns worth a look (评价异常提示) in a unit, for a period (the server's default: the
 * last 30 days). Hints only: they change no figure.
 */
export function getAnomalies(period: Partial<PeriodQuery>, unitId?: number): Promise<AnomalyList> {
  return call('anomalies', { query: { ...period, unitId } });
}

export type ReportFormat = 'pdf' | 'xlsx';

/** 月报 of a unit for one month that is over (`2026-11`); the server names the file. */
export function downloadMonthlyReport(
  query: { unitId?: number; month: string },
  format: ReportFormat,
  onProgress?: (received: number, total: number | null) => void,
): Promise<Downloaded> {
  return downloadFile({
    path: pathOf(format === 'pdf' ? 'monthlyReportPdf' : 'monthlyReportXlsx'),
    query,
    fileName: `月报-${query.month}.${format}`,
    fileType: format,
    ...(onProgress ? { onProgress } : {}),
  });
}
