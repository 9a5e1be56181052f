import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../../common/access/access.module';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { AuthModule } from '../auth/auth.module';
import { CadreModule } from '../cadre/cadre.module';
import { CardModule } from '../card/card.module';
import { HouseholdModule } from '../household/household.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { AuditModule } from '../audit/audit.module';
import { NoticeModule } from '../notice/notice.module';
import { OrgModule } from '../org/org.module';
import { PhotoModule } from '../photo/photo.module';
import { VoiceModule } from '../voice/voice.module';
import { ContentModule } from '../content/content.module';
import { RatingModule } from '../rating/rating.module';
import { UserModule } from '../user/user.module';
import { BoardRepository } from './board.repository';
import { ContentHoldNotices } from './content-hold-notices';
import { ContentReview } from './content-review';
import { ClockRepository } from './clock.repository';
import { DaySequenceEntity } from './day-sequence.entity';
import { DeadlineRules } from './deadline-rules';
import { RequestClockEntity } from './request-clock.entity';
import { RequestClocks } from './request-clocks';
import { RequestConfirmationEntity } from './request-confirmation.entity';
import { RequestEventEntity } from './request-event.entity';
import { RequestIntake } from './request-intake.service';
import { RequestMovesController } from './request-moves.controller';
import { RequestMoves } from './request-moves.service';
import { RequestNotices } from './request-notices';
import { RequestPresenter } from './request-presenter';
import { RequestQueries } from './request-query.service';
import { RequestRouting } from './request-routing';
import { RequestSweeps } from './request-sweeps';
import { RequestController } from './request.controller';
import { RequestEntity } from './request.entity';
import { LedgerRepository } from './ledger.repository';
import { MetricLedger } from './metric-ledger';
import { MetricRows } from './metric-rows';
import { MetricsModule } from '../metrics/metrics.module';
import { RequestRepository } from './request.repository';
import { TimelineRepository } from './timeline.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      RequestEntity,
      RequestEventEntity,
      RequestClockEntity,
      RequestConfirmationEntity,
      DaySequenceEntity,
    ]),
    AccessModule,
    AuthModule,
    CadreModule,
    CardModule,
    ContentModule,
    CryptoModule,
    HouseholdModule,
    IdempotencyModule,
    MetricsModule,
    NoticeModule,
    AuditModule,
    OrgModule,
    PhotoModule,
    VoiceModule,
    RatingModule,
    UserModule,
  ],
  controllers: [RequestController, RequestMovesController],
  providers: [
    BoardRepository,
    ClockRepository,
    ContentHoldNotices,
    ContentReview,
    DeadlineRules,
    LedgerRepository,
    MetricLedger,
    MetricRows,
    RequestClocks,
    RequestIntake,
    RequestMoves,
    RequestNotices,
    RequestPresenter,
    RequestQueries,
    RequestRepository,
    RequestRouting,
    RequestSweeps,
    TimelineRepository,
  ],
  exports: [
    BoardRepository,
    RequestRepository,
    TimelineRepository,
    ClockRepository,
    RequestSweeps,
    RequestMoves,
    RequestQueries,
    LedgerRepository,
    MetricLedger,
    MetricRows,
  ],
})
export class RequestModule {}
