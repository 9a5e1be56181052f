import * as v from 'valibot';
import { isLocalDate } from '../calendar/local-date';

/** Query strings arrive as text: numbers are parsed here, with a message that says what is wrong. */
export const pageNumber = v.optional(
  v.pipe(v.string(), v.regex(/^\d{1,6}$/, '页码格式不对'), v.transform(Number)),
);

/** An id in a query string, e.g. `?unitId=12`. */
export const idParam = (message: string) =>
  v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, message), v.transform(Number)));

/** `true` or `false` in a query string. */
export const boolParam = v.optional(
  v.pipe(
    v.picklist(['true', 'false'], '只能是 true 或 false'),
    v.transform((s) => s === 'true'),
  ),
);

/** What was typed into a list's search box. */
export const searchParam = v.optional(
  v.pipe(v.string(), v.trim(), v.maxLength(32, '搜索词太长了')),
);

export const pageFields = { page: pageNumber, pageSize: pageNumber };

export const pageQuerySchema = v.object(pageFields);

export const INBOX_FILTERS = ['open', 'done'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export const inboxQuerySchema = v.object({
  ...pageFields,
  status: v.optional(v.picklist(INBOX_FILTERS, '状态只能是 open 或 done'), 'open'),
});

/**
 * The staff's queues: 差评核实 (bad reviews awaiting verification), 作风投诉, 即将超期 (a running
 * clock due within a working day), 已超期 (a running clock past its due time), 督办中 (open and
 * supervised), 二次差评 (a second bad review after rectification, flagged to the county), 内容待审
 * (an item WeChat's content security flagged, waiting for staff), and everything in scope.
 */
export const STAFF_QUEUES = [
  'review',
  'conduct',
  'due_soon',
  'overdue',
  'supervised',
  'flagged',
  'content',
  'all',
] as const;
export type StaffQueue = (typeof STAFF_QUEUES)[number];

export const staffQueueQuerySchema = v.object({
  ...pageFields,
  queue: v.optional(v.picklist(STAFF_QUEUES, '队列不对'), 'all'),
});

const localDateParam = v.optional(
  v.pipe(
    v.string(),
    v.check((s: string) => isLocalDate(s), '日期格式应为 2026-11-01'),
  ),
);

export const figuresQuerySchema = v.object({
  from: localDateParam,
  to: localDateParam,
  unitId: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, '单位编号不对'), v.transform(Number))),
});

export const noticeQuerySchema = v.object({
  ...pageFields,
  unread: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'unread 只能是 true 或 false'),
      v.transform((s) => s === 'true'),
    ),
  ),
});

export type PageQuery = v.InferOutput<typeof pageQuerySchema>;
export type InboxQuery = v.InferOutput<typeof inboxQuerySchema>;
export type StaffQueueQuery = v.InferOutput<typeof staffQueueQuerySchema>;
export type FiguresQuery = v.InferOutput<typeof figuresQuerySchema>;
export type NoticeQuery = v.InferOutput<typeof noticeQuerySchema>;
