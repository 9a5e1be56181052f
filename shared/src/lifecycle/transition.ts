import type { ErrorCode } from '../errors/codes';
import { type HandlingLevel, nextHandlingLevel } from '../org/levels';
import { type CategoryCode, isConductComplaint } from '../vocabulary/categories';
import { type Actor, hasRelation } from './actors';
import { isOpenStatus, type RequestStatus, type ResolutionOutcome } from './status';

export const ACTIONS = [
  'submit',
  'record_on_spot',
  'confirm',
  'withdraw',
  'accept',
  'reply',
  'escalate',
  'transfer',
  'resolve',
  'rate',
  'expire_rating',
  'verify',
  'supervise',
  'cancel',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  submit: '提交诉求',
  record_on_spot: '登记当场解决',
  confirm: '群众确认',
  withdraw: '撤回',
  accept: '签收',
  reply: '答复',
  escalate: '上报',
  transfer: '转办',
  resolve: '办结',
  rate: '评价',
  expire_rating: '评价期满',
  verify: '差评核实',
  supervise: '督办',
  cancel: '撤销登记',
};

export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export type Round = 1 | 2;

export type Move =
  | { action: Exclude<Action, 'resolve' | 'rate' | 'verify' | 'transfer'> }
  | { action: 'resolve'; outcome: ResolutionOutcome }
  | { action: 'rate'; level: RatingLevel }
  | { action: 'verify'; founded: boolean }
  /** `level`: the new owner's level when county staff reassign across levels; the same otherwise. */
  | { action: 'transfer'; level?: HandlingLevel };

/** What the rules need to know about a request; `status: null` means it does not exist yet. */
export interface RequestState {
  status: RequestStatus | null;
  /** 1 until a bad review is found founded; 2 for the rectification round. */
  round: Round;
  level: HandlingLevel;
  category: CategoryCode;
}

/** Which deadline clocks the move (re)starts. */
export type ClockEffect = 'none' | 'accept_and_resolve' | 'rectify';

export interface Transition {
  ok: true;
  to: RequestStatus;
  round: Round;
  level: HandlingLevel;
  /** the move hands the request to a new owner (the caller names whom) */
  ownerChanges: boolean;
  clock: ClockEffect;
  /** a second bad review: flagged to the county */
  flagToCounty: boolean;
  /** the bad review was verified unfounded: its rating leaves the statistics */
  excludesRating: boolean;
}

export type TransitionResult = Transition | { ok: false; code: ErrorCode };

type Who =
  | 'requester'
  | 'owner'
  | 'owner_or_staff'
  | 'overseer'
  | 'reviewer'
  | 'cadre'
  | 'submitter'
  | 'system';

/** Who may make each move. The state table is in `nextState` below. */
const WHO: Record<Action, Who> = {
  submit: 'submitter',
  record_on_spot: 'cadre',
  confirm: 'requester',
  withdraw: 'requester',
  accept: 'owner',
  reply: 'owner',
  escalate: 'owner',
  transfer: 'owner_or_staff',
  resolve: 'owner',
  rate: 'requester',
  expire_rating: 'system',
  verify: 'reviewer',
  supervise: 'overseer',
  cancel: 'owner_or_staff',
};

function isStaff(actor: Actor): boolean {
  return actor.role === 'staff' && hasRelation(actor, 'staff_in_scope');
}

