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
  devClockSchema,
  emptyBodySchema,
  readNoticesSchema,
} from '../schemas/inputs';
import {
  figuresQuerySchema,
  inboxQuerySchema,
  noticeQuerySchema,
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
  devClockResultSchema,
  failedDeliverySchema,
  handledItemSchema,
  healthSchema,
  moveResultSchema,
  noticeSchema,
  noticeSummarySchema,
  onSpotRecordedSchema,
  pageSchema,
  photoViewSchema,
  readNoticesResultSchema,
  requestDetailSchema,
  requestSummarySchema,
  sessionUserSchema,
  signInResultSchema,
  smsSentSchema,
  staffQueueCountsSchema,
  subscribeTemplatesSchema,
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

/** What each route is for, in the OpenAPI document (kept out of the mini-program's bundle). */
export const ROUTE_SUMMARIES: Record<RouteName, string> = {
  health: '健康检查：数据库可用时 200',
  staffSignIn: '干部、工作人员账号密码登录',
  sendSmsCode: '发送短信验证码',
  smsSignIn: '群众短信验证码登录',
  wechatSignIn: '群众微信登录',
  me: '当前登录的人',
  viewCard: '联系卡：扫码看到的干部',
  uploadPhoto: '上传一张照片（JPG、PNG、WebP，5MB 以内）',
  photoFile: '照片（签名链接）',
  submitRequest: '群众扫码提交诉求',
  fileOnBehalf: '干部代群众登记诉求（代填）',
  recordOnSpot: '干部登记当场解决，待群众确认',
  myRequests: '我反映的事情',
  requestDetail: '一条诉求',
  transferTargets: '可以转办给谁',
  confirmationTicket: '重新生成当场解决的确认码（可同时短信发送）',
  withdraw: '撤回（群众，签收前）',
  accept: '签收',
  reply: '答复群众',
  resolve: '办结',
  escalate: '上报上一级',
  transfer: '转办给同级的其他干部或工作人员',
  rate: '群众评价',
  verify: '差评核实（工作人员）',
  supervise: '督办（工作人员）',
  cancel: '撤销未确认的当场解决登记',
  confirmRequest: '群众在自己的诉求里确认当场解决',
  confirmationPreview: '当场解决确认页',
  confirm: '群众确认当场解决',
  inbox: '我的待办、已办',
  handled: '经手：首接后已转走或上报的诉求',
  staffQueue: '乡镇、县的诉求队列',
  staffQueueCounts: '队列计数：即将超期、已超期、督办中、差评核实等',
  notices: '我的消息',
  noticeSummary: '未读消息数',
  readNotices: '标记消息已读',
  subscribeTemplates: '小程序订阅消息模板',
  failedDeliveries: '发送失败的通知（工作人员，辖区内）',
  retryDelivery: '重新发送一条失败的通知',
  cadreFigures: '干部满意率等指标',
  devClock: '开发时钟：拨动时间并立即运行定时任务（仅开发、测试环境）',
};

const summaries = pageSchema(requestSummarySchema);
const handledPage = pageSchema(handledItemSchema);
const noticePage = pageSchema(noticeSchema);
const failedPage = pageSchema(failedDeliverySchema);

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
  NoticePage: noticePage,
  FailedDeliveryPage: failedPage,
  FailedDelivery: failedDeliverySchema,
  StaffQueueCounts: staffQueueCountsSchema,
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
  confirmRequest: { response: moveResultSchema, body: emptyBodySchema },
  confirmationPreview: { response: confirmationPreviewSchema },
  confirm: { response: requestDetailSchema, body: emptyBodySchema },
  inbox: { response: summaries, query: inboxQuerySchema },
  handled: { response: handledPage, query: pageQuerySchema },
  staffQueue: { response: summaries, query: staffQueueQuerySchema },
  staffQueueCounts: { response: staffQueueCountsSchema },
  notices: { response: noticePage, query: noticeQuerySchema },
  noticeSummary: { response: noticeSummarySchema },
  readNotices: { response: readNoticesResultSchema, body: readNoticesSchema },
  subscribeTemplates: { response: subscribeTemplatesSchema },
  failedDeliveries: { response: failedPage, query: pageQuerySchema },
  retryDelivery: { response: failedDeliverySchema, body: emptyBodySchema },
  cadreFigures: { response: cadreFiguresSchema, query: figuresQuerySchema },
  devClock: { response: devClockResultSchema, body: devClockSchema },
} satisfies RouteSchemas;
