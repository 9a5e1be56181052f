import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

const KEY_PATTERN = /^[0-9A-Za-z_-]{8,64}$/;

const keyRefused = (message: string) =>
  new AppError('VALIDATION_FAILED', [{ field: 'Idempotency-Key', message }]);

/**
 * Weak mobile networks retry: a create-POST with a key already seen answers what the first call
 * created instead of creating it twice. The key's record is written in the same transaction as the
 * work, last, with its answer (one statement, no update): either both exist or neither does.
 * Nothing is read first (issue 11: a round trip on every submission for the rare retry): a
 * repeat, concurrent or late, does its work, then hits the unique index (waiting there until the
 * first commits) — or fails on the way, e.g. on a photo the first already took — rolls back, finds
 * the first call's record and answers what it created. A repeat costs a request number (numbers
 * may have gaps).
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `work` once per (user, key); returns the id it produced, the first time and on every
   * retry. `prepare` runs only when the key is new, before the transaction, and its result is
   * handed to `work` (what must not be held inside the transaction, such as a request number).
   */
  async once<P = undefined>(
    userId: number,
    key: string | undefined,
    route: string,
    payload: unknown,
    work: (m: EntityManager, prepared: P) => Promise<number>,
    prepare?: () => Promise<P>,
  ): Promise<number> {
    if (!key) throw keyRefused('提交缺少防重复标识，请刷新页面后重新提交');
    if (!KEY_PATTERN.test(key)) throw keyRefused('防重复标识格式不对，应为8到64位字母或数字');
    const requestHash = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
    const prepared = prepare ? await prepare() : (undefined as P);
    try {
      return await this.db.transaction(async (m) => {
        const id = await work(m, prepared);
        await m.insert(IdempotencyRecordEntity, {
          userId,
          idemKey: key,
          route,
          requestHash,
          statusCode: 201,
          responseBody: JSON.stringify({ id }),
        });
        return id;
      });
    } catch (err) {
      // A refusal that is the caller's own (an invalid photo…) answers as such unless a first
      // call with this key exists; then the first call's answer is the answer.
      const winner = await this.find(userId, key);
      if (!winner) throw err;
      return this.replay(winner, requestHash);
    }
  }

  private find(userId: number, idemKey: string) {
    return this.db.getRepository(IdempotencyRecordEntity).findOne({ where: { userId, idemKey } });
  }

  private replay(record: IdempotencyRecordEntity, requestHash: string): number {
    if (record.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (!record.responseBody) throw new AppError('VERSION_CONFLICT');
    return (JSON.parse(record.responseBody) as { id: number }).id;
  }
}
