import {
  type CategoryCode,
  categoryLabel,
  HANDLING_LEVEL_LABELS,
  type HandlingLevel,
  type LedgerQuery,
  isRatingLevel,
  RATING_LEVEL_LABELS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_STATUS_LABELS,
  type RequestChannel,
  type RequestStatus,
  RESOLUTION_OUTCOME_LABELS,
  type ResolutionOutcome,
  SUB_TOPIC_LABELS,
  type SubTopicCode,
} from '@mqlk/shared';

/**
 * The 民情台账 sheet: its columns and how one request becomes one row. Pure, so that what a
 * ledger says is tested without a database; the service only looks the names up.
 */

export const LEDGER_SHEET_NAME = '民情台账';

/** Dates are real Excel dates (sortable, filterable by month), shown as Asia/Shanghai time. */
export const LEDGER_DATE_FORMAT = 'yyyy-mm-dd hh:mm';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export const LEDGER_COLUMNS = [
  { header: '编号', width: 18 },
  { header: '提交日期', width: 17, date: true },
  { header: '渠道', width: 11 },
  { header: '类别', width: 10 },
  { header: '具体事项', width: 10 },
  { header: '反映内容', width: 50 },
  { header: '群众', width: 8 },
  { header: '联系电话', width: 14 },
  { header: '首接干部', width: 10 },
  { header: '当前办理人', width: 12 },
  { header: '办理层级', width: 9 },
  { header: '办结期限', width: 17, date: true },
  { header: '状态', width: 11 },
  { header: '办结日期', width: 17, date: true },
  { header: '办理结果', width: 40 },
  { header: '评价', width: 10 },
] as const satisfies readonly { header: string; width: number; date?: boolean }[];

/**
 * Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or carriage
 * return before one) gets a leading apostrophe, so a resident's words are never run in the
 * office's Excel (CSV/DDE injection; DESIGN.md §5). Every text cell of every export goes through it.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** 群众 in a ledger: the first character of the name, then `*` (王秀英 → 王*). */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first === undefined ? '' : `${first}*`;
}

/**
 * An instant as the Excel date that shows its Asia/Shanghai wall-clock time: Excel dates have no
 * zone, and exceljs writes a Date's UTC fields.
 */
export function excelLocalDate(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
}

/** One request as the ledger reads it, names already looked up. */
export interface LedgerEntry {
  number: string;
  submittedAt: Date;
  channel: RequestChannel;
  category: CategoryCode;
  subTopic: SubTopicCode | null;
  text: string;
  requesterName: string;
  contactPhoneMasked: string | null;
  firstContactName: string | null;
  ownerName: string;
  level: HandlingLevel;
  dueAt: Date | null;
  /** the status as this reader may see it (shared `statusSeenBy`) */
  status: RequestStatus;
  resolvedAt: Date | null;
  resolutionOutcome: ResolutionOutcome | null;
  resolutionNote: string | null;
  rating: LedgerRating;
}

/** The latest rating of a request, as far as this reader may know it. */
export type LedgerRating =
  | { kind: 'none' }
  /** given, but the reader may not know what it was: they handled the request themselves */
  | { kind: 'hidden' }
  /** found unfounded on review: counts nowhere */
  | { kind: 'excluded' }
  | { kind: 'level'; level: number };

export function ratingText(rating: LedgerRating): string {
  switch (rating.kind) {
    case 'none':
      return '未评价';
    case 'hidden':
      return '已评价';
    case 'excluded':
      return '不计入';
    case 'level':
      return isRatingLevel(rating.level) ? RATING_LEVEL_LABELS[rating.level] : '';
  }
}

export function resolutionText(outcome: ResolutionOutcome | null, note: string | null): string {
  if (!outcome) return '';
  const label = RESOLUTION_OUTCOME_LABELS[outcome];
  return note ? `${label}：${note}` : label;
}

export type LedgerCell = string | Date | null;

/** The row's cells in column order; every text cell neutralised. */
export function ledgerRow(e: LedgerEntry): LedgerCell[] {
  const date = (at: Date | null) => (at ? excelLocalDate(at) : null);
  const cells: LedgerCell[] = [
    e.number,
    date(e.submittedAt),
    REQUEST_CHANNEL_LABELS[e.channel] ?? e.channel,
    categoryLabel(e.category),
    e.subTopic ? (SUB_TOPIC_LABELS[e.subTopic] ?? e.subTopic) : '',
    e.text,
    maskName(e.requesterName),
    e.contactPhoneMasked ?? '',
    e.firstContactName ?? '',
    e.ownerName,
    HANDLING_LEVEL_LABELS[e.level] ?? e.level,
    date(e.dueAt),
    REQUEST_STATUS_LABELS[e.status] ?? e.status,
    date(e.resolvedAt),
    resolutionText(e.resolutionOutcome, e.resolutionNote),
    ratingText(e.rating),
  ];
  return cells.map((c) => (typeof c === 'string' ? neutralizeFormula(c) : c));
}

/** The file's name says which period it holds; without an end date it runs to today. */
export function fileNames(
  q: Pick<LedgerQuery, 'from' | 'to'>,
  today: string,
): { name: string; asciiName: string } {
  const period = q.from ? `${q.from}-${q.to ?? today}` : `截至${q.to ?? today}`;
  const ascii = q.from ? `${q.from}-${q.to ?? today}` : `until-${q.to ?? today}`;
  return { name: `民情台账-${period}.xlsx`, asciiName: `ledger-${ascii}.xlsx` };
}
