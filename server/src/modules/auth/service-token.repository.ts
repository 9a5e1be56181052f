import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { dbTime, forUpdate, fromDbTime, onDuplicateIgnore } from '../../database/locking';
import { ServiceTokenEntity } from './service-token.entity';

/** Shared service credentials' one home (WeChat's access_token). */
@Injectable()
export class ServiceTokenRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  read(name: string): Promise<ServiceTokenEntity | null> {
    return this.db.getRepository(ServiceTokenEntity).findOne({ where: { name } });
  }

  /**
   * Runs `refresh` holding the token's row, so that of several instances whose tokens ran out
   * together one fetches a new token and the others find it when they get the row.
   */
  async whileHeld<T>(
    name: string,
    refresh: (current: ServiceTokenEntity, m: EntityManager) => Promise<T>,
  ) {
    return this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO service_token (name, value, expires_at) VALUES (?, '', ?) ${onDuplicateIgnore(m, 'name')}`,
        [name, dbTime(m, new Date(0))],
      );
      const rows: { name: string; value: string; expires_at: Date | string }[] = await m.query(
        `SELECT name, value, expires_at FROM service_token WHERE name = ?${forUpdate(m)}`,
        [name],
      );
      const row = rows[0]!;
      return refresh({ name, value: row.value, expiresAt: fromDbTime(row.expires_at) }, m);
    });
  }

  async store(m: EntityManager, name: string, value: string, expiresAt: Date): Promise<void> {
    await m.getRepository(ServiceTokenEntity).update({ name }, { value, expiresAt });
  }
}
