/**
 * The shapes the API answers with, shared by the server (which builds them) and the mini-program
 * (which reads them). Inputs are the schemas in `../schemas`.
 */
import type { DeadlineState } from '../calendar/overdue';
import type { Action, RatingLevel, Round } from '../lifecycle/transition';
import type { ActorRole } from '../lifecycle/actors';
import type { RequestChannel, RequestStatus, ResolutionOutcome } from '../lifecycle/status';
import type { HandlingLevel } from '../org/levels';
import type { Rate } from '../metrics/types';
import type { RatingTag } from '../rating/rating';
import type { CategoryCode, SubTopicCode } from '../vocabulary/categories';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/* ---- sessions ---- */

export interface SessionUser {
  id: number;
  role: ActorRole;
  displayName: string;
  /** masked, for residents */
  phoneMasked: string | null;
  orgUnitId: number | null;
  orgUnitName: string | null;
  /** set when the account is a cadre's */
  cadreId: number | null;
}

export interface SignInResult {
  token: string;
  /** ISO time the token stops working */
  expiresAt: string;
  user: SessionUser;
}

export interface SmsSent {
  phoneMasked: string;
  resendAfterSeconds: number;
  /** Only from the local SMS stand-in (development, tests, trials): the code it did not send. */
  devCode?: string;
}

/* ---- cards ---- */

export interface Hotline {
  name: string;
  phone: string;
}

export interface CardView {
  code: string;
  cadre: {
    id: number;
    name: string;
    post: string;
    phone: string;
    duties: string;
    dutyDays: string;
    photoUrl: string | null;
    unitName: string;
  };
  villageName: string | null;
  townshipName: string | null;
  hotlines: Hotline[];
  /** set when the card's cadre moved on and this cadre took over (事随人转) */
  handedOverFrom: string | null;
}

/* ---- requests ---- */

export interface RequestSummary {
  id: number;
  number: string;
  category: CategoryCode;
  subTopic: SubTopicCode | null;
  /** the first characters of the text, for lists */
  preview: string;
  status: RequestStatus;
  level: HandlingLevel;
  channel: RequestChannel;
  submittedAt: string;
  acceptDueAt: string;
  dueAt: string;
  deadline: DeadlineState;
  /** e.g. 还剩2个工作日 / 已超期 */
  deadlineText: string;
  ownerName: string;
  version: number;
}

export interface TimelineEntry {
  id: number;
  action: Action;
  /** who, as the reader may see it: 群众 / the cadre's name / 乡镇工作人员 / 系统 */
  actorLabel: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  note: string | null;
  at: string;
}

export interface PhotoView {
  id: number;
  url: string;
  width: number;
  height: number;
}

export interface RatingView {
  round: Round;
  level: RatingLevel;
  tags: RatingTag[];
  comment: string;
  at: string;
}

export interface RequestDetail extends RequestSummary {
  text: string;
  photos: PhotoView[];
  contactPhoneMasked: string | null;
  firstContactName: string | null;
  round: Round;
  resolvedAt: string | null;
  resolutionOutcome: ResolutionOutcome | null;
  resolutionNote: string | null;
  /** until when the requester may rate the current round; null when rating is not open */
  rateUntil: string | null;
  /** only the requester and staff see ratings; a cadre never sees who rated what */
  ratings: RatingView[];
  timeline: TimelineEntry[];
  /** what the reader may do now (drives the buttons) */
  allowedActions: Action[];
}

/* ---- figures ---- */

export interface CadreFiguresRow {
  cadreId: number;
  name: string;
  post: string;
  unitName: string;
  received: number;
  resolved: number;
  ratings: number;
  satisfaction: Rate;
  participation: Rate;
}

export interface CadreFigures {
  period: { from: string; to: string };
  scope: { unitId: number; name: string };
  rows: CadreFiguresRow[];
  total: Omit<CadreFiguresRow, 'cadreId' | 'name' | 'post' | 'unitName'>;
}

/** The answer to a move after which the mover may no longer see the request (e.g. escalated away). */
export interface MovedAway {
  id: number;
  visible: false;
}
