import type { Actor, Relation, RequestState } from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import type { RequestEntity } from './request.entity';

/** How the signed-in person stands to one request: the only input the shared rules need about them. */
export function actorFor(actor: RequestActor, r: RequestEntity): Actor {
  const relations: Relation[] = [];
  if (actor.role === 'resident' && actor.userId === r.requesterId) relations.push('requester');
  if (actor.role !== 'resident' && actor.userId === r.ownerUserId) relations.push('owner');
  if (actor.cadreId !== null && actor.cadreId === r.firstContactCadreId)
    relations.push('first_contact');
  if (actor.cadreId !== null && actor.cadreId === r.subjectCadreId) relations.push('subject');
  if (
    actor.role === 'staff' &&
    actor.orgUnitPath &&
    r.ownerUnitPath.startsWith(actor.orgUnitPath)
  ) {
    relations.push('staff_in_scope');
  }
  return { role: actor.role, relations };
}

export function stateOf(r: RequestEntity): RequestState {
  return { status: r.status, round: r.round === 2 ? 2 : 1, level: r.level, category: r.category };
}
