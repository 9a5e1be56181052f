import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error';
import { attachment } from '../../common/attachment';
import { readFileUpload } from '../photo/photo-upload';

/** An import's file: 2,000 rows are well under 1 MB; more than this is not an import sheet. */
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileIssue = (message: string) =>
  new AppError('VALIDATION_FAILED', [{ field: 'file', message }]);

/** The uploaded .xlsx of an import (field `file`), with the same limits and words for every import. */
export function readSpreadsheetUpload(request: FastifyRequest): Promise<Buffer> {
  return readFileUpload(
    request,
    'file',
    IMPORT_MAX_BYTES,
    () => fileIssue('请选择要导入的 Excel 文件'),
    () => fileIssue('文件没有完整传上来，请重新上传'),
    () => fileIssue('文件太大了，不能超过5MB'),
  );
}

/** Headers of an .xlsx download: a Chinese file name, and an ASCII one for old clients. */
export function xlsxDownload(reply: FastifyReply, name: string, ascii: string): void {
  void reply.header('content-type', XLSX);
  void reply.header('content-disposition', attachment(name, ascii));
}
