/**
 * What the township office (乡镇、县的管理后台) sends: the org tree, cadres and their accounts,
 * cards, the county's calendar and deadline policy, and the filters of the ledger and the audit
 * log. The cadre import checks every spreadsheet row with `cadreFieldsSchema`, the same schema the
 * form uses.
 */
import * as v from 'valibot';
import { isLocalDate } from '../calendar/local-date';
import { ACTOR_ROLE_LABELS, ACTOR_ROLES, type ActorRole } from '../lifecycle/actors';
import { REQUEST_STATUSES } from '../lifecycle/status';
import { ORG_UNIT_KIND_LABELS, ORG_UNIT_KINDS, type OrgUnitKind } from '../org/levels';
import { CATEGORY_CODES } from '../vocabulary/categories';
import { optionalTextField, phoneField, textField } from './fields';
import { boolParam, idParam, pageNumber, searchParam as search } from './queries';

const name = (label: string, max: number) => textField(label, 1, max);

const unitId = v.pipe(
  v.number('请选择所属单位'),
  v.integer('请选择所属单位'),
  v.minValue(1, '请选择所属单位'),
);

/* ---- org tree ---- */

export const hotlineInputSchema = v.object(
  {
    name: name('热线名称', 20),
    phone: v.pipe(
      v.string('请填写热线电话'),
      v.trim(),
      v.regex(/^[0-9-]{3,20}$/, '热线电话只能是数字和横线，例如 0371-12345 或 12345'),
    ),
  },
  '热线格式不对',
);

export const MAX_HOTLINES = 6;

export const createUnitSchema = v.object({
  parentId: v.pipe(v.number('请选择上级单位'), v.integer(), v.minValue(1, '请选择上级单位')),
  name: name('单位名称', 32),
});

export const updateUnitSchema = v.object({
  name: name('单位名称', 32),
  /** a township's 民众服务卡 hotlines, printed on the back of its cards */
  hotlines: v.optional(
    v.pipe(v.array(hotlineInputSchema), v.maxLength(MAX_HOTLINES, `热线最多${MAX_HOTLINES}条`)),
  ),
});

/* ---- cadres and accounts ---- */

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{4,32}$/;

export const usernameField = v.pipe(
  v.string('请填写登录账号'),
  v.trim(),
  v.nonEmpty('请填写登录账号'),
  v.regex(USERNAME_PATTERN, '登录账号为4到32位字母、数字或 _ . -'),
);

/** A cadre's profile as the office edits it (and as each row of the import carries it). */
export const cadreFieldsSchema = v.object({
  unitId,
  name: name('姓名', 16),
  /** 职务, e.g. 网格员, 包村干部 */
  post: name('职务', 32),
  phone: phoneField,
  /** 职责 */
  duties: textField('职责', 2, 200),
  /** 一线工作日, e.g. 每周一、周四 */
  dutyDays: textField('一线工作日', 2, 32),
});

export const createCadreSchema = v.object({
  ...cadreFieldsSchema.entries,
  username: usernameField,
});

export const updateCadreSchema = cadreFieldsSchema;

export const deactivateCadreSchema = v.object({ reason: textField('停用原因', 2, 200) });

/** 事随人转: the post, its cards and its open requests go to the successor. */
export const transferPostSchema = v.object({
  successorCadreId: v.pipe(
    v.number('请选择接任的干部'),
    v.integer('请选择接任的干部'),
    v.minValue(1, '请选择接任的干部'),
  ),
  note: optionalTextField('说明', 200),
});

export const WORK_ACCOUNT_ROLES = ['staff', 'admin'] as const;

export const createAccountSchema = v.object({
  username: usernameField,
  displayName: name('姓名', 16),
  role: v.picklist(WORK_ACCOUNT_ROLES, '请选择账号类型'),
  unitId,
});

export const setAccountActiveSchema = v.object({
  active: v.boolean('请选择启用或停用'),
});

export const PASSWORD_MIN = 8;

export const changePasswordSchema = v.pipe(
  v.object({
    oldPassword: v.pipe(v.string('请填写原密码'), v.nonEmpty('请填写原密码'), v.maxLength(128)),
    newPassword: v.pipe(
      v.string('请填写新密码'),
      v.minLength(PASSWORD_MIN, `新密码至少${PASSWORD_MIN}位`),
      v.maxLength(64, '新密码最多64位'),
      v.check((s) => /[A-Za-z]/.test(s) && /\d/.test(s), '新密码要同时包含字母和数字'),
    ),
  }),
  v.forward(
    v.check((i) => i.oldPassword !== i.newPassword, '新密码不能和原密码一样'),
    ['newPassword'],
  ),
);

