import { Controller, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NoticeQuery, PageQuery, ReadNoticesInput } from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidBody, ValidQuery } from '../../common/contract/endpoint';
import { NoticeService } from './notice.service';

@ApiTags('notices')
@Controller()
export class NoticeController {
  constructor(private readonly notices: NoticeService) {}

  @Endpoint('notices')
  list(@CurrentActor() actor: RequestActor, @ValidQuery() q: NoticeQuery) {
    return this.notices.list(actor, q);
  }

  @Endpoint('noticeSummary')
  summary(@CurrentActor() actor: RequestActor) {
    return this.notices.summary(actor);
  }

  @Endpoint('readNotices')
  read(@CurrentActor() actor: RequestActor, @ValidBody() input: ReadNoticesInput) {
    return this.notices.read(actor, input);
  }

  @Endpoint('subscribeTemplates')
  templates() {
    return this.notices.templates();
  }

  @Endpoint('failedDeliveries')
  failed(@CurrentActor() actor: RequestActor, @ValidQuery() q: PageQuery) {
    return this.notices.failed(actor, q);
  }

  @Endpoint('retryDelivery')
  retry(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() _: object,
  ) {
    return this.notices.retry(actor, id);
  }
}