function permission(who: Who, actor: Actor, state: RequestState): ErrorCode | null {
  switch (who) {
    case 'submitter':
      return actor.role === 'resident' || actor.role === 'cadre' ? null : 'FORBIDDEN';
    case 'cadre':
      return actor.role === 'cadre' ? null : 'FORBIDDEN';
    case 'requester':
      return actor.role === 'resident' && hasRelation(actor, 'requester') ? null : 'NOT_REQUESTER';
    case 'owner':
      return hasRelation(actor, 'owner') && actor.role !== 'resident' ? null : 'NOT_OWNER';
    case 'owner_or_staff':
      return (hasRelation(actor, 'owner') && actor.role !== 'resident') || isStaff(actor)
        ? null
        : 'NOT_OWNER';
    // Oversight is someone else's: staff never supervise their own work, nor verify a bad review
    // of it, except at the county, where nobody stands above them and a bad review must not wait
    // forever (the verification is on the timeline for all to read).
    case 'overseer':
    case 'reviewer': {
      if (actor.role !== 'staff') return 'FORBIDDEN';
      if (!hasRelation(actor, 'staff_in_scope')) return 'OUT_OF_SCOPE';
      const topLevel = who === 'reviewer' && state.level === 'county';
      return hasRelation(actor, 'owner') && !topLevel ? 'OWN_WORK' : null;
    }
    case 'system':
      return actor.role === 'system' ? null : 'FORBIDDEN';
  }
}

const stay = (state: RequestState, to: RequestStatus): Transition => ({
  ok: true,
  to,
  round: state.round,
  level: state.level,
  ownerChanges: false,
  clock: 'none',
  flagToCounty: false,
  excludesRating: false,
});

const refusal = (code: ErrorCode) => ({ ok: false as const, code });

/** The state table of DESIGN.md §3, move by move. Permission has already been checked. */
function nextState(state: RequestState, move: Move): TransitionResult {
  const s = state.status;
  switch (move.action) {
    case 'submit':
      return s === null
        ? { ...stay(state, 'submitted'), ownerChanges: true, clock: 'accept_and_resolve' }
        : refusal('TRANSITION_NOT_ALLOWED');
    case 'record_on_spot':
      return s === null ? stay(state, 'pending_confirmation') : refusal('TRANSITION_NOT_ALLOWED');
    case 'confirm':
      return s === 'pending_confirmation'
        ? stay(state, 'resolved')
        : refusal('TRANSITION_NOT_ALLOWED');
    case 'withdraw':
      return s === 'submitted' ? stay(state, 'withdrawn') : refusal('TRANSITION_NOT_ALLOWED');
    case 'accept':
      if (s === 'submitted') return stay(state, 'in_progress');
      return refusal(s === 'in_progress' ? 'ALREADY_ACCEPTED' : 'TRANSITION_NOT_ALLOWED');
    case 'reply':
    case 'supervise':
      return s !== null && isOpenStatus(s) ? stay(state, s) : refusal('TRANSITION_NOT_ALLOWED');
    case 'escalate': {
      if (s !== 'submitted' && s !== 'in_progress') return refusal('TRANSITION_NOT_ALLOWED');
      const up = nextHandlingLevel(state.level);
      if (up === null) return refusal('ESCALATION_TOP_LEVEL');
      return {
        ...stay(state, 'submitted'),
        level: up,
        ownerChanges: true,
        clock: 'accept_and_resolve',
      };
    }
    case 'transfer':
      return s === 'submitted' || s === 'in_progress'
        ? {
            ...stay(state, 'submitted'),
            level: move.level ?? state.level,
            ownerChanges: true,
            clock: 'accept_and_resolve',
          }
        : refusal('TRANSITION_NOT_ALLOWED');
    case 'cancel':
      return s === 'pending_confirmation'
        ? stay(state, 'withdrawn')
        : refusal('TRANSITION_NOT_ALLOWED');
    case 'resolve':
      return s === 'in_progress' || s === 'rectifying'
        ? stay(state, 'resolved')
        : refusal('TRANSITION_NOT_ALLOWED');
    case 'rate':
      return rate(state, move.level);
    case 'expire_rating':
      return s === 'resolved' ? stay(state, 'closed') : refusal('TRANSITION_NOT_ALLOWED');
    case 'verify':
      if (s !== 'under_review') return refusal('TRANSITION_NOT_ALLOWED');
      return move.founded
        ? { ...stay(state, 'rectifying'), round: 2, clock: 'rectify' }
        : { ...stay(state, 'closed'), excludesRating: true };
  }
}