/* ---- cards ---- */

export const revokeCardSchema = v.object({
  reason: textField('停用原因', 2, 100),
  /** issue a new card at once (补卡): the old code then points to the new one */
  reissue: v.optional(v.boolean(), false),
});

/* ---- calendar and deadline policy ---- */

const dateField = v.pipe(
  v.string('日期格式应为 2027-01-01'),
  v.check((s: string) => isLocalDate(s), '日期格式应为 2027-01-01'),
);

export const yearScheduleSchema = v.object({
  holidays: v.pipe(v.array(dateField), v.maxLength(120, '放假日期太多了')),
  makeupWorkdays: v.pipe(v.array(dateField), v.maxLength(30, '调休上班日期太多了')),
  source: optionalTextField('依据', 100),
});

export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'default'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const calendarDaySchema = v.object({
  date: dateField,
  /** holiday / workday: the county's own change; default: take the change back */
  kind: v.picklist(CALENDAR_DAY_KINDS, '请选择放假、上班或恢复'),
  note: optionalTextField('说明', 50),
});

const days = (label: string) =>
  v.pipe(
    v.number(`请填写${label}`),
    v.integer(`${label}应为整数`),
    v.minValue(1, `${label}至少1个工作日`),
    v.maxValue(60, `${label}最多60个工作日`),
  );

export const deadlinePolicySchema = v.object({
  acceptDays: days('签收时限'),
  villageDays: days('村级办结时限'),
  townshipDays: days('乡镇级办结时限'),
  countyDays: days('县级办结时限'),
  rectifyDays: days('整改时限'),
});

/* ---- queries ---- */

const dateParam = v.optional(
  v.pipe(
    v.string(),
    v.check((s: string) => isLocalDate(s), '日期格式应为 2026-11-01'),
  ),
);

export const cadreListQuerySchema = v.object({
  page: pageNumber,
  pageSize: pageNumber,
  q: search,
  unitId: idParam('单位编号不对'),
  active: boolParam,
});

export const accountListQuerySchema = v.object({
  page: pageNumber,
  pageSize: pageNumber,
  q: search,
  role: v.optional(v.picklist(['cadre', 'staff', 'admin'] as const, '账号类型不对')),
});

/** The QR printed on a card: the link any phone's camera opens, or WeChat's 小程序码. */
export const CARD_QR_KINDS = ['link', 'wxacode'] as const;

export const cardSheetQuerySchema = v.object({
  unitId: idParam('单位编号不对'),
  cardId: idParam('联系卡编号不对'),
  qr: v.optional(v.picklist(CARD_QR_KINDS, '二维码类型不对')),
});

export const calendarQuerySchema = v.object({
  year: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/, '年份格式不对'), v.transform(Number))),
});

export const ledgerQuerySchema = v.object({
  from: dateParam,
  to: dateParam,
  status: v.optional(v.picklist(REQUEST_STATUSES, '状态不对')),
  category: v.optional(v.picklist(CATEGORY_CODES, '类别不对')),
  unitId: idParam('单位编号不对'),
  overdue: boolParam,
});

export const auditQuerySchema = v.object({
  page: pageNumber,
  pageSize: pageNumber,
  actorId: idParam('人员编号不对'),
  action: v.optional(v.pipe(v.string(), v.regex(/^[a-z_.]{1,48}$/, '操作类型不对'))),
  from: dateParam,
  to: dateParam,
});

export type HotlineInput = v.InferOutput<typeof hotlineInputSchema>;
export type CreateUnitInput = v.InferOutput<typeof createUnitSchema>;
export type UpdateUnitInput = v.InferOutput<typeof updateUnitSchema>;
export type CadreFieldsInput = v.InferOutput<typeof cadreFieldsSchema>;
export type CreateCadreInput = v.InferOutput<typeof createCadreSchema>;
export type UpdateCadreInput = v.InferOutput<typeof updateCadreSchema>;
export type DeactivateCadreInput = v.InferOutput<typeof deactivateCadreSchema>;
export type TransferPostInput = v.InferOutput<typeof transferPostSchema>;
export type CreateAccountInput = v.InferOutput<typeof createAccountSchema>;
export type SetAccountActiveInput = v.InferOutput<typeof setAccountActiveSchema>;
export type ChangePasswordInput = v.InferOutput<typeof changePasswordSchema>;
export type RevokeCardInput = v.InferOutput<typeof revokeCardSchema>;
export type YearScheduleInput = v.InferOutput<typeof yearScheduleSchema>;
export type CalendarDayInput = v.InferOutput<typeof calendarDaySchema>;
export type DeadlinePolicyInput = v.InferOutput<typeof deadlinePolicySchema>;
export type CadreListQuery = v.InferOutput<typeof cadreListQuerySchema>;
export type AccountListQuery = v.InferOutput<typeof accountListQuerySchema>;
export type CardSheetQuery = v.InferOutput<typeof cardSheetQuerySchema>;
export type CalendarQuery = v.InferOutput<typeof calendarQuerySchema>;
export type LedgerQuery = v.InferOutput<typeof ledgerQuerySchema>;
export type AuditQuery = v.InferOutput<typeof auditQuerySchema>;

