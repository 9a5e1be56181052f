/**
 * The one error vocabulary. The server maps each code to its HTTP status here and nowhere else;
 * the mini-program shows `message` (plain Chinese) to the person who hit it.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请按提示修改后再提交' },
  TEXT_TOO_SHORT: { status: 400, message: '内容太短了，请再多说几句' },
  TEXT_TOO_LONG: { status: 400, message: '内容太长了，请精简一些' },
  CARD_CODE_INVALID: {
    status: 400,
    message: '二维码内容不完整或有误，请重新扫码，或向干部核对卡片',
  },
  PHONE_INVALID: { status: 400, message: '手机号格式不对，请输入11位手机号' },
  TOO_MANY_PHOTOS: { status: 400, message: '最多只能上传3张照片' },
  PRIVACY_CONSENT_REQUIRED: { status: 400, message: '请先阅读并同意个人信息保护说明' },
  IMPORT_INVALID: {
    status: 400,
    message: '表格里有需要修改的地方，整份文件都没有导入，请按提示改好后重新上传',
  },

  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  WECHAT_PHONE_FAILED: {
    status: 401,
    message: '没有取到微信绑定的手机号，请再点一次，或用短信验证码登录',
  },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  LOGIN_FAILED: { status: 401, message: '账号或密码不正确' },
  OTP_INVALID: { status: 401, message: '验证码不正确或已过期，请重新获取' },

  FORBIDDEN: { status: 403, message: '您没有权限进行这项操作' },
  OUT_OF_SCOPE: { status: 403, message: '这条信息不在您的管辖范围内' },
  NOT_REQUESTER: { status: 403, message: '只有提出诉求的群众本人可以进行这项操作' },
  NOT_OWNER: { status: 403, message: '这条诉求不由您办理' },
  CONDUCT_SUBJECT: { status: 403, message: '反映您本人作风的诉求由乡镇处理，您不能查看或办理' },
  OWN_WORK: { status: 403, message: '自己办理的诉求，不能由自己核实或督办' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录或密码被重置后，请先修改密码' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  CONFIRMATION_OTHER_PHONE: {
    status: 403,
    message: '这件事登记的是另一个手机号，请用登记时留的手机号验证后再确认',
  },

  NOT_FOUND: { status: 404, message: '没有找到相关内容' },
  CARD_NOT_FOUND: { status: 404, message: '没有找到这张联系卡，请核对卡片或联系村（社区）' },
  REQUEST_NOT_FOUND: { status: 404, message: '没有找到这条诉求' },
  CONFIRMATION_NOT_FOUND: {
    status: 404,
    message: '确认码不对或已经用过了，请让干部重新生成确认码',
  },

  TRANSITION_NOT_ALLOWED: { status: 409, message: '诉求当前的状态不能进行这项操作，请刷新后查看' },
  VERSION_CONFLICT: { status: 409, message: '这条诉求刚刚被其他人处理过，请刷新后再试' },
  ALREADY_ACCEPTED: { status: 409, message: '这条诉求已经被签收了' },
  CONTENT_ALREADY_REVIEWED: {
    status: 409,
    message: '这项内容已经有工作人员审核过了，请刷新后查看',
  },
  DELIVERY_NOT_FAILED: {
    status: 409,
    message: '这条通知已经不在发送失败列表里了（可能已重新发送），请刷新',
  },
  ESCALATION_TOP_LEVEL: { status: 409, message: '已经是县级办理，不能再上报' },
  ESCALATION_NO_STAFF: {
    status: 409,
    message: '上一级还没有设置工作人员账号，暂时不能上报，请联系乡镇（县）管理员',
  },
  RATING_NOT_OPEN: { status: 409, message: '诉求办结后才能评价' },
  RATING_ALREADY_GIVEN: { status: 409, message: '这一轮您已经评价过了，感谢您的反馈' },
  RATING_WINDOW_CLOSED: { status: 409, message: '已超过7天评价期限，不能再评价' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '这次提交与之前的提交不一致，请刷新后重新填写' },
  PHONE_LINKED_ELSEWHERE: {
    status: 409,
    message: '这个手机号已经和另一个微信绑定，请用短信验证码登录，或联系村（社区）',
  },
  USERNAME_TAKEN: { status: 409, message: '这个登录账号已经有人用了，请换一个' },
  UNIT_RETIRED: { status: 409, message: '这个单位已撤销，不能再添加干部或下级单位' },
  UNIT_IN_USE: {
    status: 409,
    message: '这个单位下还有在岗干部或未撤销的下级单位，请先调整后再撤销',
  },
  UNIT_KIND_LAST: { status: 409, message: '网格是最小的单位，下面不能再添加单位' },
  CADRE_INACTIVE: { status: 409, message: '这位干部已经停用或已调整' },
  CADRE_HAS_OPEN_WORK: {
    status: 409,
    message: '这位干部还有未办结的诉求，请先用「事随人转」交给接任的干部，再停用',
  },
  SUCCESSOR_INVALID: {
    status: 409,
    message: '接任的干部须是同一乡镇（街道）在岗的另一位干部',
  },
  HOUSEHOLD_EXISTS: {
    status: 409,
    message: '这个门牌号已经登记过联户了，请在列表里查找',
  },
  PAIRING_INVALID: { status: 409, message: '结对的干部须是本乡镇（街道）在岗的干部' },
  HELP_CARD_NOT_KIN: {
    status: 409,
    message: '只有结亲户才能发民困帮扶卡，请先把结对方式调整为结亲',
  },
  CARD_ALREADY_REVOKED: { status: 409, message: '这张联系卡已经停用了' },
  NOTHING_TO_PRINT: {
    status: 409,
    message: '这里没有可以打印的联系卡：请先为在岗干部签发联系卡',
  },
  WXACODE_UNAVAILABLE: {
    status: 503,
    message: '微信暂时没有生成小程序码，请稍后再试，或改用普通二维码打印',
  },
  TRANSFER_TARGET_INVALID: {
    status: 409,
    message: '这位同志不能接手这条诉求，请从可以转办的名单里重新选择',
  },

  CARD_REVOKED: { status: 410, message: '这张联系卡已停用，请联系村（社区）领取新卡' },
  CONFIRMATION_EXPIRED: { status: 410, message: '确认码已过期，请让干部重新生成' },

  PAYLOAD_TOO_LARGE: { status: 413, message: '照片太大了，每张不能超过5MB' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
  VOICE_TOO_LARGE: { status: 413, message: '录音文件太大了，请重新录一段' },
  VOICE_TOO_LONG: { status: 400, message: '录音不能超过60秒，请重新录一段短一些的' },
  VOICE_UNSUPPORTED: { status: 415, message: '这不是一段能播放的录音，请重新录音' },

  ACCOUNT_LOCKED: { status: 423, message: '密码错误次数过多，账号已临时锁定，请15分钟后再试' },

  RATE_LIMITED: { status: 429, message: '操作太频繁了，请稍后再试' },
  SMS_RATE_LIMITED: { status: 429, message: '获取验证码的次数太多了，请过一会儿再试' },

  INTERNAL: { status: 500, message: '系统开小差了，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时连不上，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The body of every API error. `details` carries per-field messages for validation errors. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
  requestId?: string;
}

export interface FieldIssue {
  /** Dotted path of the field, e.g. `text` or `photos.1`. */
  field: string;
  message: string;
}

export function httpStatusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

export function messageOf(code: ErrorCode): string {
  return ERRORS[code].message;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** A domain refusal: the result of a rule that said no, with the code that says why. */
export type Refusal = { ok: false; code: ErrorCode };
export type Result<T> = ({ ok: true } & T) | Refusal;

export function refuse(code: ErrorCode): Refusal {
  return { ok: false, code };
}
