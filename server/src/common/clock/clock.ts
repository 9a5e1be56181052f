/**
 * The one source of "now" for every rule that reads it (deadlines, sweeps, tokens, lockouts,
 * confirmation codes, the outbox's retries). Production reads the system clock; tests and the
 * development switch (DEV_CLOCK=true) use a clock they can move, so time is moved, not waited for.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that keeps running at the system's pace from wherever it was last set, so timers,
 * leases and retry delays in a running server still work after time was moved. Several server
 * processes set to the same instant stay together to within the milliseconds between the calls.
 */
export class ControllableClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly system: () => number = Date.now) {}

  now(): Date {
    return new Date(this.system() + this.offsetMs);
  }

  /** Jumps to an instant; time goes on from there. */
  set(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new Error('The clock cannot be set to an invalid date');
    this.offsetMs = at.getTime() - this.system();
  }

  /** Moves forward (never back: a clock that runs backwards would break the append-only history). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`The clock only moves forward (got ${ms} ms)`);
    this.offsetMs += ms;
  }
}
