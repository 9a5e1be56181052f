import type { Action } from './transition';
import { type Actor, hasRelation } from './actors';
import type { RequestStatus } from './status';

/**
 * Fairness to the people rated (DESIGN.md §3 "Rating"): a cadre never learns one resident's
 * rating. Only the resident who gave it and the staff whose scope covers the request see ratings
 * and what follows from them; to every other reader the three states after a resolution look the
 * same, and the timeline says that a rating was given, never what it was.
 */
export function seesRatings(reader: Actor): boolean {
  return (
    (reader.role === 'resident' && hasRelation(reader, 'requester')) ||
    (reader.role === 'staff' && hasRelation(reader, 'staff_in_scope'))
  );
}

/** The states that would tell a good rating (closed) from a bad one (under review). */
const AFTER_RESOLUTION: readonly RequestStatus[] = ['resolved', 'under_review', 'closed'];

/** The status as this reader may see it: 已办结 for all three after-resolution states. */
export function statusSeenBy(status: RequestStatus, reader: Actor): RequestStatus {
  return !seesRatings(reader) && AFTER_RESOLUTION.includes(status) ? 'resolved' : status;
}

/** Whether a status is shown to this reader as something other than what it is. */
export function isStatusMasked(status: RequestStatus, reader: Actor): boolean {
  return statusSeenBy(status, reader) !== status;
}

export interface TimelineFacts {
  action: Action;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  note: string | null;
  /** for verify: whether the bad review was found founded */
  founded?: boolean;
}

/**
 * One timeline step as the reader may see it, or null when the step itself would give a rating
 * away. A founded verification stays: it is the 整改 task, and its note is the staff's finding.
 * An unfounded one vanishes, since it tells that a bad review was given. A rating's comment is
 * the resident's to give and is never shown to those who may not see ratings.
 */
export function timelineStepSeenBy(step: TimelineFacts, reader: Actor): TimelineFacts | null {
  if (seesRatings(reader)) return step;
  if (step.action === 'verify' && step.founded !== true) return null;
  return {
    ...step,
    fromStatus: step.fromStatus === null ? null : statusSeenBy(step.fromStatus, reader),
    toStatus: statusSeenBy(step.toStatus, reader),
    note: step.action === 'rate' ? null : step.note,
  };
}
