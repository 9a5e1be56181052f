import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DevClockInput, DevClockResult } from '@mqlk/shared';
import { AppError } from '../../common/app-error';
import { CLOCK, type Clock, ControllableClock } from '../../common/clock/clock';
import { Endpoint, ValidBody } from '../../common/contract/endpoint';
import { JobsService } from './jobs.service';

/**
 * The development switch (DEV_CLOCK=true, refused in production): moves time and runs the sweeps
 * and the dispatcher once, so that a deadline or the rating window can be seen passing. With the
 * system clock this route does not exist (404).
 */
@ApiTags('development')
@Controller()
export class DevClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  @Endpoint('devClock')
  async move(@ValidBody() input: DevClockInput): Promise<DevClockResult> {
    if (!(this.clock instanceof ControllableClock)) throw new AppError('NOT_FOUND');
    if (input.at !== undefined) {
      const at = new Date(input.at);
      if (at.getUTCFullYear() > 2100) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'at', message: '时间不能晚于2100年' }]);
      }
      if (at.getTime() < this.clock.now().getTime()) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'at', message: '时间只能往后拨' }]);
      }
      this.clock.set(at);
    } else {
      this.clock.advance((input.advanceMinutes ?? 0) * 60_000);
    }
    const report = await this.jobs.runNow();
    return { now: this.clock.now().toISOString(), ...report };
  }
}
