import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOpenStatus, RATING_WINDOW_DAYS, type SweepReport } from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { SerialPasses } from '../../common/serial-passes';
import { claimTransaction } from '../../database/locking';
import type { NoticeDraft } from '../notice/notice.repository';
import { UserRepository } from '../user/user.repository';
import { ClockRepository } from './clock.repository';
import type { RequestClockEntity } from './request-clock.entity';
import { RequestMoves } from './request-moves.service';
import { RequestNotices } from './request-notices';
import { RequestRepository } from './request.repository';

/** Rows one transaction claims: small enough to hold briefly, large enough to move along. */
export const SWEEP_BATCH = 200;
const WINDOW_MS = RATING_WINDOW_DAYS * 24 * 3600 * 1000;

/**
 * What time does by itself (DESIGN.md §3): the rating window closes, owners are warned a working
 * day before a clock runs out and alerted with their township's staff when it has, and a 督办 is
 * followed by a reminder. Each step claims its rows with SKIP LOCKED in a transaction that also
 * writes the notices and marks the rows done, so any number of instances may run the sweeps
 * together and each thing happens once. Idempotent: a second pass at the same time finds nothing.
 */
@Injectable()
export class RequestSweeps {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestRepository,
    private readonly clocks: ClockRepository,
    private readonly moves: RequestMoves,
    private readonly notices: RequestNotices,
    private readonly users: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Set when the process shuts down: a pass ends after the batch in hand (each is whole). */
  private stopping = false;

  stop(): void {
    this.stopping = true;
  }

  /** Passes in this instance run one after another, never side by side. */
  private readonly passes = new SerialPasses(() => this.pass());

  runOnce(): Promise<SweepReport> {
    return this.passes.run();
  }

  private async pass(): Promise<SweepReport> {
    const now = this.clock.now();
    return {
      ratingsClosed: await this.inBatches((m) => this.closeRatingWindows(m, now)),
      dueSoonWarned: await this.inBatches((m) => this.warnDueSoon(m, now)),
      overdueAlerted: await this.inBatches((m) => this.alertOverdue(m, now)),
      supervisionReminded: await this.inBatches((m) => this.remindSupervised(m, now)),
    };
  }

  /** Resolved seven days ago and not rated: closed (评价期满), counted as not rated. */
  private async closeRatingWindows(m: EntityManager, now: Date): Promise<Step> {
    const rows = await this.requests.claimUnratedBefore(
      m,
      new Date(now.getTime() - WINDOW_MS),
      SWEEP_BATCH,
    );
    let closed = 0;
    for (const r of rows) if (await this.moves.expireRating(m, r, now)) closed += 1;
    return { claimed: rows.length, done: closed };
  }

  /** 18:00 of the working day before a clock is due: its owner is warned (unless it ran out already). */
  private async warnDueSoon(m: EntityManager, now: Date): Promise<Step> {
    const { clocks, requests, passedOver } = await this.withRequests(
      m,
      await this.clocks.claimWarnings(m, now, SWEEP_BATCH),
    );
    const due = clocks.filter((c) => c.dueAt.getTime() >= now.getTime());
    const drafts: NoticeDraft[] = [];
    for (const c of due) {
      drafts.push(...(await this.notices.dueSoon(m, requests.get(c.requestId)!, c, now)));
    }
    await this.notices.write(m, drafts, now);
    await this.clocks.markWarned(
      m,
      clocks.map((c) => c.id),
      now,
    );
    return { claimed: clocks.length + passedOver, done: due.length, passedOver };
  }

  /** A clock ran out: its owner and the staff of the owner's township are alerted. */
  private async alertOverdue(m: EntityManager, now: Date): Promise<Step> {
    const { clocks, requests, passedOver } = await this.withRequests(
      m,
      await this.clocks.claimOverdue(m, now, SWEEP_BATCH),
    );
    const names = await this.users.displayNames(
      clocks.map((c) => c.ownerUserId),
      m,
    );
    const staffOf = await this.notices.townshipStaff(
      m,
      clocks.map((c) => c.ownerUnitPath),
    );
    const drafts: NoticeDraft[] = [];
    for (const c of clocks) {
      const owner = names.get(c.ownerUserId) ?? '';
      const r = requests.get(c.requestId)!;
      drafts.push(...(await this.notices.overdue(m, r, c, owner, staffOf(c.ownerUnitPath), now)));
    }
    await this.notices.write(m, drafts, now);
    await this.clocks.markOverdueAlerted(
      m,
      clocks.map((c) => c.id),
      now,
    );
    return { claimed: clocks.length + passedOver, done: clocks.length, passedOver };
  }

  /**
   * Locks the requests of claimed clocks, request after clock as no move does: a request a move
   * holds is passed over (SKIP LOCKED) with its clock, left for the next pass, so the sweep never
   * waits on a move and the two cannot deadlock.
   */
  private async withRequests(m: EntityManager, claimed: RequestClockEntity[]) {
    const locked = await this.requests.lockForSweep(
      m,
      claimed.map((c) => c.requestId),
    );
    const requests = new Map(locked.map((r) => [r.id, r]));
    const clocks = claimed.filter((c) => requests.has(c.requestId));
    return { clocks, requests, passedOver: claimed.length - clocks.length };
  }

  /** A working day after a 督办, a request still open reminds its owner once. */
  private async remindSupervised(m: EntityManager, now: Date): Promise<Step> {
    const rows = await this.requests.claimSupervisionReminders(m, now, SWEEP_BATCH);
    const open = rows.filter((r) => isOpenStatus(r.status));
    const drafts: NoticeDraft[] = [];
    for (const r of open) drafts.push(...(await this.notices.supervisionReminder(m, r, now)));
    await this.notices.write(m, drafts, now);
    await this.requests.clearSupervisionReminders(
      m,
      rows.map((r) => r.id),
    );
    return { claimed: rows.length, done: open.length };
  }

  /**
   * Runs one claiming step per transaction until a step claims less than a full batch, or had to
   * pass rows over (a move holds them: the next pass takes them).
   */
  private async inBatches(step: (m: EntityManager) => Promise<Step>): Promise<number> {
    let done = 0;
    for (;;) {
      const result = await claimTransaction(this.db, step);
      done += result.done;
      if (result.claimed < SWEEP_BATCH || result.passedOver || this.stopping) return done;
    }
  }
}

/** What one claiming step did: rows claimed, things done, rows left for a move that held them. */
interface Step {
  claimed: number;
  done: number;
  passedOver?: number;
}
