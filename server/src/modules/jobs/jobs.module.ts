import { Module } from '@nestjs/common';
import { NoticeModule } from '../notice/notice.module';
import { RequestModule } from '../request/request.module';
import { DevClockController } from './dev-clock.controller';
import { JobsService } from './jobs.service';

/** What time does by itself: the sweeps and the outbox dispatcher, and the development clock. */
@Module({
  imports: [RequestModule, NoticeModule],
  controllers: [DevClockController],
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
