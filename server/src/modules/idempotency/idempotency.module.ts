import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyRecordEntity])],
  exports: [TypeOrmModule],
})
export class IdempotencyModule {}
