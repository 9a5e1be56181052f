import { Controller, Headers, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  ContentReviewInput,
  InboxQuery,
  OnBehalfInput,
  OnSpotInput,
  PageQuery,
  StaffQueueQuery,
  SubmitRequestInput,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidBody, ValidQuery } from '../../common/contract/endpoint';
import { ContentReview } from './content-review';
import { RequestIntake } from './request-intake.service';
import { RequestQueries } from './request-query.service';

/** How requests come in, and the lists and pages that read them. */
@ApiTags('requests')
@Controller()
export class RequestController {
  constructor(
    private readonly intake: RequestIntake,
    private readonly queries: RequestQueries,
    private readonly contentReview: ContentReview,
  ) {}

  @Endpoint('submitRequest')
  async submit(
    @CurrentActor() actor: RequestActor,
    @ValidBody() input: SubmitRequestInput,
    @Headers('idempotency-key') idemKey: string | undefined,
  ) {
    return this.queries.created(actor, await this.intake.submit(actor, input, idemKey));
  }

  @Endpoint('fileOnBehalf')
  async fileOnBehalf(
    @CurrentActor() actor: RequestActor,
    @ValidBody() input: OnBehalfInput,
    @Headers('idempotency-key') idemKey: string | undefined,
  ) {
    return this.queries.created(actor, await this.intake.fileOnBehalf(actor, input, idemKey));
  }

  @Endpoint('recordOnSpot')
  async recordOnSpot(
    @CurrentActor() actor: RequestActor,
    @ValidBody() input: OnSpotInput,
    @Headers('idempotency-key') idemKey: string | undefined,
  ) {
    const made = await this.intake.recordOnSpot(actor, input, idemKey);
    // A retry after the resident confirmed (or the cadre cancelled) finds nothing left to confirm.
    const request = await this.queries.created(actor, made);
    const confirmation =
      request.status === 'pending_confirmation'
        ? await this.intake.ticket(actor, made.id, false)
        : null;
    return { request, confirmation };
  }

  @Endpoint('confirmationTicket')
  ticket(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: { sendSms: boolean },
  ) {
    return this.intake.ticket(actor, id, input.sendSms);
  }

  @Endpoint('confirmationPreview')
  preview(@Param('token') token: string) {
    return this.intake.preview(token);
  }

  @Endpoint('confirm')
  async confirm(
    @CurrentActor() actor: RequestActor,
    @Param('token') token: string,
    @ValidBody() _input: object,
  ) {
    return this.queries.detail(actor, await this.intake.confirm(actor, token));
  }

  @Endpoint('myRequests')
  mine(@CurrentActor() actor: RequestActor, @ValidQuery() q: PageQuery) {
    return this.queries.mine(actor, q);
  }

  @Endpoint('requestDetail')
  detail(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.queries.open(actor, id);
  }

  @Endpoint('transferTargets')
  transferTargets(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.queries.transferTargets(actor, id);
  }

  @Endpoint('inbox')
  inbox(@CurrentActor() actor: RequestActor, @ValidQuery() q: InboxQuery) {
    return this.queries.inbox(actor, q);
  }

  @Endpoint('handled')
  handled(@CurrentActor() actor: RequestActor, @ValidQuery() q: PageQuery) {
    return this.queries.handled(actor, q);
  }

  @Endpoint('staffQueue')
  staffQueue(@CurrentActor() actor: RequestActor, @ValidQuery() q: StaffQueueQuery) {
    return this.queries.staffQueue(actor, q);
  }

  @Endpoint('staffQueueCounts')
  staffQueueCounts(@CurrentActor() actor: RequestActor) {
    return this.queries.staffQueueCounts(actor);
  }

  /** 内容审核: release or withhold an item WeChat's content security held. */
  @Endpoint('reviewContent')
  reviewContent(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: ContentReviewInput,
  ) {
    return this.contentReview.review(actor, id, input);
  }
}
