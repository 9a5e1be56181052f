import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AcceptInput,
  acceptSchema,
  type EscalateInput,
  type MovedAway,
  type RequestDetail,
  escalateSchema,
  type RateInput,
  rateSchema,
  type ReplyInput,
  replySchema,
  type ResolveInput,
  resolveSchema,
  type SubmitRequestInput,
  submitRequestSchema,
} from '@mqlk/shared';
import * as v from 'valibot';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ApiValibotBody, ValibotPipe } from '../../common/validation';
import {
  type InboxFilter,
  type PageQuery,
  RequestQueryService,
  type StaffQueue,
} from './request-query.service';
import { RequestService } from './request.service';

const pageNumber = v.optional(
  v.pipe(v.string(), v.regex(/^\d{1,6}$/, '页码格式不对'), v.transform(Number)),
);
const pageQuery = { page: pageNumber, pageSize: pageNumber };
const listSchema = v.object(pageQuery);
const inboxSchema = v.object({
  ...pageQuery,
  status: v.optional(v.picklist(['open', 'done'], '状态只能是 open 或 done'), 'open'),
});
const staffSchema = v.object({
  ...pageQuery,
  queue: v.optional(v.picklist(['all', 'conduct', 'overdue'], '队列不对'), 'all'),
});
const withdrawSchema = v.object({});

@ApiTags('requests')
@Controller()
export class RequestController {
  constructor(
    private readonly requests: RequestService,
    private readonly queries: RequestQueryService,
  ) {}

  @Roles('resident')
  @Post('requests')
  @ApiValibotBody(submitRequestSchema)
  async submit(
    @CurrentActor() actor: RequestActor,
    @Body(new ValibotPipe(submitRequestSchema)) input: SubmitRequestInput,
    @Headers('idempotency-key') idemKey: string | undefined,
  ) {
    const id = await this.requests.submit(actor, input, idemKey);
    return this.queries.detail(actor, id);
  }

  @Roles('resident')
  @Get('requests/mine')
  mine(@CurrentActor() actor: RequestActor, @Query(new ValibotPipe(listSchema)) q: PageQuery) {
    return this.queries.mine(actor, q);
  }

  @Get('requests/:id')
  detail(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.queries.detail(actor, id);
  }

  @Post('requests/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Body(new ValibotPipe(withdrawSchema)) _b: object,
  ) {
    return this.answer(actor, id, this.requests.act(actor, id, { action: 'withdraw' }));
  }

  @Post('requests/:id/accept')
  @HttpCode(200)
  @ApiValibotBody(acceptSchema)
  accept(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Body(new ValibotPipe(acceptSchema)) input: AcceptInput,
  ) {
    return this.answer(
      actor,
      id,
      this.requests.act(actor, id, { action: 'accept' }, { version: input.version }),
    );
  }

  @Post('requests/:id/reply')
  @HttpCode(200)
  @ApiValibotBody(replySchema)
  reply(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Body(new ValibotPipe(replySchema)) input: ReplyInput,
  ) {
    return this.answer(
      actor,
      id,
      this.requests.act(actor, id, { action: 'reply' }, { note: input.text }),
    );
  }

  @Post('requests/:id/resolve')
  @HttpCode(200)
  @ApiValibotBody(resolveSchema)
  resolve(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Body(new ValibotPipe(resolveSchema)) input: ResolveInput,
  ) {
    return this.answer(
      actor,
      id,
      this.requests.act(
        actor,
        id,
        { action: 'resolve', outcome: input.outcome },
        { version: input.version, note: input.note },
      ),
    );
  }

  @Roles('cadre', 'staff')
  @Post('requests/:id/escalate')
  @HttpCode(200)
  @ApiValibotBody(escalateSchema)
  escalate(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Body(new ValibotPipe(escalateSchema)) input: EscalateInput,
  ) {
    return this.answer(actor, id, this.requests.escalate(actor, id, input.version, input.reason));
  }

  @Roles('resident')
  @Post('requests/:id/rate')
  @HttpCode(200)
  @ApiValibotBody(rateSchema)
  rate(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Body(new ValibotPipe(rateSchema)) input: RateInput,
  ) {
    return this.answer(
      actor,
      id,
      this.requests.act(
        actor,
        id,
        { action: 'rate', level: input.level },
        { rating: input, note: input.comment || null },
      ),
    );
  }

  /** Every move answers with the request as the mover may now see it. */
  private async answer(
    actor: RequestActor,
    id: number,
    move: Promise<void>,
  ): Promise<RequestDetail | MovedAway> {
    await move;
    try {
      return await this.queries.detail(actor, id);
    } catch (err) {
      // e.g. staff who escalated it to the county: the move succeeded, the request is out of sight.
      if (err instanceof AppError && err.code === 'REQUEST_NOT_FOUND')
        return { id, visible: false };
      throw err;
    }
  }

  @Roles('cadre', 'staff')
  @Get('inbox')
  inbox(
    @CurrentActor() actor: RequestActor,
    @Query(new ValibotPipe(inboxSchema)) q: PageQuery & { status: InboxFilter },
  ) {
    return this.queries.inbox(actor, q.status, q);
  }

  @Roles('staff')
  @Get('staff/requests')
  staffQueue(
    @CurrentActor() actor: RequestActor,
    @Query(new ValibotPipe(staffSchema)) q: PageQuery & { queue: StaffQueue },
  ) {
    return this.queries.staffQueue(actor, q.queue, q);
  }
}
