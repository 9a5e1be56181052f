import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PhotoView } from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CadreRepository } from '../cadre/cadre.repository';
import { PhotoDecodeError, normalizePhoto, sniffPhotoType } from './photo-image';
import { type PhotoOwner, PhotoRepository, type PhotoRow } from './photo.repository';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotoUrlSigner } from './photo-url';

const CADRE_PHOTO_DIR = 'cadres/';
const CADRE_PHOTO_PATH = '/api/cadre-photos/';
const CADRE_PHOTO_NAME = /^[0-9a-f-]{36}\.jpg$/;

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
    private readonly cadres: CadreRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.signer = new PhotoUrlSigner(config.tokenSecret);
  }

  async upload(actor: RequestActor, input: Buffer): Promise<PhotoView> {
    const image = await this.normalized(input);
    const storageKey = `${this.clock.now().toISOString().slice(0, 7).replace('-', '/')}/${randomUUID()}.jpg`;
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
   * A cadre's portrait: checked and re-encoded like any photo, stored under `cadres/`. Returns the
   * public path the card shows (`/api/cadre-photos/<uuid>.jpg`), new on every upload so that no
   * cache shows the old face.
   */
  async storeCadrePhoto(input: Buffer): Promise<string> {
    const image = await this.normalized(input);
    const name = `${randomUUID()}.jpg`;
    await this.storage.put(CADRE_PHOTO_DIR + name, image.data, image.mime);
    return CADRE_PHOTO_PATH + name;
  }

  /** The bytes of a cadre's current portrait; a replaced or removed one is gone. */
  async readCadrePhoto(name: string): Promise<PhotoFile> {
    const path = CADRE_PHOTO_PATH + name;
    const data =
      CADRE_PHOTO_NAME.test(name) && (await this.cadres.hasPhoto(path))
        ? await this.storage.get(CADRE_PHOTO_DIR + name)
        : null;
    if (!data) throw new AppError('NOT_FOUND');
    return { data, mime: 'image/jpeg' };
  }

  /** What the bytes are is decided from the bytes; the result is a re-encoded JPEG without EXIF. */
  private async normalized(input: Buffer) {
    if (sniffPhotoType(input) === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    try {
      return await normalizePhoto(input);
    } catch (err) {
      if (!(err instanceof PhotoDecodeError)) throw err;
      throw new AppError(
        err.reason === 'too_many_pixels' ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE',
      );
    }
  }

  /**
   * Attaches photos to a request or a visit being created, inside its transaction. Any id that is
   * not one of the uploader's own unattached photos refuses the whole submission.
   */
  async attach(
    manager: EntityManager,
    uploaderUserId: number,
    owner: PhotoOwner,
    photoIds: number[],
  ): Promise<void> {
    const ids = [...new Set(photoIds)];
    if (ids.length === 0) return;
    const attached = await this.photos.attachUnattached(manager, owner, uploaderUserId, ids);
    if (attached !== ids.length) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'photoIds', message: '照片已失效，请重新上传' },
      ]);
    }
  }

  /** The photos of each request (or visit), oldest first, with fresh signed links; every id gets an entry. */
  async viewsFor(kind: keyof PhotoOwner, ids: number[]): Promise<Map<number, PhotoView[]>> {
    const views = new Map<number, PhotoView[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return views;
    const now = this.clock.now();
    for (const photo of await this.photos.findByOwners(kind, [...new Set(ids)])) {
      const owner = photo[kind];
      if (owner !== null) views.get(owner)?.push(this.viewOf(photo, now));
    }
    return views;
  }

  /** A signed link to one photo (relative: prefix the public origin for someone outside). */
  linkOf(id: number): string {
    return this.signer.urlOf(id, this.clock.now());
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
