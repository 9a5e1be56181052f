import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FiguresQuery } from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidQuery } from '../../common/contract/endpoint';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Controller()
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Endpoint('cadreFigures')
  cadres(@CurrentActor() actor: RequestActor, @ValidQuery() q: FiguresQuery) {
    return this.stats.cadreFigures(actor, q);
  }
}
