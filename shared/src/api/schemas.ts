/**
 * Every shape the API answers with, declared once. Each schema gives the TypeScript type the
 * server builds and the mini-program reads (`v.InferOutput`), the OpenAPI document's schema, and
 * the check the server's tests run on every answer they receive (see `route-schemas.ts`). The
 * mini-program imports only the types from here, so none of this ships in its bundle.
 */
import * as v from 'valibot';
import { DEADLINE_STATES } from '../calendar/overdue';
import { CONTENT_HOLD_STATES, CONTENT_ITEMS } from '../content/content-security';
import { ERROR_CODES, type ErrorCode } from '../errors/codes';
import { ACTOR_ROLES } from '../lifecycle/actors';
import { CLOCK_KINDS } from '../lifecycle/clocks';
import { REQUEST_CHANNELS, REQUEST_STATUSES, RESOLUTION_OUTCOMES } from '../lifecycle/status';
import { ACTIONS } from '../lifecycle/transition';
import { DELIVERY_STATUSES, NOTICE_CHANNELS, NOTICE_KINDS } from '../notices/notices';
import { HANDLING_LEVELS, ORG_UNIT_KINDS } from '../org/levels';
import { RATING_TAG_CODES, SOLVED_ANSWERS } from '../rating/rating';
import { CATEGORY_CODES, SUB_TOPIC_CODES } from '../vocabulary/categories';

const instant = v.pipe(v.string(), v.isoTimestamp());
const localDate = v.pipe(v.string(), v.isoDate());
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const round = v.picklist([1, 2] as const);
const ratingLevel = v.picklist([1, 2, 3, 4, 5] as const);

