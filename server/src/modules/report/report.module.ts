import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgModule } from '../org/org.module';
import { RatingModule } from '../rating/rating.module';
import { RequestModule } from '../request/request.module';
import { StatsModule } from '../stats/stats.module';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';

/** 月报: a unit's month as a PDF and a workbook, for staff and for the report:monthly command. */
@Module({
  imports: [AuditModule, OrgModule, RatingModule, RequestModule, StatsModule],
  controllers: [ReportController],
  providers: [ReportService],
  exports: [ReportService],
})
export class ReportModule {}
