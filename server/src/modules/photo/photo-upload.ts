import type {} from '@fastify/multipart';
import { MAX_PHOTO_BYTES, PHOTO_FIELD } from '@mqlk/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error';

const noFile = () =>
  new AppError('VALIDATION_FAILED', [{ field: PHOTO_FIELD, message: '请选择要上传的照片' }]);

const brokenUpload = () =>
  new AppError('VALIDATION_FAILED', [
    { field: PHOTO_FIELD, message: '照片没有完整传上来，请重新上传' },
  ]);

/**
 * Reads the one photo of a multipart upload into memory, at most MAX_PHOTO_BYTES. What the file
 * is gets decided later from its bytes; its name and declared type are ignored.
 */
export function readPhotoUpload(request: FastifyRequest): Promise<Buffer> {
  return readFileUpload(
    request,
    PHOTO_FIELD,
    MAX_PHOTO_BYTES,
    noFile,
    brokenUpload,
    () => new AppError('PAYLOAD_TOO_LARGE'),
  );
}

export interface UploadRefusals {
  noFile: () => AppError;
  broken: () => AppError;
  tooLarge: () => AppError;
}

/** One file of a multipart upload (in `field`), into memory, at most `maxBytes`. */
export async function readFileUpload(
  request: FastifyRequest,
  field: string,
  maxBytes: number,
  noFile: () => AppError,
  broken: () => AppError,
  tooLarge: () => AppError,
): Promise<Buffer> {
  if (!request.isMultipart()) throw noFile();
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (part === undefined) throw noFile();
    if (part.fieldname !== field) {
      part.file.resume();
      throw noFile();
    }
    return await part.toBuffer();
  } catch (err) {
    throw translateMultipartError(err, { noFile, broken, tooLarge });
  }
}

/**
 * Nothing but the client's body is read here, so whatever goes wrong is the client's: a body cut
 * short on a weak signal, a content type without a boundary. busboy reports those as plain
 * `Error`s without a code, so they cannot be listed one by one; only @fastify/multipart's own
 * errors that say "server fault" (a 5xx status) are let through as such.
 */
function translateMultipartError(err: unknown, refuse: UploadRefusals): unknown {
  if (err instanceof AppError) return err;
  const { code, statusCode } = (err ?? {}) as { code?: unknown; statusCode?: unknown };
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return refuse.tooLarge();
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PROTO_VIOLATION':
      return refuse.noFile();
    default:
      return typeof statusCode === 'number' && statusCode >= 500 ? err : refuse.broken();
  }
}