/* ---- the audit log's vocabulary ---- */

export const AUDIT_ACTION_LABELS = {
  'auth.sign_in': '登录',
  'auth.sign_in_failed': '登录失败',
  'auth.password_changed': '修改密码',
  'request.view': '查看诉求详情',
  'ledger.export': '导出民情台账',
  'report.monthly': '下载月报',
  'cards.print': '打印联系卡',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.retire': '撤销单位',
  'cadre.create': '新增干部',
  'cadre.update': '修改干部信息',
  'cadre.deactivate': '停用干部',
  'cadre.import': '导入干部',
  'cadre.transfer': '事随人转',
  'cadre.photo': '更换干部照片',
  'account.create': '新增账号',
  'account.reset_password': '重置密码',
  'account.enable': '启用账号',
  'account.disable': '停用账号',
  'card.issue': '签发联系卡',
  'card.revoke': '停用联系卡',
  'calendar.year': '录入全年节假日安排',
  'calendar.day': '调整某一天',
  'calendar.policy': '修改办理时限',
  'notice.retry': '重新发送通知',
  'household.create': '新增联户',
  'household.update': '修改联户信息',
  'household.move': '调整结对',
  'household.view': '查看联户详情',
  'household.import': '导入联户',
  'request.public_summary': '修改公示摘要',
  'board.poster': '打印公示栏海报',
  'content.release': '放行待审内容',
  'content.withhold': '待审内容不予转交',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** What the keys of an audit row's detail mean, for the log's one-line summary. */
export const AUDIT_DETAIL_LABELS: Readonly<Record<string, string>> = {
  name: '名称',
  fromDate: '开始日期',
  toDate: '结束日期',
  kind: '类型',
  from: '原',
  to: '改为',
  hotlines: '热线条数',
  username: '账号',
  role: '角色',
  fields: '修改项',
  photo: '照片',
  reason: '原因',
  cardsRevoked: '停用卡数',
  successorCadreId: '接任干部编号',
  successor: '接任干部',
  movedRequests: '转交诉求数',
  cards: '联系卡数',
  code: '卡号',
  cadre: '干部',
  reissuedCardId: '补发卡编号',
  rows: '行数',
  created: '新增',
  updated: '更新',
  unchanged: '没有变化',
  number: '诉求编号',
  channel: '渠道',
  lastError: '失败原因',
  status: '状态',
  category: '类别',
  unitId: '单位编号',
  overdue: '仅超期',
  year: '年份',
  holidays: '放假天数',
  makeupWorkdays: '调休上班天数',
  source: '依据',
  date: '日期',
  note: '说明',
  item: '内容',
  removed: '已恢复',
  acceptDays: '签收时限',
  villageDays: '村级时限',
  townshipDays: '乡镇级时限',
  countyDays: '县级时限',
  rectifyDays: '整改时限',
  address: '门牌',
  head: '户主',
  fromCadre: '原结对干部',
  toCadre: '现结对干部',
  pairing: '结对方式',
  summary: '公示摘要',
  hidden: '不公示',
};

/** An audit row's detail as one line: labelled in Chinese, empty values left out. */
export function auditSummary(detail: Readonly<Record<string, unknown>> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const shown =
        value === true
          ? '是'
          : value === false
            ? '否'
            : key === 'kind' && isOrgUnitKind(value)
              ? ORG_UNIT_KIND_LABELS[value]
              : key === 'role' && isActorRole(value)
                ? ACTOR_ROLE_LABELS[value]
                : String(value);
      return `${AUDIT_DETAIL_LABELS[key] ?? key}：${shown}`;
    })
    .join('；');
}

const isOrgUnitKind = (v: unknown): v is OrgUnitKind =>
  (ORG_UNIT_KINDS as readonly unknown[]).includes(v);
const isActorRole = (v: unknown): v is ActorRole => (ACTOR_ROLES as readonly unknown[]).includes(v);
