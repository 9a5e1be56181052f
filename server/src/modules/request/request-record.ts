import type { PhotoView } from '@mqlk/shared';
import type { RatingEntity } from '../rating/rating.entity';
import { RequestClockEntity } from './request-clock.entity';
import { RequestEventEntity } from './request-event.entity';
import { RequestEntity } from './request.entity';
import type { NewClock } from './clock.repository';
import type { NewRequest } from './request.repository';

/**
 * What a request's page is made of: read back by RequestQueries, or — for a request just made —
 * the rows its transaction wrote, so that a submission's answer costs no reads (issue 11).
 */
export interface RequestRecord {
  request: RequestEntity;
  events: RequestEventEntity[];
  clocks: RequestClockEntity[];
  ratings: RatingEntity[];
  /** null: not read yet (a new request's photos, whose links are signed when read) */
  photos: PhotoView[] | null;
  /**
   * The recording: known to be none on a new request made without one (no read); undefined when
   * it is to be read, with a freshly signed link.
   */
  voice?: null;
  /** display names of the accounts `namedIn` lists */
  names: Map<number, string>;
  firstContactName: string | null;
  /** written by this call's transaction: no content-security verdict can exist yet */
  fresh?: true;
}

/** The accounts whose names a request's page shows: its owner, the timeline's actors, the clocks' owners. */
export function namedIn(
  r: Pick<RequestEntity, 'ownerUserId'>,
  events: readonly RequestEventEntity[],
  clocks: readonly Pick<RequestClockEntity, 'ownerUserId'>[],
): number[] {
  return [
    r.ownerUserId,
    ...events.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId])),
    ...events.flatMap((e) => (typeof e.payload?.toUserId === 'number' ? [e.payload.toUserId] : [])),
    ...clocks.map((c) => c.ownerUserId),
  ];
}

/**
 * A new request's rows as its transaction wrote them, with the columns the database fills in
 * (defaults, version, timestamps) as the insert leaves them. Checked against the read-back page
 * by test/statements.e2e-spec.ts.
 */
export function writtenRecord(
  id: number,
  request: NewRequest & { number: string },
  event: Omit<RequestEventEntity, 'requestId'>,
  clocks: readonly Omit<NewClock, 'requestId'>[],
  names: Map<number, string>,
  firstContactName: string | null,
): RequestRecord {
  const r = Object.assign(new RequestEntity(), {
    householdId: null,
    visitId: null,
    publicSummary: null,
    publicHidden: false,
    ...request,
    id,
    version: 1,
    supervisionCount: 0,
    supervisedAt: null,
    supervisionRemindAt: null,
    flaggedToCountyAt: null,
    createdAt: request.submittedAt,
    updatedAt: request.submittedAt,
  });
  return {
    request: r,
    events: [Object.assign(new RequestEventEntity(), { ...event, requestId: id })],
    clocks: clocks.map((c, i) =>
      Object.assign(new RequestClockEntity(), {
        ...c,
        // not shown anywhere; the order is the insert's
        id: i + 1,
        requestId: id,
        warnedAt: null,
        overdueAlertedAt: null,
        stoppedAt: null,
        stop: null,
        stopAction: null,
        result: null,
      }),
    ),
    ratings: [],
    photos: [],
    voice: null,
    names,
    firstContactName,
    fresh: true,
  };
}