function rate(state: RequestState, level: RatingLevel): TransitionResult {
  if (state.status !== 'resolved') return refusal('RATING_NOT_OPEN');
  const bad = level <= 2;
  // The second round closes the request whatever the rating; a second bad one goes to the county.
  if (state.round === 2) return { ...stay(state, 'closed'), flagToCounty: bad };
  return stay(state, bad ? 'under_review' : 'closed');
}

/**
 * The one state machine. Returns the next state, or the code of the refusal.
 * Order of checks: a conduct complaint's subject is refused outright, then who may act, then
 * whether the request's status allows the move.
 */
export function transition(state: RequestState, actor: Actor, move: Move): TransitionResult {
  if (isConductComplaint(state.category) && hasRelation(actor, 'subject')) {
    return refusal('CONDUCT_SUBJECT');
  }
  const denied = permission(WHO[move.action], actor, state);
  if (denied) return refusal(denied);
  return nextState(state, move);
}

/** Whether this actor may see the request at all (lists, detail, timeline). */
export function canView(state: Pick<RequestState, 'category'>, actor: Actor): boolean {
  // A conduct complaint is hidden from the cadre it is about, whatever else they are to it.
  if (isConductComplaint(state.category) && hasRelation(actor, 'subject')) return false;
  if (hasRelation(actor, 'requester') || hasRelation(actor, 'owner')) return true;
  if (isStaff(actor)) return true;
  // 首访负责制: the cadre first contacted follows the request (one who filed a conduct complaint
  // for a resident follows it too; one it is about never does, above).
  return actor.role === 'cadre' && hasRelation(actor, 'first_contact');
}

/** Default move parameters, for asking "could this actor do X now?" (buttons in the UI). */
export const PROBE_MOVES: Readonly<Record<Action, Move>> = {
  submit: { action: 'submit' },
  record_on_spot: { action: 'record_on_spot' },
  confirm: { action: 'confirm' },
  withdraw: { action: 'withdraw' },
  accept: { action: 'accept' },
  reply: { action: 'reply' },
  escalate: { action: 'escalate' },
  transfer: { action: 'transfer' },
  resolve: { action: 'resolve', outcome: 'solved' },
  rate: { action: 'rate', level: 5 },
  expire_rating: { action: 'expire_rating' },
  verify: { action: 'verify', founded: true },
  supervise: { action: 'supervise' },
  cancel: { action: 'cancel' },
};

export function allowedActions(state: RequestState, actor: Actor): Action[] {
  return ACTIONS.filter((a) => transition(state, actor, PROBE_MOVES[a]).ok);
}

/** The statuses whose owner still has work to do, and so move with a post (事随人转). */
export const HANDOVER_STATUSES = [
  'pending_confirmation',
  'submitted',
  'in_progress',
  'rectifying',
] as const satisfies readonly RequestStatus[];

/**
 * 事随人转: when a cadre's post passes to a successor, the requests still waiting on the cadre go
 * with it. Not yet accepted or in hand: back to 待签收 with the successor, both clocks anew (as a
 * transfer). Being rectified: still 整改中, a new rectify clock. A 当场解决 awaiting the resident's
 * confirmation: the successor holds it, no clock. Resolved work stays with whoever resolved it,
 * so its rating is theirs (DESIGN §3): those statuses are refused.
 */
export function handoverTransition(state: RequestState, level: HandlingLevel): TransitionResult {
  switch (state.status) {
    case 'submitted':
    case 'in_progress':
      return {
        ...stay(state, 'submitted'),
        level,
        ownerChanges: true,
        clock: 'accept_and_resolve',
      };
    case 'rectifying':
      return { ...stay(state, 'rectifying'), ownerChanges: true, clock: 'rectify' };
    case 'pending_confirmation':
      return { ...stay(state, 'pending_confirmation'), ownerChanges: true };
    default:
      return refusal('TRANSITION_NOT_ALLOWED');
  }
}
