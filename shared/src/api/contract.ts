/**
 * The API's one route table. The server's controllers take their method, path, access and
 * documentation from it (`@Endpoint(name)`), the mini-program's `services/api/` calls it by name,
 * and both are typed by the answer each route declares, so neither side can drift from the other
 * without the type check failing. Answer schemas live in `schemas.ts`, joined to the routes in
 * `route-schemas.ts` (server only, from the `@mqlk/shared/server` entry, to keep them out of the
 * mini-program's bundle).
 */
import type { ActorRole } from '../lifecycle/actors';
import type {
  AcceptInput,
  CancelInput,
  DevClockInput,
  EscalateInput,
  OnBehalfInput,
  OnSpotInput,
  RateInput,
  ReadNoticesInput,
  ReplyInput,
  ResolveInput,
  SmsCodeRequestInput,
  SmsSignInInput,
  StaffSignInInput,
  SubmitRequestInput,
  SuperviseInput,
  ContentReviewInput,
  TransferInput,
  VerifyInput,
  WechatSignInInput,
  WechatPhoneSignInInput,
  PublicSummaryEditInput,
} from '../schemas/inputs';
import type { WechatPushQuery } from './route-schemas';
import type {
  FiguresQuery,
  InboxQuery,
  NoticeQuery,
  PageQuery,
  StaffQueueQuery,
} from '../schemas/queries';
import type {
  AccountListQuery,
  AuditQuery,
  CadreListQuery,
  CalendarDayInput,
  CalendarQuery,
  CardSheetQuery,
  ChangePasswordInput,
  CreateAccountInput,
  CreateCadreInput,
  CreateUnitInput,
  DeactivateCadreInput,
  DeadlinePolicyInput,
  LedgerQuery,
  RevokeCardInput,
  SetAccountActiveInput,
  TransferPostInput,
  UpdateCadreInput,
  UpdateUnitInput,
  YearScheduleInput,
} from '../schemas/office';
import type {
  CreateHouseholdInput,
  HouseholdListQuery,
  MoveHouseholdInput,
  MyHouseholdsQuery,
  MyVisitsQuery,
  RecordVisitInput,
  UnvisitedQuery,
  UpdateHouseholdInput,
  VisitCoverageQuery,
} from '../schemas/households';
import type {
  Household,
  HouseholdDetail,
  UnvisitedHousehold,
  Visit,
  VisitCoverage,
} from './household-schemas';
import type { PublicSummaryState, VillageBoard } from './board-schemas';
import type {
  AccountWithPassword,
  AuditEntry,
  CadreCreated,
  CadreDetail,
  CardDetail,
  CountyCalendar,
  ImportCounts,
  ImportResult,
  OfficeAccount,
  OfficeCadre,
  OfficeCard,
  OfficeUnit,
  OfficeUnitTree,
  RevokeCardResult,
  TransferPostResult,
} from './office-schemas';
import type {
  AnomalyList,
  FigureRequest,
  FigureSeries,
  MyFigures,
  UnitFigures,
} from './figures-schemas';
import type {
  AnomalyQuery,
  MonthlyReportQuery,
  FigureRequestsQuery,
  FigureSeriesQuery,
  MyFiguresQuery,
  UnitFiguresQuery,
} from '../schemas/figures';
import type {
  CadreFigures,
  CardView,
  ConfirmationPreview,
  ConfirmationTicket,
  DevClockResult,
  FailedDelivery,
  HandledItem,
  HealthStatus,
  MoveResult,
  Notice,
  NoticeSummary,
  OnSpotRecorded,
  Page,
  PhotoView,
  VoiceView,
  ReadNoticesResult,
  RequestDetail,
  RequestSummary,
  SessionUser,
  SignInResult,
  SmsSent,
  SpeechView,
  StaffQueueCounts,
  SubscribeTemplateIds,
  TransferTargets,
} from './schemas';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type HttpMethod = 'GET' | 'POST';

/** Who may call a route: anyone, anyone signed in, or only these roles. */
export type RouteAccess = 'public' | 'signed_in' | readonly Exclude<ActorRole, 'system'>[];

