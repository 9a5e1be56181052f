import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { CadreModule } from '../cadre/cadre.module';
import { OrgModule } from '../org/org.module';
import { RatingModule } from '../rating/rating.module';
import { RequestModule } from '../request/request.module';
import { MetricRows } from './metric-rows';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [AccessModule, CadreModule, OrgModule, RatingModule, RequestModule],
  controllers: [StatsController],
  providers: [StatsService, MetricRows],
})
export class StatsModule {}
