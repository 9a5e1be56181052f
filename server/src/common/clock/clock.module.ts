import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { CLOCK, ControllableClock, SystemClock } from './clock';

/** Provides the clock everywhere: the system's, or a movable one with DEV_CLOCK (never in production). */
@Global()
@Module({})
export class ClockModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ClockModule,
      providers: [
        { provide: CLOCK, useValue: config.devClock ? new ControllableClock() : new SystemClock() },
      ],
      exports: [CLOCK],
    };
  }
}
