import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DaySequenceEntity } from './day-sequence.entity';
import { RequestEventEntity } from './request-event.entity';
import { RequestEntity } from './request.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RequestEntity, RequestEventEntity, DaySequenceEntity])],
  exports: [TypeOrmModule],
})
export class RequestModule {}
