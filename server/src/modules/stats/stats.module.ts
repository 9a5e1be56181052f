import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { CadreModule } from '../cadre/cadre.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OrgModule } from '../org/org.module';
import { RequestModule } from '../request/request.module';
import { UserModule } from '../user/user.module';
import { RatingModule } from '../rating/rating.module';
import { AnomalyService } from './anomalies.service';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [
    AccessModule,
    CadreModule,
    MetricsModule,
    OrgModule,
    RatingModule,
    RequestModule,
    UserModule,
  ],
  controllers: [StatsController],
  providers: [StatsService, AnomalyService],
  exports: [StatsService],
})
export class StatsModule {}
