/**
 * A background job's passes in one instance: one after another, never side by side, and asks
 * that come while a pass waits to start share it (it will see whatever is due when it starts), so
 * a burst of asks makes one more pass, not a queue of them. Shared by the sweeps, the notice
 * dispatcher and the content checks.
 */
export class SerialPasses<T> {
  private last: Promise<unknown> = Promise.resolve();
  private queued: Promise<T> | null = null;

  constructor(private readonly pass: () => Promise<T>) {}

  run(): Promise<T> {
    if (this.queued) return this.queued;
    const next = this.last.then(() => {
      this.queued = null;
      return this.pass();
    });
    this.queued = next;
    this.last = next.catch(() => undefined);
    return next;
  }
}
