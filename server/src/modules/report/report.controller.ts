import { Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type MonthlyReportQuery, ROUTES } from '@mqlk/shared';
import type { FastifyReply } from 'fastify';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { attachment } from '../../common/attachment';
import { Endpoint, ValidQuery } from '../../common/contract/endpoint';
import { type ReportFile, ReportService } from './report.service';

/** 月报 downloads: refusals answer as JSON; a report is built whole, then sent. */
@ApiTags('office')
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Endpoint('monthlyReportPdf')
  async pdf(
    @CurrentActor() actor: RequestActor,
    @ValidQuery() query: MonthlyReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return send(
      reply,
      ROUTES.monthlyReportPdf.produces,
      await this.reports.download(actor, query, 'pdf'),
    );
  }

  @Endpoint('monthlyReportXlsx')
  async xlsx(
    @CurrentActor() actor: RequestActor,
    @ValidQuery() query: MonthlyReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return send(
      reply,
      ROUTES.monthlyReportXlsx.produces,
      await this.reports.download(actor, query, 'xlsx'),
    );
  }
}

function send(reply: FastifyReply, type: string, file: ReportFile): Buffer {
  void reply.header('content-type', type);
  void reply.header('content-disposition', attachment(file.name, file.asciiName));
  void reply.header('cache-control', 'no-store');
  return file.bytes;
}