export function pageSchema<T extends v.GenericSchema>(item: T) {
  return v.object({ items: v.array(item), page: id, pageSize: id, total: count });
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/* ---- errors ---- */

export const fieldIssueSchema = v.object({
  /** Dotted path of the field, e.g. `text` or `photos.1`. */
  field: v.string(),
  message: v.string(),
});

export const errorBodySchema = v.object({
  code: v.picklist(ERROR_CODES),
  /** plain Chinese, ready to show */
  message: v.string(),
  details: v.optional(v.array(fieldIssueSchema)),
  requestId: v.optional(v.string()),
});

/* ---- health ---- */

export const healthSchema = v.object({ status: v.literal('ok'), database: v.literal('up') });
export type HealthStatus = v.InferOutput<typeof healthSchema>;

/* ---- sessions ---- */

export const sessionUserSchema = v.object({
  id,
  role: v.picklist(ACTOR_ROLES),
  displayName: v.string(),
  /** masked, for residents */
  phoneMasked: v.nullable(v.string()),
  orgUnitId: v.nullable(id),
  orgUnitName: v.nullable(v.string()),
  /** set when the account is a cadre's */
  cadreId: v.nullable(id),
  /** an initial password: nothing but changing it works until it is changed */
  mustChangePassword: v.boolean(),
});
export type SessionUser = v.InferOutput<typeof sessionUserSchema>;

export const signInResultSchema = v.object({
  token: v.string(),
  /** ISO time the token stops working */
  expiresAt: instant,
  user: sessionUserSchema,
});
export type SignInResult = v.InferOutput<typeof signInResultSchema>;

export const smsSentSchema = v.object({
  phoneMasked: v.string(),
  resendAfterSeconds: count,
  /** Only from the local SMS stand-in (development, tests, trials): the code it did not send. */
  devCode: v.optional(v.string()),
});
export type SmsSent = v.InferOutput<typeof smsSentSchema>;

/* ---- cards ---- */

export const hotlineSchema = v.object({ name: v.string(), phone: v.string() });
export type Hotline = v.InferOutput<typeof hotlineSchema>;

export const cardViewSchema = v.object({
  code: v.string(),
  cadre: v.object({
    id,
    name: v.string(),
    post: v.string(),
    phone: v.string(),
    duties: v.string(),
    dutyDays: v.string(),
    photoUrl: v.nullable(v.string()),
    unitName: v.string(),
  }),
  villageName: v.nullable(v.string()),
  townshipName: v.nullable(v.string()),
  hotlines: v.array(hotlineSchema),
  /** set when the card's cadre moved on and this cadre took over (事随人转) */
  handedOverFrom: v.nullable(v.string()),
  /**
   * set when this card was stopped and a new one issued in its place (补卡) to a cadre still in
   * post: the new card's code. The page says the card is 已停用 and leads to the new one; this
   * code takes no requests.
   */
  replacedBy: v.nullable(v.string()),
  /**
   * a 民困帮扶卡: the card of one household in hardship (结亲), reaching its linked cadre with the
   * household known. The page says so; it never shows the household's name or address.
   */
  helpCard: v.boolean(),
});
export type CardView = v.InferOutput<typeof cardViewSchema>;

/**
 * The card page as the server sends it to a phone's browser (`/c/<code>`): the card already drawn
 * in the HTML, and its answer — the card, or the refusal — in a JSON block the H5 app reads
 * instead of asking again (issue 11). Each opening is counted once, by the server.
 */
export type InlinedCard =
  | { code: string; card: CardView }
  | { code: string; error: { code: ErrorCode; message: string; status: number } };
/** the id of the JSON block holding an `InlinedCard` */
export const INLINED_CARD_ID = 'mqlk-card';
/** the id of the server-drawn card, which the H5 app removes once its own page shows */
export const SERVER_CARD_ID = 'mqlk-ssr';

/** 读给我听: the words read, and a link to them spoken (the server's text-to-speech, cached). */
export const speechViewSchema = v.object({
  text: v.string(),
  /** e.g. /api/speech/audio/<hash>.wav, relative to the API's origin */
  audioUrl: v.string(),
});
export type SpeechView = v.InferOutput<typeof speechViewSchema>;

/* ---- requests ---- */

export const requestSummarySchema = v.object({
  id,
  number: v.string(),
  category: v.picklist(CATEGORY_CODES),
  subTopic: v.nullable(v.picklist(SUB_TOPIC_CODES)),
  /** the first characters of the text, for lists */
  preview: v.string(),
  /** as the reader may see it: to a cadre, resolved, under review and closed all read 已办结 */
  status: v.picklist(REQUEST_STATUSES),
  level: v.picklist(HANDLING_LEVELS),
  channel: v.picklist(REQUEST_CHANNELS),
  submittedAt: instant,
  acceptDueAt: v.nullable(instant),
  /** the due time of the running resolve or rectify clock, or of the last one */
  dueAt: v.nullable(instant),
  deadline: v.picklist(DEADLINE_STATES),
  /** e.g. 还剩2个工作日 / 已超期 */
  deadlineText: v.string(),
  ownerName: v.string(),
  /** 督办: staff pressed for it; shown as a mark on the owner's inbox while it is open */
  supervision: v.nullable(v.object({ count: id, lastAt: instant })),
  /** the version the reader's next move must name; 0 when the reader has no move to make */
  version: count,
});
export type RequestSummary = v.InferOutput<typeof requestSummarySchema>;

export const timelineEntrySchema = v.object({
  id,
  action: v.picklist(ACTIONS),
  /** who, as the reader may see it: 我 / 群众 / the cadre's name / 某某（工作人员） / 系统 */
  actorLabel: v.string(),
  fromStatus: v.nullable(v.picklist(REQUEST_STATUSES)),
  toStatus: v.picklist(REQUEST_STATUSES),
  note: v.nullable(v.string()),
  /** for 上报 and 转办: who took the request over */
  handedTo: v.nullable(v.string()),
  at: instant,
});
export type TimelineEntry = v.InferOutput<typeof timelineEntrySchema>;

export const photoViewSchema = v.object({ id, url: v.string(), width: count, height: count });
export type PhotoView = v.InferOutput<typeof photoViewSchema>;

/** A voice clip (语音): a signed link like a photo's, its length, and what was heard in it. */
export const voiceViewSchema = v.object({
  id,
  url: v.string(),
  /** the recording's media type, as decided from its bytes (audio/mpeg, audio/aac, audio/webm, audio/mp4) */
  mime: v.string(),
  durationMs: count,
  /** the speech-to-text provider's transcript; null when there is none */
  transcript: v.nullable(v.string()),
});
export type VoiceView = v.InferOutput<typeof voiceViewSchema>;

/**
 * 内容安全: one item WeChat flagged (the text, a photo, the recording) and what staff made of it.
 * A cadre reads only that an item is held or withheld; the reason is for staff.
 */
export const contentHoldViewSchema = v.object({
  id,
  item: v.picklist(CONTENT_ITEMS),
  /** which photo, for a photo; null for the text and the recording */
  photoId: v.nullable(id),
  state: v.picklist(CONTENT_HOLD_STATES),
  /** WeChat's reason in plain words (e.g. 辱骂); staff and admins only, null for others */
  reason: v.nullable(v.string()),
  heldAt: instant,
  reviewedAt: v.nullable(instant),
  reviewerName: v.nullable(v.string()),
  /** staff's note with their decision; staff and admins only */
  reviewNote: v.nullable(v.string()),
  /** the reader may release or withhold it now (staff in scope, while it is held) */
  reviewable: v.boolean(),
});
export type ContentHoldView = v.InferOutput<typeof contentHoldViewSchema>;

export const ratingViewSchema = v.object({
  round,
  level: ratingLevel,
  solved: v.nullable(v.picklist(SOLVED_ANSWERS)),
  tags: v.array(v.picklist(RATING_TAG_CODES)),
  comment: v.string(),
  at: instant,
  /** set when staff found this bad review unfounded: it counts in no figure */
  excluded: v.boolean(),
});
export type RatingView = v.InferOutput<typeof ratingViewSchema>;

/** The 整改 task: what a founded bad review becomes for the cadre, carrying the staff's finding. */
export const rectificationSchema = v.object({
  finding: v.string(),
  verifiedAt: instant,
  dueAt: instant,
});
export type Rectification = v.InferOutput<typeof rectificationSchema>;

export const clockViewSchema = v.object({
  kind: v.picklist(CLOCK_KINDS),
  ownerName: v.string(),
  level: v.picklist(HANDLING_LEVELS),
  startedAt: instant,
  dueAt: instant,
  stoppedAt: v.nullable(instant),
  /** the move that stopped it: its goal (accept, resolve), or a hand-over, a withdrawal… */
  stoppedBy: v.nullable(v.picklist(ACTIONS)),
  standing: v.picklist(['running', 'met', 'missed', 'void'] as const),
});
export type ClockView = v.InferOutput<typeof clockViewSchema>;

export const requestDetailSchema = v.object({
  ...requestSummarySchema.entries,
  text: v.string(),
  photos: v.array(photoViewSchema),
  /** the resident's recording, when the request was said rather than (or as well as) written */
  voice: v.nullable(voiceViewSchema),
  /** masked; shown to the resident, staff, and the owner while the work is open */
  contactPhoneMasked: v.nullable(v.string()),
  firstContactName: v.nullable(v.string()),
  round,
  resolvedAt: v.nullable(instant),
  resolutionOutcome: v.nullable(v.picklist(RESOLUTION_OUTCOMES)),
  resolutionNote: v.nullable(v.string()),
  /** until when the requester may rate the current round; null when rating is not open */
  rateUntil: v.nullable(instant),
  /** only the requester and staff see ratings; a cadre never sees who rated what */
  ratings: v.array(ratingViewSchema),
  rectification: v.nullable(rectificationSchema),
  /** the latest 督办 note, for everyone who works on the request */
  supervisionNote: v.nullable(v.string()),
  /** a second bad review, flagged to the county (staff only) */
  flaggedToCounty: v.boolean(),
  /** 公示摘要: the one line the village board shows (null until written when resolving) */
  publicSummary: v.nullable(v.string()),
  /** staff took it off the village board */
  publicHidden: v.boolean(),
  /** every deadline clock, each kept after it stops (cadres and staff only) */
  clocks: v.array(clockViewSchema),
  timeline: v.array(timelineEntrySchema),
  /** the household (联户) it came from (a visit, a 民困帮扶卡), for cadres and staff only */
  household: v.nullable(v.object({ id, address: v.string(), headName: v.string() })),
  /**
   * 内容安全: the items WeChat flagged. While one is held or withheld a cadre gets the request
   * without it (text empty, photo or recording left out) and this list says so.
   */
  contentHolds: v.array(contentHoldViewSchema),
  /** what the reader may do now (drives the buttons); every one has its route */
  allowedActions: v.array(v.picklist(ACTIONS)),
});
export type RequestDetail = v.InferOutput<typeof requestDetailSchema>;

/** The answer to a move after which the mover may no longer see the request (e.g. escalated away). */
export const movedAwaySchema = v.object({ id, visible: v.literal(false) });
export type MovedAway = v.InferOutput<typeof movedAwaySchema>;

/** Every move answers with the request as the mover may now see it, or says it is out of sight. */
export const moveResultSchema = v.union([requestDetailSchema, movedAwaySchema]);
export type MoveResult = v.InferOutput<typeof moveResultSchema>;

export function isMovedAway(result: MoveResult): result is MovedAway {
  return 'visible' in result && result.visible === false;
}

/** The 经手 list: requests a cadre first received that have moved on, with where they are now. */
export const handledItemSchema = v.object({
  ...requestSummarySchema.entries,
  /** the unit that holds it now */
  ownerUnitName: v.string(),
});
export type HandledItem = v.InferOutput<typeof handledItemSchema>;

export const transferTargetSchema = v.object({
  userId: id,
  name: v.string(),
  /** 职务 for a cadre, 工作人员 for staff */
  post: v.string(),
  unitName: v.string(),
  unitKind: v.picklist(ORG_UNIT_KINDS),
  level: v.picklist(HANDLING_LEVELS),
});
export type TransferTarget = v.InferOutput<typeof transferTargetSchema>;

export const transferTargetsSchema = v.object({
  /** county staff may reassign anywhere in the county, to any level */
  acrossLevels: v.boolean(),
  items: v.array(transferTargetSchema),
});
export type TransferTargets = v.InferOutput<typeof transferTargetsSchema>;

/* ---- 当场解决: the resident's confirmation ---- */

/** What the cadre's phone shows: a QR code of the link, and the link itself. */
export const confirmationTicketSchema = v.object({
  link: v.string(),
  /** a PNG of the QR code, as a data: URL */
  qrDataUrl: v.string(),
  expiresAt: instant,
  /** set when the link was also sent by SMS to the resident's phone (masked) */
  smsSentTo: v.nullable(v.string()),
  /** Only from the local SMS stand-in (development, tests, trials). */
  devSms: v.optional(v.string()),
});
export type ConfirmationTicket = v.InferOutput<typeof confirmationTicketSchema>;

export const onSpotRecordedSchema = v.object({
  request: requestDetailSchema,
  /** null when a retried recording finds the record confirmed or cancelled meanwhile */
  confirmation: v.nullable(confirmationTicketSchema),
});
export type OnSpotRecorded = v.InferOutput<typeof onSpotRecordedSchema>;

/** What the confirmation link shows before sign-in: enough to recognise one's own matter. */
export const confirmationPreviewSchema = v.object({
  state: v.picklist(['pending', 'confirmed', 'cancelled'] as const),
  expiresAt: instant,
  expired: v.boolean(),
  cadreName: v.string(),
  category: v.picklist(CATEGORY_CODES),
  text: v.string(),
  note: v.string(),
  /** the phone the cadre recorded, masked: the resident signs in with it to confirm */
  phoneMasked: v.string(),
  /** the request, once confirmed, for the resident to open and rate */
  requestId: id,
});
export type ConfirmationPreview = v.InferOutput<typeof confirmationPreviewSchema>;

/* ---- figures ---- */

export const rateSchemaOut = v.object({
  numerator: count,
  denominator: count,
  value: v.nullable(v.number()),
});

export const cadreFiguresRowSchema = v.object({
  cadreId: id,
  name: v.string(),
  post: v.string(),
  unitName: v.string(),
  received: count,
  resolved: count,
  ratings: count,
  satisfaction: rateSchemaOut,
  participation: rateSchemaOut,
});
export type CadreFiguresRow = v.InferOutput<typeof cadreFiguresRowSchema>;

export const cadreFiguresSchema = v.object({
  period: v.object({ from: localDate, to: localDate }),
  scope: v.object({ unitId: id, name: v.string() }),
  rows: v.array(cadreFiguresRowSchema),
  total: v.object({
    received: count,
    resolved: count,
    ratings: count,
    satisfaction: rateSchemaOut,
    participation: rateSchemaOut,
  }),
});
export type CadreFigures = v.InferOutput<typeof cadreFiguresSchema>;

/* ---- notices (消息) ---- */

export const noticeSchema = v.object({
  id,
  kind: v.picklist(NOTICE_KINDS),
  title: v.string(),
  /** one sentence that says it all, e.g. 您反映的饮水问题已办结，请评价。 */
  body: v.string(),
  /** the request it is about; opening the notice opens the request */
  requestId: v.nullable(id),
  createdAt: instant,
  readAt: v.nullable(instant),
});
export type Notice = v.InferOutput<typeof noticeSchema>;

export const noticeSummarySchema = v.object({ unread: count });
export type NoticeSummary = v.InferOutput<typeof noticeSummarySchema>;

export const readNoticesResultSchema = v.object({ marked: count, unread: count });
export type ReadNoticesResult = v.InferOutput<typeof readNoticesResultSchema>;

/** The WeChat templates the mini-program asks a person to subscribe to; null where none is set up. */
export const subscribeTemplatesSchema = v.object({
  progress: v.nullable(v.string()),
  newRequest: v.nullable(v.string()),
  reminder: v.nullable(v.string()),
});
export type SubscribeTemplateIds = v.InferOutput<typeof subscribeTemplatesSchema>;

/** One delivery in the 发送失败 list: what was to be sent, to whom, and why it did not go. */
export const failedDeliverySchema = v.object({
  id,
  noticeId: id,
  kind: v.picklist(NOTICE_KINDS),
  channel: v.picklist(NOTICE_CHANNELS),
  status: v.picklist(DELIVERY_STATUSES),
  recipientName: v.string(),
  title: v.string(),
  body: v.string(),
  requestId: v.nullable(id),
  requestNumber: v.nullable(v.string()),
  attempts: count,
  lastError: v.string(),
  createdAt: instant,
  lastAttemptAt: v.nullable(instant),
});
export type FailedDelivery = v.InferOutput<typeof failedDeliverySchema>;

/** The counts at the top of the staff queue: what needs a look now. */
export const staffQueueCountsSchema = v.object({
  review: count,
  conduct: count,
  dueSoon: count,
  overdue: count,
  supervised: count,
  flagged: count,
  /** 内容待审: requests with an item WeChat flagged, waiting for staff */
  content: count,
  /** notices that could not be delivered, in scope (the 发送失败 list) */
  failedNotices: count,
});
export type StaffQueueCounts = v.InferOutput<typeof staffQueueCountsSchema>;

/** What one pass of the sweeps did. */
export const sweepReportSchema = v.object({
  ratingsClosed: count,
  dueSoonWarned: count,
  overdueAlerted: count,
  supervisionReminded: count,
});
export type SweepReport = v.InferOutput<typeof sweepReportSchema>;

export const dispatchReportSchema = v.object({
  delivered: count,
  skipped: count,
  retrying: count,
  failed: count,
});
export type DispatchReport = v.InferOutput<typeof dispatchReportSchema>;

/** The development clock's answer: the time now, and what the sweeps and dispatcher did. */
export const devClockResultSchema = v.object({
  now: instant,
  sweep: sweepReportSchema,
  dispatch: dispatchReportSchema,
});
export type DevClockResult = v.InferOutput<typeof devClockResultSchema>;
