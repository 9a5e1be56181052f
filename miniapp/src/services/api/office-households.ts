import {
  DEFAULT_PAGE_SIZE,
  pathOf,
  ROUTES,
  type CreateHouseholdInput,
  type ImportCounts,
  type OfficeCard,
  type Household,
  type HouseholdDetail,
  type HouseholdListQuery,
  type MoveHouseholdInput,
  type Page,
  type UnvisitedHousehold,
  type UnvisitedQuery,
  type UpdateHouseholdInput,
  type VisitCoverage,
  type VisitCoverageQuery,
} from '@mqlk/shared';

import type { PickedFile } from '../../platform/spreadsheet-common';
import { downloadFile, type Downloaded } from '../download';
import { upload } from '../http';
import { call } from './call';

/** The office's 联户台账 and what it sees of visits: `officeHouseholds` … `unvisitedHouseholds`. */

export type HouseholdFilter = Pick<
  Partial<HouseholdListQuery>,
  'q' | 'unitId' | 'cadreId' | 'group' | 'linked'
>;

export function listHouseholds(
  filter: HouseholdFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<Household>> {
  return call('officeHouseholds', { query: { ...filter, page, pageSize } });
}

export function createHousehold(input: CreateHouseholdInput): Promise<Household> {
  return call('createHousehold', { body: input });
}

/** One household with the full phone number: the server writes the opening to the audit log. */
export function getHousehold(id: number): Promise<HouseholdDetail> {
  return call('householdDetail', { params: { id } });
}

export function updateHousehold(id: number, input: UpdateHouseholdInput): Promise<Household> {
  return call('updateHousehold', { params: { id }, body: input });
}

/** 调整结对: another cadre or kind of link, or none (解除结对). */
export function moveHousehold(id: number, input: MoveHouseholdInput): Promise<Household> {
  return call('moveHousehold', { params: { id }, body: input });
}

export type CoverageFilter = Pick<Partial<VisitCoverageQuery>, 'unitId' | 'quarter'>;

export function getVisitCoverage(
  filter: CoverageFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<VisitCoverage> {
  return call('visitCoverage', { query: { ...filter, page, pageSize } });
}

export type UnvisitedFilter = Pick<Partial<UnvisitedQuery>, 'unitId' | 'cadreId'>;

export function listUnvisited(
  filter: UnvisitedFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<UnvisitedHousehold>> {
  return call('unvisitedHouseholds', { query: { ...filter, page, pageSize } });
}

export function downloadHouseholdTemplate(
  onProgress?: (received: number, total: number | null) => void,
): Promise<Downloaded> {
  return downloadFile({
    path: pathOf('householdImportTemplate'),
    fileName: '联户导入模板.xlsx',
    fileType: 'xlsx',
    ...(onProgress ? { onProgress } : {}),
  });
}

/** The whole file is checked; nothing is written unless every row is right (IMPORT_INVALID). */
export async function importHouseholds(
  file: PickedFile,
  onProgress?: (percent: number) => void,
): Promise<ImportCounts> {
  const filePath = await file.open();
  return upload<ImportCounts>({
    path: ROUTES.importHouseholds.path,
    filePath,
    name: ROUTES.importHouseholds.upload,
    fileName: file.name,
    ...(onProgress ? { onProgress } : {}),
  });
}

/** 民困帮扶卡 for a household linked 结亲; the one in use when there is one. */
export function issueHelpCard(householdId: number): Promise<OfficeCard> {
  return call('issueHelpCard', { params: { id: householdId }, body: {} });
}
