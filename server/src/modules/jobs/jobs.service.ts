import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DispatchReport, SweepReport } from '@mqlk/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { ContentChecker } from '../content/content-checker';
import { NoticeDispatcher } from '../notice/notice-dispatcher';
import { RequestSweeps } from '../request/request-sweeps';

/**
 * Runs the sweeps and the dispatcher in this process, each in a loop that waits for its pass to
 * end before the next is timed (hand-written rather than @nestjs/schedule: a pass never overlaps
 * itself, and shutdown waits for the pass in flight). Every instance runs them; the claims make
 * that safe and share the work.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly loops: Loop[] = [];

  constructor(
    private readonly sweeps: RequestSweeps,
    private readonly dispatcher: NoticeDispatcher,
    private readonly contentChecker: ContentChecker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobs.enabled) return;
    const { sweepIntervalMs, dispatchIntervalMs } = this.config.jobs;
    this.loops.push(
      new Loop('sweeps', sweepIntervalMs, () => this.sweep(), this.logger),
      new Loop('dispatch', dispatchIntervalMs, () => this.dispatch(), this.logger),
      // Retries and checks a crash left behind; a submission starts its own pass at once.
      new Loop('content', dispatchIntervalMs, () => this.contentChecker.runOnce(), this.logger),
    );
  }

  /** Shutdown waits for the batch in hand only (each batch is one transaction, or one claim's sends). */
  async onApplicationShutdown(): Promise<void> {
    this.sweeps.stop();
    this.dispatcher.stop();
    this.contentChecker.stop();
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  /**
   * One pass of the content checks and the sweeps, then of the dispatcher, so their notices go
   * out at once.
   */
  async runNow(): Promise<{ sweep: SweepReport; dispatch: DispatchReport }> {
    await this.contentChecker.runOnce();
    const sweep = await this.sweep();
    return { sweep, dispatch: await this.dispatch() };
  }

  private async sweep(): Promise<SweepReport> {
    const report = await this.sweeps.runOnce();
    if (Object.values(report).some((n) => n > 0)) this.logger.log({ sweep: report });
    return report;
  }

  private async dispatch(): Promise<DispatchReport> {
    const report = await this.dispatcher.runOnce();
    if (Object.values(report).some((n) => n > 0)) this.logger.log({ dispatch: report });
    return report;
  }
}

/** A pass every `intervalMs` after the last one ended; an error is logged and the loop goes on. */
class Loop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly pass: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {
    // A first pass soon after start, spread so that instances started together do not collide.
    this.schedule(Math.round(Math.random() * Math.min(intervalMs, 1000)));
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((err: unknown) => {
          this.logger.warn(`${this.name} pass failed: ${(err as Error).message ?? String(err)}`);
        })
        .finally(() => {
          this.running = null;
          this.schedule(this.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
