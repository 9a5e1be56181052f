import {
  DEFAULT_PAGE_SIZE,
  localDateOf,
  pathOf,
  ROUTES,
  type AccountListQuery,
  type AccountWithPassword,
  type AuditEntry,
  type AuditQuery,
  type CadreCreated,
  type CadreDetail,
  type CadreListQuery,
  type CalendarDayInput,
  type CardDetail,
  type CardSheetQuery,
  type CountyCalendar,
  type CreateAccountInput,
  type CreateCadreInput,
  type CreateUnitInput,
  type DeactivateCadreInput,
  type DeadlinePolicyInput,
  type ImportResult,
  type LedgerQuery,
  type OfficeAccount,
  type OfficeCadre,
  type OfficeCard,
  type OfficeUnit,
  type OfficeUnitTree,
  type Page,
  type RevokeCardInput,
  type RevokeCardResult,
  type TransferPostInput,
  type TransferPostResult,
  type UpdateCadreInput,
  type UpdateUnitInput,
  type YearScheduleInput,
} from '@mqlk/shared';

import type { PickedFile } from '../../platform/spreadsheet-common';
import { downloadFile, type Downloaded } from '../download';
import { upload } from '../http';
import { call } from './call';

/** The township office (管理后台): every route from `officeUnits` to `auditLog`. */

type Progress = (received: number, total: number | null) => void;

/* ---- org tree ---- */

export function getUnits(): Promise<OfficeUnitTree> {
  return call('officeUnits', {});
}

export function createUnit(input: CreateUnitInput): Promise<OfficeUnit> {
  return call('createUnit', { body: input });
}

export function updateUnit(id: number, input: UpdateUnitInput): Promise<OfficeUnit> {
  return call('updateUnit', { params: { id }, body: input });
}

export function retireUnit(id: number): Promise<OfficeUnit> {
  return call('retireUnit', { params: { id }, body: {} });
}

/* ---- cadres ---- */

export type CadreFilter = Pick<Partial<CadreListQuery>, 'q' | 'unitId' | 'active'>;

export function listCadres(
  filter: CadreFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<OfficeCadre>> {
  return call('officeCadres', { query: { ...filter, page, pageSize } });
}

export function createCadre(input: CreateCadreInput): Promise<CadreCreated> {
  return call('createCadre', { body: input });
}

export function getCadre(id: number): Promise<CadreDetail> {
  return call('cadreDetail', { params: { id } });
}

export function updateCadre(id: number, input: UpdateCadreInput): Promise<OfficeCadre> {
  return call('updateCadre', { params: { id }, body: input });
}

/** The portrait on the card: one photo from the album or camera, already made smaller. */
export function uploadCadrePhoto(
  id: number,
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<OfficeCadre> {
  return upload<OfficeCadre>({
    path: pathOf('uploadCadrePhoto', { id }),
    filePath,
    name: ROUTES.uploadCadrePhoto.upload,
    fileName: 'photo.jpg',
    ...(onProgress ? { onProgress } : {}),
  });
}

export function removeCadrePhoto(id: number): Promise<OfficeCadre> {
  return call('removeCadrePhoto', { params: { id }, body: {} });
}

export function deactivateCadre(id: number, input: DeactivateCadreInput): Promise<OfficeCadre> {
  return call('deactivateCadre', { params: { id }, body: input });
}

/** 事随人转 */
export function transferPost(id: number, input: TransferPostInput): Promise<TransferPostResult> {
  return call('transferPost', { params: { id }, body: input });
}

export function downloadImportTemplate(onProgress?: Progress): Promise<Downloaded> {
  return downloadFile({
    path: pathOf('cadreImportTemplate'),
    fileName: '干部导入模板.xlsx',
    fileType: 'xlsx',
    ...(onProgress ? { onProgress } : {}),
  });
}

/** The whole file is checked; nothing is written unless every row is right (IMPORT_INVALID). */
export async function importCadres(
  file: PickedFile,
  onProgress?: (percent: number) => void,
): Promise<ImportResult> {
  const filePath = await file.open();
  return upload<ImportResult>({
    path: ROUTES.importCadres.path,
    filePath,
    name: ROUTES.importCadres.upload,
    fileName: file.name,
    ...(onProgress ? { onProgress } : {}),
  });
}

/* ---- cards ---- */

export function issueCard(cadreId: number): Promise<OfficeCard> {
  return call('issueCard', { params: { id: cadreId }, body: {} });
}

export function getCard(id: number): Promise<CardDetail> {
  return call('cardDetail', { params: { id } });
}

export function revokeCard(id: number, input: RevokeCardInput): Promise<RevokeCardResult> {
  return call('revokeCard', { params: { id }, body: input });
}

/** The printable sheet (A4, 8 cards a page) of one card or of every active card in a unit. */
export function downloadCardSheet(
  query: Partial<CardSheetQuery>,
  onProgress?: Progress,
): Promise<Downloaded> {
  return downloadFile({
    path: pathOf('cardSheet'),
    query,
    fileName: '民情联系卡.pdf',
    fileType: 'pdf',
    ...(onProgress ? { onProgress } : {}),
  });
}

/* ---- ledger ---- */

export function downloadLedger(
  query: Partial<LedgerQuery>,
  onProgress?: Progress,
): Promise<Downloaded> {
  return downloadFile({
    path: pathOf('ledger'),
    query,
    fileName: `民情台账-${localDateOf(new Date())}.xlsx`,
    fileType: 'xlsx',
    ...(onProgress ? { onProgress } : {}),
  });
}

/* ---- accounts ---- */

export type AccountFilter = Pick<Partial<AccountListQuery>, 'q' | 'role'>;

export function listAccounts(
  filter: AccountFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<OfficeAccount>> {
  return call('officeAccounts', { query: { ...filter, page, pageSize } });
}

export function createAccount(input: CreateAccountInput): Promise<AccountWithPassword> {
  return call('createAccount', { body: input });
}

export function resetPassword(id: number): Promise<AccountWithPassword> {
  return call('resetPassword', { params: { id }, body: {} });
}

export function setAccountActive(id: number, active: boolean): Promise<OfficeAccount> {
  return call('setAccountActive', { params: { id }, body: { active } });
}

/* ---- calendar ---- */

export function getCalendar(year?: number): Promise<CountyCalendar> {
  return call('countyCalendar', year === undefined ? {} : { query: { year } });
}

export function setYearSchedule(year: number, input: YearScheduleInput): Promise<CountyCalendar> {
  return call('setYearSchedule', { params: { year }, body: input });
}

export function setCalendarDay(input: CalendarDayInput): Promise<CountyCalendar> {
  return call('setCalendarDay', { body: input });
}

export function setDeadlinePolicy(input: DeadlinePolicyInput): Promise<CountyCalendar> {
  return call('setDeadlinePolicy', { body: input });
}

/* ---- audit ---- */

export type AuditFilter = Pick<Partial<AuditQuery>, 'actorId' | 'action' | 'from' | 'to'>;

export function listAudit(
  filter: AuditFilter,
  page: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<AuditEntry>> {
  return call('auditLog', { query: { ...filter, page, pageSize } });
}
