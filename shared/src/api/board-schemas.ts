/**
 * The village board's answer (公示栏), public and small: labels ready to print, no ids of
 * requests, people or households, and nothing a resident wrote.
 */
import * as v from 'valibot';
import { BOARD_STATUS_LABELS } from '../board/board';

const localDate = v.pipe(v.string(), v.isoDate());
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const rate = v.object({ numerator: count, denominator: count, value: v.nullable(v.number()) });

export const boardItemSchema = v.object({
  /** e.g. 实际困难 */
  category: v.string(),
  /** the 公示摘要 the owner wrote when resolving (or staff since) */
  summary: v.string(),
  status: v.picklist(Object.values(BOARD_STATUS_LABELS)),
  /** who handles it (the owner's display name) */
  ownerName: v.string(),
  submittedOn: localDate,
  /** null for a matter solved on the spot, which had no deadline */
  dueOn: v.nullable(localDate),
  /** 已解决 or 已解释说明, null while it is being handled */
  outcome: v.nullable(v.string()),
});
export type BoardItem = v.InferOutput<typeof boardItemSchema>;

export const boardMonthSchema = v.object({
  /** YYYY-MM */
  month: v.string(),
  received: count,
  resolved: count,
  /** 按时办结率 */
  onTime: rate,
  /** ratings counted in the month: 满意率's base */
  ratings: count,
  /** 满意率; null when fewer than BOARD_MIN_RATINGS ratings (样本不足) */
  satisfaction: v.nullable(rate),
  /** 参评率 */
  participation: rate,
});
export type BoardMonth = v.InferOutput<typeof boardMonthSchema>;

export const villageBoardSchema = v.object({
  unitId: id,
  villageName: v.string(),
  /** the township (乡镇、街道) above it */
  townshipName: v.string(),
  /** local date of the board's first day (the 1st of the month two before this one) */
  since: localDate,
  /** the latest first, at most BOARD_MAX_ITEMS */
  items: v.array(boardItemSchema),
  /** more requests were on the board than the answer carries */
  more: v.boolean(),
  /** oldest month first */
  months: v.array(boardMonthSchema),
});
export type VillageBoard = v.InferOutput<typeof villageBoardSchema>;

/** A request's 公示 as staff left it. */
export const publicSummaryStateSchema = v.object({
  requestId: id,
  /** null until the owner (or staff) writes one: the request is not on the board */
  summary: v.nullable(v.string()),
  /** staff took it off the board */
  hidden: v.boolean(),
  /** whether the board shows it now (a summary, not hidden, not a conduct complaint, in time) */
  onBoard: v.boolean(),
});
export type PublicSummaryState = v.InferOutput<typeof publicSummaryStateSchema>;
