import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { NoticeModule } from '../notice/notice.module';
import { RequestModule } from '../request/request.module';
import { DevClockController } from './dev-clock.controller';
import { JobsService } from './jobs.service';

/**
 * What time does by itself: the sweeps, the outbox dispatcher, the content checks, and the
 * development clock.
 */
@Module({
  imports: [RequestModule, NoticeModule, ContentModule],
  controllers: [DevClockController],
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