export interface RouteDef {
  method: HttpMethod;
  /** the full path, `:name` for a path parameter */
  path: string;
  access: RouteAccess;
  /** HTTP status of success: 201 for what creates something, 200 otherwise */
  status: 200 | 201;
  /** the multipart field a file upload comes in, for routes that take one */
  upload?: string;
  /** the media type of a route that answers with a file instead of JSON */
  produces?: string;
}

const route = <const P extends string>(
  method: HttpMethod,
  path: P,
  access: RouteAccess,
  status: 200 | 201 = 200,
) => ({ method, path, access, status }) as const satisfies RouteDef;

/** The multipart field photos are uploaded in (what Taro.uploadFile sends as `name`). */
export const PHOTO_FIELD = 'file';

/** Who works in the township office: staff and county admins, each inside their own scope. */
const OFFICE = ['staff', 'admin'] as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Moves on one request: who may make them is decided per request by the shared state machine. */
const move = <const P extends string>(path: P) => route('POST', path, 'signed_in');

export const ROUTES = {
  health: route('GET', '/api/health', 'public'),

  staffSignIn: route('POST', '/api/auth/staff/sign-in', 'public'),
  sendSmsCode: route('POST', '/api/auth/sms/send', 'public'),
  smsSignIn: route('POST', '/api/auth/sms/sign-in', 'public'),
  wechatSignIn: route('POST', '/api/auth/wechat/sign-in', 'public'),
  /**
   * 微信手机号登录: the phone WeChat vouches for becomes the resident's, so what a cadre filed for
   * that phone (代填) is theirs at once.
   */
  wechatPhoneSignIn: route('POST', '/api/auth/wechat/phone', 'public'),
  me: route('GET', '/api/auth/me', 'signed_in'),

  viewCard: route('GET', '/api/cards/:code', 'public'),

  uploadPhoto: {
    ...route('POST', '/api/photos', 'signed_in', 201),
    upload: PHOTO_FIELD,
  },
  /** Public, because `<Image>` cannot send a token: the link is signed and expires instead. */
  photoFile: {
    ...route('GET', '/api/photos/:id/raw', 'public'),
    produces: 'image/jpeg',
  },
  /** One voice clip per call (MP3, AAC, WebM/Opus or MP4 audio, at most 60 s); checked by its bytes. */
  uploadVoice: {
    ...route('POST', '/api/voices', 'signed_in', 201),
    upload: PHOTO_FIELD,
  },
  /** Public like a photo's link, because `<audio>` cannot send a token: signed and expiring. */
  voiceFile: {
    ...route('GET', '/api/voices/:id/raw', 'public'),
    produces: 'audio/*',
  },
  /** A cadre's portrait, public like the card it is shown on; only the current one is served. */
  cadrePhoto: {
    ...route('GET', '/api/cadre-photos/:name', 'public'),
    produces: 'image/jpeg',
  },

  /** 读给我听 in the weapp: the card's words and their audio, public like the card. */
  speakCard: route('GET', '/api/speech/cards/:code', 'public'),
  /** 读给我听 on a request's status, for the resident who asked (the words speak to them). */
  speakRequest: route('GET', '/api/speech/requests/:id', ['resident']),
  /**
   * The audio behind a SpeechView's link; public, because InnerAudioContext cannot send a token.
   * Its name is a keyed hash of the words, so it cannot be made up from them.
   */
  speechAudio: {
    ...route('GET', '/api/speech/audio/:name', 'public'),
    produces: 'audio/wav',
  },

  submitRequest: route('POST', '/api/requests', ['resident'], 201),
  fileOnBehalf: route('POST', '/api/requests/on-behalf', ['cadre'], 201),
  recordOnSpot: route('POST', '/api/requests/on-spot', ['cadre'], 201),
  myRequests: route('GET', '/api/requests/mine', ['resident']),
  requestDetail: route('GET', '/api/requests/:id', 'signed_in'),
  transferTargets: route('GET', '/api/requests/:id/transfer-targets', 'signed_in'),
  confirmationTicket: route('POST', '/api/requests/:id/confirmation', 'signed_in'),

  withdraw: move('/api/requests/:id/withdraw'),
  accept: move('/api/requests/:id/accept'),
  reply: move('/api/requests/:id/reply'),
  resolve: move('/api/requests/:id/resolve'),
  escalate: move('/api/requests/:id/escalate'),
  transfer: move('/api/requests/:id/transfer'),
  rate: move('/api/requests/:id/rate'),
  verify: move('/api/requests/:id/verify'),
  supervise: move('/api/requests/:id/supervise'),
  cancel: move('/api/requests/:id/cancel'),
  confirmRequest: move('/api/requests/:id/confirm'),

  confirmationPreview: route('GET', '/api/confirmations/:token', 'public'),
  confirm: route('POST', '/api/confirmations/:token', ['resident']),

  inbox: route('GET', '/api/inbox', ['cadre', 'staff']),
  handled: route('GET', '/api/inbox/handled', ['cadre']),
  staffQueue: route('GET', '/api/staff/requests', ['staff']),
  staffQueueCounts: route('GET', '/api/staff/requests/counts', ['staff']),
  /** 内容审核: staff release or withhold an item WeChat's content security held. */
  reviewContent: route('POST', '/api/content-holds/:id/review', OFFICE),
  /**
   * WeChat's message push (消息推送): the address check (GET, answered with `echostr`) and the
   * events (POST, answered `success`), e.g. the result of a mediaCheckAsync. Public, signed by
   * the token both sides know.
   */
  wechatPushCheck: { ...route('GET', '/api/wechat/push', 'public'), produces: 'text/plain' },
  wechatPush: { ...route('POST', '/api/wechat/push', 'public'), produces: 'text/plain' },

  notices: route('GET', '/api/notices', 'signed_in'),
  noticeSummary: route('GET', '/api/notices/summary', 'signed_in'),
  readNotices: route('POST', '/api/notices/read', 'signed_in'),
  subscribeTemplates: route('GET', '/api/notices/templates', 'public'),
  failedDeliveries: route('GET', '/api/staff/failed-notices', ['staff']),
  retryDelivery: route('POST', '/api/staff/failed-notices/:id/retry', ['staff']),

  cadreFigures: route('GET', '/api/stats/cadres', ['staff']),
  unitFigures: route('GET', '/api/stats/units', OFFICE),
  figureSeries: route('GET', '/api/stats/series', OFFICE),
  /** Cadres too, for their own non-rating figures. */
  figureRequests: route('GET', '/api/stats/requests', ['cadre', 'staff', 'admin']),
  myFigures: route('GET', '/api/stats/mine', ['cadre']),
  anomalies: route('GET', '/api/stats/anomalies', OFFICE),
  monthlyReportPdf: {
    ...route('GET', '/api/office/reports/monthly.pdf', OFFICE),
    produces: 'application/pdf',
  },
  monthlyReportXlsx: {
    ...route('GET', '/api/office/reports/monthly.xlsx', OFFICE),
    produces: XLSX,
  },

  changePassword: route('POST', '/api/auth/password', ['cadre', 'staff', 'admin']),

  /* The township office (乡镇、县的管理后台): staff and admins, each inside their scope. */
  officeUnits: route('GET', '/api/office/units', OFFICE),
  createUnit: route('POST', '/api/office/units', OFFICE, 201),
  updateUnit: route('POST', '/api/office/units/:id', OFFICE),
  retireUnit: route('POST', '/api/office/units/:id/retire', OFFICE),

  officeCadres: route('GET', '/api/office/cadres', OFFICE),
  createCadre: route('POST', '/api/office/cadres', OFFICE, 201),
  cadreDetail: route('GET', '/api/office/cadres/:id', OFFICE),
  updateCadre: route('POST', '/api/office/cadres/:id', OFFICE),
  deactivateCadre: route('POST', '/api/office/cadres/:id/deactivate', OFFICE),
  transferPost: route('POST', '/api/office/cadres/:id/transfer', OFFICE),
  uploadCadrePhoto: {
    ...route('POST', '/api/office/cadres/:id/photo', OFFICE),
    upload: PHOTO_FIELD,
  },
  removeCadrePhoto: route('POST', '/api/office/cadres/:id/photo/remove', OFFICE),
  cadreImportTemplate: {
    ...route('GET', '/api/office/cadre-import/template', OFFICE),
    produces: XLSX,
  },
  importCadres: { ...route('POST', '/api/office/cadre-import', OFFICE), upload: 'file' },

  issueCard: route('POST', '/api/office/cadres/:id/cards', OFFICE, 201),
  cardDetail: route('GET', '/api/office/cards/:id', OFFICE),
  revokeCard: route('POST', '/api/office/cards/:id/revoke', OFFICE),
  cardSheet: { ...route('GET', '/api/office/card-sheet', OFFICE), produces: 'application/pdf' },

  ledger: { ...route('GET', '/api/office/ledger', OFFICE), produces: XLSX },

  officeHouseholds: route('GET', '/api/office/households', OFFICE),
  createHousehold: route('POST', '/api/office/households', OFFICE, 201),
  householdDetail: route('GET', '/api/office/households/:id', OFFICE),
  updateHousehold: route('POST', '/api/office/households/:id', OFFICE),
  moveHousehold: route('POST', '/api/office/households/:id/move', OFFICE),
  issueHelpCard: route('POST', '/api/office/households/:id/help-card', OFFICE, 201),
  householdImportTemplate: {
    ...route('GET', '/api/office/households/import-template', OFFICE),
    produces: XLSX,
  },
  importHouseholds: {
    ...route('POST', '/api/office/households/import', OFFICE),
    upload: 'file',
  },

  /* The village board (公示栏): public, no sign-in; staff edit or hide a request's 公示摘要. */
  villageBoard: route('GET', '/api/board/:unitId', 'public'),
  editPublicSummary: route('POST', '/api/office/requests/:id/public', OFFICE),
  boardPoster: {
    ...route('GET', '/api/office/units/:id/board-poster.pdf', OFFICE),
    produces: 'application/pdf',
  },

  /* A cadre's own households (联户): nobody else's. */
  myHouseholds: route('GET', '/api/households/mine', ['cadre']),
  myHousehold: route('GET', '/api/households/:id', ['cadre']),
  /* 走访日记: a cadre's visits to their own households. */
  recordVisit: route('POST', '/api/visits', ['cadre'], 201),
  myVisits: route('GET', '/api/visits/mine', ['cadre']),
  /* What the office sees of visits: coverage per cadre, households long unvisited. */
  visitCoverage: route('GET', '/api/office/visit-coverage', OFFICE),
  unvisitedHouseholds: route('GET', '/api/office/households-unvisited', OFFICE),

  officeAccounts: route('GET', '/api/office/accounts', OFFICE),
  createAccount: route('POST', '/api/office/accounts', ['admin'], 201),
  resetPassword: route('POST', '/api/office/accounts/:id/reset-password', OFFICE),
  setAccountActive: route('POST', '/api/office/accounts/:id/active', ['admin']),

  countyCalendar: route('GET', '/api/office/calendar', OFFICE),
  setYearSchedule: route('POST', '/api/office/calendar/years/:year', ['admin']),
  setCalendarDay: route('POST', '/api/office/calendar/days', ['admin']),
  setDeadlinePolicy: route('POST', '/api/office/calendar/policy', ['admin']),

  auditLog: route('GET', '/api/office/audit', ['admin']),

  /**
   * Development and tests only (DEV_CLOCK=true, never in production; 404 otherwise), and only for
   * staff: moving time closes rating windows and sends alerts, for good.
   */
  devClock: route('POST', '/api/dev/clock', ['staff']),
} as const;

