import type { HandlingLevel } from '../org/levels';
import type { Action } from './transition';
import { type Actor, hasRelation } from './actors';
import type { RequestStatus } from './status';

/**
 * Fairness to the people rated (DESIGN.md §3 "Rating"): a cadre never learns one resident's
 * rating. Only the resident who gave it and the staff whose scope covers the request (other than
 * the staff member who handled it) see ratings and what follows from them; to every other reader the three states after a resolution look the
 * same, and the timeline says that a rating was given, never what it was.
 */
export function seesRatings(reader: Actor, level: HandlingLevel): boolean {
  if (reader.role === 'resident') return hasRelation(reader, 'requester');
  if (reader.role !== 'staff' || !hasRelation(reader, 'staff_in_scope')) return false;
  // Staff who handled the request themselves are the ones rated: they read it as a cadre does,
  // and staff above them verify. At the county nobody stands above, so the county's own staff
  // verify their own bad reviews (transition.ts) and must read them.
  return !hasRelation(reader, 'owner') || level === 'county';
}

/** The states that would tell a good rating (closed) from a bad one (under review). */
const AFTER_RESOLUTION: readonly RequestStatus[] = ['resolved', 'under_review', 'closed'];

/** The status as this reader may see it: 已办结 for all three after-resolution states. */
export function statusSeenBy(
  status: RequestStatus,
  reader: Actor,
  level: HandlingLevel,
): RequestStatus {
  return !seesRatings(reader, level) && AFTER_RESOLUTION.includes(status) ? 'resolved' : status;
}

/** Whether a status is shown to this reader as something other than what it is. */
export function isStatusMasked(
  status: RequestStatus,
  reader: Actor,
  level: HandlingLevel,
): boolean {
  return statusSeenBy(status, reader, level) !== status;
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
export function timelineStepSeenBy(
  step: TimelineFacts,
  reader: Actor,
  level: HandlingLevel,
): TimelineFacts | null {
  if (seesRatings(reader, level)) return step;
  if (step.action === 'verify' && step.founded !== true) return null;
  return {
    ...step,
    fromStatus: step.fromStatus === null ? null : statusSeenBy(step.fromStatus, reader, level),
    toStatus: statusSeenBy(step.toStatus, reader, level),
    note: step.action === 'rate' ? null : step.note,
  };
}
