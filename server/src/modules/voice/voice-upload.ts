import { MAX_VOICE_BYTES, PHOTO_FIELD } from '@mqlk/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error';
import { readFileUpload } from '../photo/photo-upload';

/** The one recording of a multipart upload, at most MAX_VOICE_BYTES; its bytes decide what it is. */
export function readVoiceUpload(request: FastifyRequest): Promise<Buffer> {
  return readFileUpload(
    request,
    PHOTO_FIELD,
    MAX_VOICE_BYTES,
    () => new AppError('VALIDATION_FAILED', [{ field: PHOTO_FIELD, message: '请先录一段语音' }]),
    () =>
      new AppError('VALIDATION_FAILED', [
        { field: PHOTO_FIELD, message: '录音没有完整传上来，请重新上传' },
      ]),
    () => new AppError('VOICE_TOO_LARGE'),
  );
}
