import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditDetail, AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorUserId: number;
  action: string;
  targetType: string;
  targetId: number;
  unitPath: string;
  detail?: AuditDetail;
  at: Date;
}

/** The audit log's one home: written beside the action it records, in the same transaction. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(m: EntityManager, e: AuditEntry): Promise<void> {
    const { at, detail, ...fields } = e;
    await m
      .getRepository(AuditLogEntity)
      .insert({ ...fields, detail: detail ?? null, createdAt: at });
  }

  /** The entries about one thing, oldest first. */
  about(targetType: string, targetId: number): Promise<AuditLogEntity[]> {
    return this.db
      .getRepository(AuditLogEntity)
      .find({ where: { targetType, targetId }, order: { id: 'ASC' } });
  }
}
