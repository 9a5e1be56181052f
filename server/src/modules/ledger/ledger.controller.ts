import { PassThrough } from 'node:stream';
import { Controller, Logger, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type LedgerQuery, ROUTES } from '@mqlk/shared';
import type { FastifyReply } from 'fastify';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { attachment } from '../../common/attachment';
import { Endpoint, ValidQuery } from '../../common/contract/endpoint';
import { LedgerService } from './ledger.service';

@ApiTags('office')
@Controller()
export class LedgerController {
  private readonly logger = new Logger(LedgerController.name);

  constructor(private readonly ledger: LedgerService) {}

  /**
   * Refusals (scope, size) answer as JSON before anything is sent; once the audit row is written
   * the workbook streams out, and a failure then can only cut the download short.
   */
  @Endpoint('ledger')
  async export(
    @CurrentActor() actor: RequestActor,
    @ValidQuery() query: LedgerQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.ledger.prepare(actor, query);
    const out = new PassThrough();
    void reply.header('content-type', ROUTES.ledger.produces);
    void reply.header('content-disposition', attachment(file.name, file.asciiName));
    void reply.header('cache-control', 'no-store');
    this.ledger.write(file, out).catch((err: Error) => {
      this.logger.warn(`ledger export stopped: ${err.message}`);
      out.destroy(err);
    });
    return out;
  }
}
