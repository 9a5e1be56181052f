import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RateInput, UnfoundedReason } from '@mqlk/shared';
import { type EntityManager, In, type Repository } from 'typeorm';
import { subtreePattern } from '../../common/access/access-policy';
import { inBatches } from '../../database/batches';
import { dbTime } from '../../database/locking';
import { RatingEntity } from './rating.entity';

/** Who a rating is attributed to: the owner who resolved that round, in their unit at the time. */
export interface RatingAttribution {
  ownerUserId: number;
  ownerUnitId: number;
  ownerUnitPath: string;
}

/** The rating table's one home. Writes take the caller's transaction, like the move they belong to. */
@Injectable()
export class RatingRepository {
  constructor(@InjectRepository(RatingEntity) private readonly ratings: Repository<RatingEntity>) {}

  async roundsRated(m: EntityManager, requestId: number): Promise<(1 | 2)[]> {
    const rows = await m.getRepository(RatingEntity).find({
      where: { requestId },
      select: ['id', 'round'],
    });
    return rows.map((r) => (Number(r.round) === 2 ? 2 : 1));
  }

  async insert(
    m: EntityManager,
    rating: {
      requestId: number;
      round: number;
      raterUserId: number;
      input: RateInput;
      to: RatingAttribution;
      at: Date;
    },
  ): Promise<void> {
    await m.getRepository(RatingEntity).insert({
      requestId: rating.requestId,
      round: rating.round,
      level: rating.input.level,
      solved: rating.input.solved,
      tags: rating.input.tags.join(','),
      comment: rating.input.comment || null,
      raterUserId: rating.raterUserId,
      ...rating.to,
      excluded: false,
      exclusionReason: null,
      exclusionNote: null,
      createdAt: rating.at,
    });
  }

  /** A bad review found unfounded: kept on record, left out of every figure. */
  async exclude(
    m: EntityManager,
    requestId: number,
    round: number,
    reason: UnfoundedReason,
    note: string,
  ): Promise<void> {
    await m
      .getRepository(RatingEntity)
      .update(
        { requestId, round },
        { excluded: true, exclusionReason: reason, exclusionNote: note },
      );
  }

  forRequest(requestId: number): Promise<RatingEntity[]> {
    return this.ratings.find({ where: { requestId }, order: { round: 'ASC' } });
  }

  /** The ratings of many requests, for the figures. */
  /** The counted (not excluded) ratings given in a subtree between two instants, oldest first. */
  countedBetween(unitPath: string, from: Date, to: Date): Promise<RatingEntity[]> {
    return this.ratings
      .createQueryBuilder('r')
      .where('r.owner_unit_path LIKE :path', { path: subtreePattern(unitPath) })
      .andWhere('r.created_at >= :from AND r.created_at < :to', {
        from: dbTime(this.ratings.manager, from),
        to: dbTime(this.ratings.manager, to),
      })
      .andWhere('r.excluded = :no', { no: false })
      .orderBy('r.created_at')
      .addOrderBy('r.id')
      .getMany();
  }

  forRequests(requestIds: readonly number[], m?: EntityManager): Promise<RatingEntity[]> {
    const repo = m ? m.getRepository(RatingEntity) : this.ratings;
    return inBatches(requestIds, (batch) =>
      repo.find({ where: { requestId: In(batch) }, order: { id: 'ASC' } }),
    );
  }
}
