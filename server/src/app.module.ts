import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { ClockModule } from './common/clock/clock.module';
import { ErrorFilter } from './common/error.filter';
import { loggingModule } from './common/logging';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BoardModule } from './modules/board/board.module';
import { CadreModule } from './modules/cadre/cadre.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { CardModule } from './modules/card/card.module';
import { FieldworkModule } from './modules/fieldwork/fieldwork.module';
import { HealthModule } from './modules/health/health.module';
import { HouseholdModule } from './modules/household/household.module';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { NoticeModule } from './modules/notice/notice.module';
import { OfficeModule } from './modules/office/office.module';
import { OrgModule } from './modules/org/org.module';
import { PhoneLinkModule } from './modules/phone-link/phone-link.module';
import { PhotoModule } from './modules/photo/photo.module';
import { VoiceModule } from './modules/voice/voice.module';
import { RatingModule } from './modules/rating/rating.module';
import { ReportModule } from './modules/report/report.module';
import { RequestModule } from './modules/request/request.module';
import { SpeechModule } from './modules/speech/speech.module';
import { StatsModule } from './modules/stats/stats.module';
import { UserModule } from './modules/user/user.module';

export interface AppModuleOptions {
  /** Where JSON log lines go (stdout by default); tests read them. */
  logDestination?: DestinationStream;
  /** Extra modules, e.g. a test-only controller. */
  imports?: ModuleMetadata['imports'];
  /** Tests: check every answer against the shared contract (common/contract/response-check.ts). */
  checkResponses?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(config),
        loggingModule(options.logDestination),
        DatabaseModule,
        HealthModule,
        OrgModule,
        UserModule,
        AuthModule,
        CadreModule,
        CardModule,
        CalendarModule,
        RequestModule,
        StatsModule,
        BoardModule,
        PhotoModule,
        SpeechModule,
        PhoneLinkModule,
        VoiceModule,
        RatingModule,
        IdempotencyModule,
        AuditModule,
        NoticeModule,
        HouseholdModule,
        FieldworkModule,
        OfficeModule,
        LedgerModule,
        ReportModule,
        JobsModule,
        ...(options.imports ?? []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
