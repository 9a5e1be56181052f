/**
 * The schemas of every route in `contract.ts`: the answer, and the body and query it takes. The
 * server documents its OpenAPI from these, validates input with them, and in its tests checks every
 * answer against them. `satisfies` below ties each schema to the type the route declares, so a
 * schema and a type cannot say different things.
 */
import * as v from 'valibot';
import {
  acceptSchema,
  cancelSchema,
  escalateSchema,
  onBehalfSchema,
  onSpotSchema,
  rateSchema,
  replySchema,
  resolveSchema,
  smsCodeRequestSchema,
  smsSignInSchema,
  staffSignInSchema,
  submitRequestSchema,
  superviseSchema,
  transferSchema,
  verifySchema,
  wechatSignInSchema,
  confirmationTicketRequestSchema,
  emptyBodySchema,
} from '../schemas/inputs';
import {
  figuresQuerySchema,
  inboxQuerySchema,
  pageQuerySchema,
  staffQueueQuerySchema,
} from '../schemas/queries';
import type { ApiBodies, ApiQueries, ApiResponses, RouteName } from './contract';
import {
  errorBodySchema,
  cadreFiguresSchema,
  cardViewSchema,
  confirmationPreviewSchema,
  confirmationTicketSchema,
  handledItemSchema,
  healthSchema,
  moveResultSchema,
  onSpotRecordedSchema,
  pageSchema,
  photoViewSchema,
  requestDetailSchema,
  requestSummarySchema,
  sessionUserSchema,
  signInResultSchema,
  smsSentSchema,
  transferTargetsSchema,
} from './schemas';

type Answer<K extends RouteName> = v.GenericSchema<unknown, ApiResponses[K]>;
type Body<K> = K extends keyof ApiBodies ? v.GenericSchema<unknown, ApiBodies[K]> : never;
type Query<K> = K extends keyof ApiQueries ? v.GenericSchema<unknown, ApiQueries[K]> : never;

export type RouteSchemas = {
  [K in RouteName]: { response: Answer<K> } & (K extends keyof ApiBodies
    ? { body: Body<K> }
    : { body?: never }) &
    (K extends keyof ApiQueries ? { query: Query<K> } : { query?: never });
};

const summaries = pageSchema(requestSummarySchema);
const handledPage = pageSchema(handledItemSchema);

/**
 * The answers worth a name in the OpenAPI document: each is written out once there, under
 * `components.schemas`, and routes refer to it.
 */
export const NAMED_SCHEMAS: Record<string, v.GenericSchema> = {
  ErrorBody: errorBodySchema,
  Health: healthSchema,
  SignInResult: signInResultSchema,
  SmsSent: smsSentSchema,
  SessionUser: sessionUserSchema,
  CardView: cardViewSchema,
  PhotoView: photoViewSchema,
  RequestDetail: requestDetailSchema,
  MoveResult: moveResultSchema,
  OnSpotRecorded: onSpotRecordedSchema,
  ConfirmationTicket: confirmationTicketSchema,
  ConfirmationPreview: confirmationPreviewSchema,
  TransferTargets: transferTargetsSchema,
  RequestSummaryPage: summaries,
  HandledItemPage: handledPage,
  CadreFigures: cadreFiguresSchema,
};

export const ROUTE_SCHEMAS = {
  health: { response: healthSchema },
  staffSignIn: { response: signInResultSchema, body: staffSignInSchema },
  sendSmsCode: { response: smsSentSchema, body: smsCodeRequestSchema },
  smsSignIn: { response: signInResultSchema, body: smsSignInSchema },
  wechatSignIn: { response: signInResultSchema, body: wechatSignInSchema },
  me: { response: sessionUserSchema },
  viewCard: { response: cardViewSchema },
  uploadPhoto: { response: photoViewSchema },
  photoFile: { response: v.unknown() },
  submitRequest: { response: requestDetailSchema, body: submitRequestSchema },
  fileOnBehalf: { response: requestDetailSchema, body: onBehalfSchema },
  recordOnSpot: { response: onSpotRecordedSchema, body: onSpotSchema },
  myRequests: { response: summaries, query: pageQuerySchema },
  requestDetail: { response: requestDetailSchema },
  transferTargets: { response: transferTargetsSchema },
  confirmationTicket: { response: confirmationTicketSchema, body: confirmationTicketRequestSchema },
  withdraw: { response: moveResultSchema, body: emptyBodySchema },
  accept: { response: moveResultSchema, body: acceptSchema },
  reply: { response: moveResultSchema, body: replySchema },
  resolve: { response: moveResultSchema, body: resolveSchema },
  escalate: { response: moveResultSchema, body: escalateSchema },
  transfer: { response: moveResultSchema, body: transferSchema },
  rate: { response: moveResultSchema, body: rateSchema },
  verify: { response: moveResultSchema, body: verifySchema },
  supervise: { response: moveResultSchema, body: superviseSchema },
  cancel: { response: moveResultSchema, body: cancelSchema },
  confirmationPreview: { response: confirmationPreviewSchema },
  confirm: { response: requestDetailSchema, body: emptyBodySchema },
  inbox: { response: summaries, query: inboxQuerySchema },
  handled: { response: handledPage, query: pageQuerySchema },
  staffQueue: { response: summaries, query: staffQueueQuerySchema },
  cadreFigures: { response: cadreFiguresSchema, query: figuresQuerySchema },
} satisfies RouteSchemas;
