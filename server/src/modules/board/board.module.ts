import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { AuditModule } from '../audit/audit.module';
import { OrgModule } from '../org/org.module';
import { RequestModule } from '../request/request.module';
import { StatsModule } from '../stats/stats.module';
import { UserModule } from '../user/user.module';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';

/** The village board (公示栏): public, read from the board's own query and the rollups. */
@Module({
  imports: [AccessModule, AuditModule, OrgModule, RequestModule, StatsModule, UserModule],
  controllers: [BoardController],
  providers: [BoardService],
})
export class BoardModule {}