export type RouteName = keyof typeof ROUTES;

/** What each route answers with on success. */
export interface ApiResponses {
  health: HealthStatus;
  staffSignIn: SignInResult;
  sendSmsCode: SmsSent;
  smsSignIn: SignInResult;
  wechatSignIn: SignInResult;
  wechatPhoneSignIn: SignInResult;
  me: SessionUser;
  viewCard: CardView;
  uploadPhoto: PhotoView;
  uploadVoice: VoiceView;
  /** the audio bytes, not JSON */
  voiceFile: unknown;
  /** the image bytes, not JSON */
  photoFile: unknown;
  cadrePhoto: unknown;
  speakCard: SpeechView;
  speakRequest: SpeechView;
  /** the audio bytes, not JSON */
  speechAudio: unknown;
  submitRequest: RequestDetail;
  fileOnBehalf: RequestDetail;
  recordOnSpot: OnSpotRecorded;
  myRequests: Page<RequestSummary>;
  requestDetail: RequestDetail;
  transferTargets: TransferTargets;
  confirmationTicket: ConfirmationTicket;
  withdraw: MoveResult;
  accept: MoveResult;
  reply: MoveResult;
  resolve: MoveResult;
  escalate: MoveResult;
  transfer: MoveResult;
  rate: MoveResult;
  verify: MoveResult;
  supervise: MoveResult;
  cancel: MoveResult;
  confirmRequest: MoveResult;
  confirmationPreview: ConfirmationPreview;
  confirm: RequestDetail;
  inbox: Page<RequestSummary>;
  handled: Page<HandledItem>;
  staffQueue: Page<RequestSummary>;
  staffQueueCounts: StaffQueueCounts;
  reviewContent: RequestDetail;
  /** plain text: the echo string */
  wechatPushCheck: unknown;
  /** plain text: success */
  wechatPush: unknown;
  notices: Page<Notice>;
  noticeSummary: NoticeSummary;
  readNotices: ReadNoticesResult;
  subscribeTemplates: SubscribeTemplateIds;
  failedDeliveries: Page<FailedDelivery>;
  retryDelivery: FailedDelivery;
  cadreFigures: CadreFigures;
  unitFigures: UnitFigures;
  figureSeries: FigureSeries;
  figureRequests: Page<FigureRequest>;
  myFigures: MyFigures;
  anomalies: AnomalyList;
  /** the PDF's bytes */
  monthlyReportPdf: unknown;
  /** the .xlsx bytes */
  monthlyReportXlsx: unknown;
  changePassword: SignInResult;
  officeUnits: OfficeUnitTree;
  createUnit: OfficeUnit;
  updateUnit: OfficeUnit;
  retireUnit: OfficeUnit;
  officeCadres: Page<OfficeCadre>;
  createCadre: CadreCreated;
  cadreDetail: CadreDetail;
  updateCadre: OfficeCadre;
  deactivateCadre: OfficeCadre;
  transferPost: TransferPostResult;
  uploadCadrePhoto: OfficeCadre;
  removeCadrePhoto: OfficeCadre;
  /** the .xlsx bytes */
  cadreImportTemplate: unknown;
  importCadres: ImportResult;
  issueCard: OfficeCard;
  cardDetail: CardDetail;
  revokeCard: RevokeCardResult;
  /** the PDF bytes */
  cardSheet: unknown;
  /** the .xlsx bytes, streamed */
  ledger: unknown;
  officeHouseholds: Page<Household>;
  createHousehold: Household;
  householdDetail: HouseholdDetail;
  updateHousehold: Household;
  moveHousehold: Household;
  issueHelpCard: OfficeCard;
  /** the .xlsx bytes */
  householdImportTemplate: unknown;
  importHouseholds: ImportCounts;
  villageBoard: VillageBoard;
  editPublicSummary: PublicSummaryState;
  /** the PDF bytes */
  boardPoster: unknown;
  myHouseholds: Page<Household>;
  myHousehold: HouseholdDetail;
  recordVisit: Visit;
  myVisits: Page<Visit>;
  visitCoverage: VisitCoverage;
  unvisitedHouseholds: Page<UnvisitedHousehold>;
  officeAccounts: Page<OfficeAccount>;
  createAccount: AccountWithPassword;
  resetPassword: AccountWithPassword;
  setAccountActive: OfficeAccount;
  countyCalendar: CountyCalendar;
  setYearSchedule: CountyCalendar;
  setCalendarDay: CountyCalendar;
  setDeadlinePolicy: CountyCalendar;
  auditLog: Page<AuditEntry>;
  devClock: DevClockResult;
}

