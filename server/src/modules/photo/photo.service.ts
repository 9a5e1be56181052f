import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PhotoView } from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PhotoDecodeError, normalizePhoto, sniffPhotoType } from './photo-image';
import { PhotoRepository, type PhotoRow } from './photo.repository';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotoUrlSigner } from './photo-url';

export interface PhotoFile {
  data: Buffer;
  mime: string;
}

/**
 * Photos are uploaded on their own first (a resident on a weak network sees each one arrive), then
 * attached to the request when it is submitted. Only the uploader can attach their photos.
 */
@Injectable()
export class PhotoService {
  private readonly signer: PhotoUrlSigner;

  constructor(
    private readonly photos: PhotoRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.signer = new PhotoUrlSigner(config.tokenSecret);
  }

  async upload(actor: RequestActor, input: Buffer): Promise<PhotoView> {
    if (sniffPhotoType(input) === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    let image;
    try {
      image = await normalizePhoto(input);
    } catch (err) {
      if (!(err instanceof PhotoDecodeError)) throw err;
      throw new AppError(
        err.reason === 'too_many_pixels' ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE',
      );
    }
    const now = this.clock.now();
    const month = now.toISOString().slice(0, 7).replace('-', '/');
    const storageKey = `${month}/${randomUUID()}.jpg`;
    // Stored first: a failed insert leaves an unreferenced file, never a row without its file.
    await this.storage.put(storageKey, image.data, image.mime);
    const photo = await this.photos.insert({
      uploaderUserId: actor.userId,
      storageKey,
      mime: image.mime,
      sizeBytes: image.data.length,
      width: image.width,
      height: image.height,
    });
    return this.viewOf(photo);
  }

  /**
   * Attaches photos to a request being created, inside its transaction. Any id that is not one of
   * the uploader's own unattached photos refuses the whole submission.
   */
  async attachToRequest(
    manager: EntityManager,
    uploaderUserId: number,
    requestId: number,
    photoIds: number[],
  ): Promise<void> {
    const ids = [...new Set(photoIds)];
    if (ids.length === 0) return;
    const attached = await this.photos.attachUnattached(manager, requestId, uploaderUserId, ids);
    if (attached !== ids.length) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'photoIds', message: '照片已失效，请重新上传' },
      ]);
    }
  }

  /** The photos of each request, oldest first, with fresh signed links; every id gets an entry. */
  async viewsForRequests(requestIds: number[]): Promise<Map<number, PhotoView[]>> {
    const views = new Map<number, PhotoView[]>(requestIds.map((id) => [id, []]));
    if (requestIds.length === 0) return views;
    const now = this.clock.now();
    for (const photo of await this.photos.findByRequestIds([...new Set(requestIds)])) {
      if (photo.requestId !== null) views.get(photo.requestId)?.push(this.viewOf(photo, now));
    }
    return views;
  }

  /** The file behind a signed link. */
  async readSigned(id: number, exp: unknown, sig: unknown): Promise<PhotoFile> {
    const now = this.clock.now();
    if (this.signer.check(id, exp, sig, now) !== 'ok') throw new AppError('FORBIDDEN');
    const photo = await this.photos.findById(id);
    const data = photo ? await this.storage.get(photo.storageKey) : null;
    if (!photo || !data) throw new AppError('NOT_FOUND');
    return { data, mime: photo.mime };
  }

  private viewOf(
    photo: Pick<PhotoRow, 'id' | 'width' | 'height'>,
    now = this.clock.now(),
  ): PhotoView {
    return {
      id: photo.id,
      url: this.signer.urlOf(photo.id, now),
      width: photo.width,
      height: photo.height,
    };
  }
}
