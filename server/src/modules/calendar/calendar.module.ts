import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../../common/access/access.module';
import { AuditModule } from '../audit/audit.module';
import { OrgModule } from '../org/org.module';
import { CalendarController } from './calendar.controller';
import { CalendarChangeEntity, CalendarYearEntity, DeadlinePolicyEntity } from './calendar.entity';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { CountyCalendars } from './county-calendars';

/**
 * Each county's working-day calendar and deadline policy. Global, because every module that
 * computes a deadline needs `CountyCalendars`, and there must be one of it per instance: the
 * cache that a change here clears is the one the deadlines read.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([CalendarYearEntity, CalendarChangeEntity, DeadlinePolicyEntity]),
    AccessModule,
    AuditModule,
    OrgModule,
  ],
  controllers: [CalendarController],
  providers: [CalendarRepository, CountyCalendars, CalendarService],
  exports: [CountyCalendars],
})
export class CalendarModule {}
