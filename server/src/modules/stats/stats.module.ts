import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { CadreModule } from '../cadre/cadre.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OrgModule } from '../org/org.module';
import { RequestModule } from '../request/request.module';
import { UserModule } from '../user/user.module';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [AccessModule, CadreModule, MetricsModule, OrgModule, RequestModule, UserModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
