import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { RequestVoiceEntity } from './request-voice.entity';

export type NewVoice = Pick<
  RequestVoiceEntity,
  'uploaderUserId' | 'storageKey' | 'mime' | 'sizeBytes' | 'durationMs' | 'transcript'
>;

export type VoiceRow = Pick<
  RequestVoiceEntity,
  'id' | 'requestId' | 'storageKey' | 'mime' | 'durationMs' | 'transcript'
>;

const ROW: (keyof VoiceRow)[] = [
  'id',
  'requestId',
  'storageKey',
  'mime',
  'durationMs',
  'transcript',
];

@Injectable()
export class VoiceRepository {
  constructor(
    @InjectRepository(RequestVoiceEntity) private readonly voices: Repository<RequestVoiceEntity>,
  ) {}

  async insert(voice: NewVoice): Promise<RequestVoiceEntity> {
    return this.voices.save(this.voices.create({ ...voice, requestId: null }));
  }

  findById(id: number): Promise<VoiceRow | null> {
    return this.voices.findOne({ where: { id }, select: ROW });
  }

  /**
   * Attaches the clip if `uploaderUserId` uploaded it and it belongs to no request yet, in the
   * caller's transaction; one statement, so two submissions cannot both take it.
   */
  async attachUnattached(
    manager: EntityManager,
    requestId: number,
    uploaderUserId: number,
    id: number,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(RequestVoiceEntity)
      .update({ id, uploaderUserId, requestId: IsNull() }, { requestId });
    return (result.affected ?? 0) === 1;
  }

  /** The transcripts of these requests' recordings (null where nothing was heard). */
  async transcriptsFor(requestIds: number[]): Promise<Map<number, string | null>> {
    if (requestIds.length === 0) return new Map();
    const rows = await this.voices.find({
      where: { requestId: In(requestIds) },
      select: ['requestId', 'transcript'],
    });
    return new Map(rows.map((r) => [r.requestId!, r.transcript]));
  }

  findByRequest(requestId: number): Promise<VoiceRow | null> {
    return this.voices.findOne({ where: { requestId }, select: ROW, order: { id: 'ASC' } });
  }
}
