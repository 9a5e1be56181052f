import { Injectable } from '@nestjs/common';
import {
  type Actor,
  allowedActions,
  canView,
  isWithinPath,
  type Move,
  type Relation,
  type RequestState,
  transition,
  type Transition,
} from '@mqlk/shared';
import { AppError } from '../app-error';
import type { RequestActor } from '../auth/actor';

/** What the policy needs to know about a request: who stands where, and its state. */
export interface RequestFacts extends Omit<RequestState, 'round'> {
  round: number;
  requesterId: number;
  ownerUserId: number;
  ownerUnitPath: string;
  firstContactCadreId: number | null;
  subjectCadreId: number | null;
}

/**
 * The one answer to "may this actor see, or do this to, this request, or read this org unit". It
 * works out how the actor stands to the request and asks the shared state machine; every module
 * asks here first, so the load → relations → canView → 404 sequence exists once.
 */
@Injectable()
export class AccessPolicy {
  /** How the signed-in person stands to one request: the only input the shared rules take. */
  actorFor(actor: RequestActor, r: RequestFacts): Actor {
    const relations: Relation[] = [];
    if (actor.role === 'resident' && actor.userId === r.requesterId) relations.push('requester');
    if (actor.role !== 'resident' && actor.userId === r.ownerUserId) relations.push('owner');
    if (actor.cadreId !== null && actor.cadreId === r.firstContactCadreId)
      relations.push('first_contact');
    if (actor.cadreId !== null && actor.cadreId === r.subjectCadreId) relations.push('subject');
    if (this.staffCovers(actor, r.ownerUnitPath)) relations.push('staff_in_scope');
    return { role: actor.role, relations };
  }

  /**
   * The actor's standing to a request they may see. A request they may not see does not exist
   * for them (404), so its existence is never given away.
   */
  requireVisible(actor: RequestActor, r: RequestFacts | null): Actor {
    const who = r ? this.actorFor(actor, r) : null;
    if (!r || !who || !canView(r, who)) throw new AppError('REQUEST_NOT_FOUND');
    return who;
  }

  /** The transition a move makes, or the refusal the shared state machine gives. */
  requireMove(actor: RequestActor, r: RequestFacts | null, move: Move): Transition {
    const who = this.requireVisible(actor, r);
    const t = transition(stateOf(r!), who, move);
    if (!t.ok) throw new AppError(t.code);
    return t;
  }

  /** What the reader may do now: the buttons. Creating requests is not a move on one. */
  allowedActions(who: Actor, r: RequestFacts) {
    return allowedActions(stateOf(r), who).filter((a) => a !== 'submit' && a !== 'record_on_spot');
  }

  /** Staff whose scope (an org subtree) contains the unit. */
  staffCovers(actor: RequestActor, unitPath: string): boolean {
    return (
      actor.role === 'staff' && !!actor.orgUnitPath && isWithinPath(unitPath, actor.orgUnitPath)
    );
  }

  /** The subtree a staff member may read; anyone else is refused. */
  requireStaffScope(actor: RequestActor): string {
    if (actor.role !== 'staff' || !actor.orgUnitPath) throw new AppError('FORBIDDEN');
    return actor.orgUnitPath;
  }

  /** The subtree a staff member or county admin may manage in the office; anyone else is refused. */
  requireOfficeScope(actor: RequestActor): string {
    if ((actor.role !== 'staff' && actor.role !== 'admin') || !actor.orgUnitPath) {
      throw new AppError('FORBIDDEN');
    }
    return actor.orgUnitPath;
  }

  /** A unit an office user wants to read or change: refused unless inside their scope. */
  requireOfficeUnit(actor: RequestActor, unitPath: string): void {
    if (!isWithinPath(unitPath, this.requireOfficeScope(actor))) throw new AppError('OUT_OF_SCOPE');
  }

  /** The cadre behind a cadre's account; anyone else is refused. */
  requireCadre(actor: RequestActor): number {
    if (actor.role !== 'cadre' || actor.cadreId === null) throw new AppError('FORBIDDEN');
    return actor.cadreId;
  }

  /**
   * A household (联户) a cadre wants to open: theirs, or it does not exist for them (404), as
   * with a request they may not see.
   */
  requireOwnHousehold(actor: RequestActor, h: { cadreId: number | null } | null): void {
    const cadreId = this.requireCadre(actor);
    if (!h || h.cadreId !== cadreId) throw new AppError('NOT_FOUND');
  }

  /** A unit a staff member wants to read: refused unless inside their scope. */
  requireUnit(actor: RequestActor, unitPath: string): void {
    if (!isWithinPath(unitPath, this.requireStaffScope(actor))) throw new AppError('OUT_OF_SCOPE');
  }
}

export function stateOf(r: RequestFacts): RequestState {
  return { status: r.status, round: r.round === 2 ? 2 : 1, level: r.level, category: r.category };
}

/** The SQL LIKE pattern of a subtree: every unit whose materialised path starts with `path`. */
export function subtreePattern(path: string): string {
  // Paths are digits and slashes only (shared `childPath`), so nothing in them needs escaping.
  return `${path}%`;
}
