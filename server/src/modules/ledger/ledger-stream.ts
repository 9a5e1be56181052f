import type { Writable } from 'node:stream';

/** Why an export stopped: the client went away (or the sink was closed). */
export const CLOSED = 'the ledger download was closed before the end';

/** Resolves once `out` can take more, or rejects if it is closed meanwhile (the client left). */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', done);
      reject(new Error(CLOSED));
    };
    out.once('drain', done);
    out.once('close', closed);
  });
}

/** `work`'s outcome, unless `out` is closed before it finished: then a rejection at once. */
export function whileOpen<T>(out: Writable, work: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const closed = () => {
      if (!out.writableFinished) reject(new Error(CLOSED));
    };
    if (out.destroyed) closed();
    out.once('close', closed);
    work.then(
      (value) => {
        out.off('close', closed);
        resolve(value);
      },
      (err: unknown) => {
        out.off('close', closed);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
