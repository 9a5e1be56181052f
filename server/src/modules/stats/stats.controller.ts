import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AnomalyQuery,
  FigureRequestsQuery,
  FigureSeriesQuery,
  FiguresQuery,
  MyFiguresQuery,
  UnitFiguresQuery,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidQuery } from '../../common/contract/endpoint';
import { AnomalyService } from './anomalies.service';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Controller()
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly anomalyService: AnomalyService,
  ) {}

  @Endpoint('cadreFigures')
  cadres(@CurrentActor() actor: RequestActor, @ValidQuery() q: FiguresQuery) {
    return this.stats.cadreFigures(actor, q);
  }

  @Endpoint('unitFigures')
  units(@CurrentActor() actor: RequestActor, @ValidQuery() q: UnitFiguresQuery) {
    return this.stats.unitFigures(actor, q);
  }

  @Endpoint('figureSeries')
  series(@CurrentActor() actor: RequestActor, @ValidQuery() q: FigureSeriesQuery) {
    return this.stats.figureSeries(actor, q);
  }

  @Endpoint('figureRequests')
  requests(@CurrentActor() actor: RequestActor, @ValidQuery() q: FigureRequestsQuery) {
    return this.stats.figureRequests(actor, q);
  }

  @Endpoint('anomalies')
  anomalies(@CurrentActor() actor: RequestActor, @ValidQuery() q: AnomalyQuery) {
    return this.anomalyService.list(actor, q);
  }

  @Endpoint('myFigures')
  mine(@CurrentActor() actor: RequestActor, @ValidQuery() q: MyFiguresQuery) {
    return this.stats.myFigures(actor, q);
  }
}