/** What each route takes as its JSON body (routes without one are absent). */
export interface ApiBodies {
  staffSignIn: StaffSignInInput;
  sendSmsCode: SmsCodeRequestInput;
  smsSignIn: SmsSignInInput;
  wechatSignIn: WechatSignInInput;
  wechatPhoneSignIn: WechatPhoneSignInInput;
  submitRequest: SubmitRequestInput;
  fileOnBehalf: OnBehalfInput;
  recordOnSpot: OnSpotInput;
  confirmationTicket: { sendSms: boolean };
  withdraw: Record<string, never>;
  accept: AcceptInput;
  reply: ReplyInput;
  resolve: ResolveInput;
  escalate: EscalateInput;
  transfer: TransferInput;
  rate: RateInput;
  verify: VerifyInput;
  supervise: SuperviseInput;
  reviewContent: ContentReviewInput;
  wechatPush: Record<string, unknown>;
  cancel: CancelInput;
  confirmRequest: Record<string, never>;
  confirm: Record<string, never>;
  readNotices: ReadNoticesInput;
  retryDelivery: Record<string, never>;
  devClock: DevClockInput;
  changePassword: ChangePasswordInput;
  createUnit: CreateUnitInput;
  updateUnit: UpdateUnitInput;
  retireUnit: Record<string, never>;
  createCadre: CreateCadreInput;
  updateCadre: UpdateCadreInput;
  deactivateCadre: DeactivateCadreInput;
  transferPost: TransferPostInput;
  removeCadrePhoto: Record<string, never>;
  issueCard: Record<string, never>;
  issueHelpCard: Record<string, never>;
  revokeCard: RevokeCardInput;
  createHousehold: CreateHouseholdInput;
  updateHousehold: UpdateHouseholdInput;
  moveHousehold: MoveHouseholdInput;
  recordVisit: RecordVisitInput;
  editPublicSummary: PublicSummaryEditInput;
  createAccount: CreateAccountInput;
  resetPassword: Record<string, never>;
  setAccountActive: SetAccountActiveInput;
  setYearSchedule: YearScheduleInput;
  setCalendarDay: CalendarDayInput;
  setDeadlinePolicy: DeadlinePolicyInput;
}

