import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainEntity, AuditLogEntity } from './audit-log.entity';
import { AuditRepository } from './audit.repository';

@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity, AuditChainEntity])],
  providers: [AuditRepository],
  exports: [AuditRepository],
})
export class AuditModule {}
