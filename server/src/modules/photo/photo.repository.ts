import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { RequestPhotoEntity } from './request-photo.entity';

export type NewPhoto = Pick<
  RequestPhotoEntity,
  'uploaderUserId' | 'storageKey' | 'mime' | 'sizeBytes' | 'width' | 'height'
>;

export type PhotoRow = Pick<
  RequestPhotoEntity,
  'id' | 'requestId' | 'visitId' | 'storageKey' | 'mime' | 'width' | 'height'
>;

/** What a photo belongs to: a request, or a visit (走访). */
export type PhotoOwner =
  | { requestId: number; visitId?: never }
  | { visitId: number; requestId?: never };

@Injectable()
export class PhotoRepository {
  constructor(
    @InjectRepository(RequestPhotoEntity) private readonly photos: Repository<RequestPhotoEntity>,
  ) {}

  async insert(photo: NewPhoto): Promise<RequestPhotoEntity> {
    return this.photos.save(this.photos.create({ ...photo, requestId: null, visitId: null }));
  }

  findById(id: number): Promise<PhotoRow | null> {
    return this.photos.findOne({
      where: { id },
      select: ['id', 'requestId', 'visitId', 'storageKey', 'mime', 'width', 'height'],
    });
  }

  /**
   * Attaches those of `ids` that `uploaderUserId` uploaded and that belong to nothing yet, in the
   * caller's transaction; returns how many were attached. One statement, so two submissions
   * racing for the same photo cannot both get it.
   */
  async attachUnattached(
    manager: EntityManager,
    owner: PhotoOwner,
    uploaderUserId: number,
    ids: number[],
  ): Promise<number> {
    const result = await manager
      .getRepository(RequestPhotoEntity)
      .update({ id: In(ids), uploaderUserId, requestId: IsNull(), visitId: IsNull() }, owner);
    return result.affected ?? 0;
  }

  /** The photos of these requests or visits, oldest first. */
  findByOwners(kind: keyof PhotoOwner, ids: number[]): Promise<PhotoRow[]> {
    return this.photos.find({
      where: { [kind]: In(ids) },
      select: ['id', 'requestId', 'visitId', 'storageKey', 'mime', 'width', 'height'],
      order: { id: 'ASC' },
    });
  }
}
