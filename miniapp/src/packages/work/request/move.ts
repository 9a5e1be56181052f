import {
  issueFor,
  type FieldIssue,
  type MoveResult,
  type RequestDetail,
  type Validation,
} from '@mqlk/shared';
import { useState } from 'react';

import type { ApiError } from '../../../services/http';

/** Someone else got there first: the page says so and shows the request as it is now. */
export const STALE_CODES: readonly string[] = [
  'VERSION_CONFLICT',
  'ALREADY_ACCEPTED',
  'TRANSITION_NOT_ALLOWED',
  'CONTENT_ALREADY_REVIEWED',
];

export const isStale = (error: ApiError) => STALE_CODES.includes(error.code);

/** What the page says after a move. */
export interface Said {
  /** Shown above the request as it now is. */
  done?: string | ((request: RequestDetail) => string);
  /** When the mover may no longer see the request (上报, 转办): where it went. */
  away?: { title: string; body: string };
}

/** Runs one move; resolves null when it went through, else with the failure. */
export type Run = (move: () => Promise<MoveResult>, said?: Said) => Promise<ApiError | null>;

export interface ActionProps {
  request: RequestDetail;
  run: Run;
}

/**
 * The state every move form shares: the messages under its fields (the shared schema's, or the
 * server's), a busy flag while it sends, and the failure to show beside its button. What was
 * typed lives in the form itself and is never cleared by a failure.
 */
export function useMoveForm() {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const clear = (field: string) => setIssues((list) => list.filter((i) => i.field !== field));

  /** Shows the schema's messages, or sends; true when the move went through. */
  const submit = async <T>(
    checked: Validation<T>,
    send: (value: T) => Promise<ApiError | null>,
  ): Promise<boolean> => {
    if (busy) return false;
    if (!checked.ok) {
      setIssues(checked.issues);
      return false;
    }
    setIssues([]);
    setFailure(null);
    setBusy(true);
    const failed = await send(checked.value);
    setBusy(false);
    if (failed) {
      if (failed.details.length > 0) setIssues(failed.details);
      // A stale conflict is said once, at the top, above the refreshed request.
      if (!isStale(failed)) setFailure(failed);
    }
    return failed === null;
  };

  return {
    issues,
    setIssues,
    issue: (field: string) => issueFor(issues, field),
    clear,
    busy,
    failure,
    submit,
  };
}

export type MoveForm = ReturnType<typeof useMoveForm>;