/** What each route takes in its query string (routes without one are absent). */
export interface ApiQueries {
  myRequests: PageQuery;
  inbox: InboxQuery;
  handled: PageQuery;
  staffQueue: StaffQueueQuery;
  wechatPushCheck: WechatPushQuery;
  wechatPush: WechatPushQuery;
  cadreFigures: FiguresQuery;
  unitFigures: UnitFiguresQuery;
  figureSeries: FigureSeriesQuery;
  figureRequests: FigureRequestsQuery;
  myFigures: MyFiguresQuery;
  anomalies: AnomalyQuery;
  monthlyReportPdf: MonthlyReportQuery;
  monthlyReportXlsx: MonthlyReportQuery;
  notices: NoticeQuery;
  failedDeliveries: PageQuery;
  officeCadres: CadreListQuery;
  officeAccounts: AccountListQuery;
  cardSheet: CardSheetQuery;
  ledger: LedgerQuery;
  officeHouseholds: HouseholdListQuery;
  myHouseholds: MyHouseholdsQuery;
  myVisits: MyVisitsQuery;
  visitCoverage: VisitCoverageQuery;
  unvisitedHouseholds: UnvisitedQuery;
  countyCalendar: CalendarQuery;
  auditLog: AuditQuery;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path parameters a route needs, e.g. `{ id }` for `/api/requests/:id/accept`. */
export type ApiParams<K extends RouteName> = Record<
  ParamNames<(typeof ROUTES)[K]['path']>,
  string | number
>;

/**
 * Everything one call of a route takes, typed from the contract: its path parameters, its body
 * and query where it has them, and an idempotency key for what it creates.
 */
export type ApiCall<K extends RouteName> = ([ParamNames<(typeof ROUTES)[K]['path']>] extends [never]
  ? { params?: undefined }
  : { params: ApiParams<K> }) &
  (K extends keyof ApiBodies ? { body: ApiBodies[K] } : { body?: undefined }) &
  (K extends keyof ApiQueries ? { query?: Partial<ApiQueries[K]> } : { query?: undefined }) & {
    idempotencyKey?: string;
  };

/** A route's path with its parameters filled in, each URI-encoded. */
export function pathOf(name: RouteName, params: Record<string, string | number> = {}): string {
  return ROUTES[name].path.replace(/:([A-Za-z]+)/g, (_match, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${name}: missing path parameter ${key}`);
    return encodeURIComponent(String(value));
  });
}
