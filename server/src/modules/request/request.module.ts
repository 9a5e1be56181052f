import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CardModule } from '../card/card.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { OrgModule } from '../org/org.module';
import { PhotoModule } from '../photo/photo.module';
import { DaySequenceEntity } from './day-sequence.entity';
import { DeadlineRules } from './deadline-rules';
import { RequestEventEntity } from './request-event.entity';
import { RequestQueryService } from './request-query.service';
import { RequestRouting } from './request-routing';
import { RequestController } from './request.controller';
import { RequestEntity } from './request.entity';
import { RequestService } from './request.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([RequestEntity, RequestEventEntity, DaySequenceEntity]),
    AuthModule,
    CardModule,
    IdempotencyModule,
    OrgModule,
    PhotoModule,
  ],
  controllers: [RequestController],
  providers: [RequestService, RequestQueryService, RequestRouting, DeadlineRules],
  exports: [TypeOrmModule, DeadlineRules],
})
export class RequestModule {}
