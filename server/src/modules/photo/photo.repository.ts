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
  'id' | 'requestId' | 'storageKey' | 'mime' | 'width' | 'height'
>;

@Injectable()
export class PhotoRepository {
  constructor(
    @InjectRepository(RequestPhotoEntity) private readonly photos: Repository<RequestPhotoEntity>,
  ) {}

  async insert(photo: NewPhoto): Promise<RequestPhotoEntity> {
    return this.photos.save(this.photos.create({ ...photo, requestId: null }));
  }

  findById(id: number): Promise<PhotoRow | null> {
    return this.photos.findOne({
      where: { id },
      select: ['id', 'requestId', 'storageKey', 'mime', 'width', 'height'],
    });
  }

  /**
   * Attaches those of `ids` that `uploaderUserId` uploaded and that belong to no request yet, in
   * the caller's transaction; returns how many were attached. One statement, so two submissions
   * racing for the same photo cannot both get it.
   */
  async attachUnattached(
    manager: EntityManager,
    requestId: number,
    uploaderUserId: number,
    ids: number[],
  ): Promise<number> {
    const result = await manager
      .getRepository(RequestPhotoEntity)
      .update({ id: In(ids), uploaderUserId, requestId: IsNull() }, { requestId });
    return result.affected ?? 0;
  }

  findByRequestIds(requestIds: number[]): Promise<PhotoRow[]> {
    return this.photos.find({
      where: { requestId: In(requestIds) },
      select: ['id', 'requestId', 'storageKey', 'mime', 'width', 'height'],
      order: { id: 'ASC' },
    });
  }
}
