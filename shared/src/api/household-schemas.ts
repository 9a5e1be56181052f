/**
 * The households' answers (see `schemas.ts` for how answer schemas are used): one household as
 * lists show it, the phone masked, and the detail that carries the full number.
 */
import * as v from 'valibot';
import { PAIRINGS, SPECIAL_GROUPS } from '../households/households';
import { pageSchema, photoViewSchema } from './schemas';

const localDate = v.pipe(v.string(), v.isoDate());
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const householdSchema = v.object({
  id,
  /** the village or grid it belongs to */
  unitId: id,
  unitName: v.string(),
  /** 村民小组, '' where there is none */
  groupName: v.string(),
  houseNumber: v.string(),
  /** e.g. 东岭村三组12号 */
  address: v.string(),
  headName: v.string(),
  /** null when the household gave no phone; the full number only in the detail */
  phoneMasked: v.nullable(v.string()),
  memberCount: count,
  specialGroups: v.array(v.picklist(SPECIAL_GROUPS)),
  freeTags: v.array(v.string()),
  /** the linked cadre (结对干部) and the kind of link, both null while unlinked */
  cadreId: v.nullable(id),
  cadreName: v.nullable(v.string()),
  pairing: v.nullable(v.picklist(PAIRINGS)),
  /** 最近走访: null until the first visit */
  lastVisitOn: v.nullable(localDate),
  /** requests from this household still being handled */
  openRequests: count,
  /** the code of its 民困帮扶卡 in use, if one was issued */
  helpCardCode: v.nullable(v.string()),
});
export type Household = v.InferOutput<typeof householdSchema>;

export const householdDetailSchema = v.object({
  household: householdSchema,
  phone: v.nullable(v.string()),
});
export type HouseholdDetail = v.InferOutput<typeof householdDetailSchema>;

/* ---- 走访日记 ---- */

export const visitSchema = v.object({
  id,
  householdId: id,
  /** e.g. 东岭村三组12号 */
  address: v.string(),
  headName: v.string(),
  /** who recorded it: the visit stays theirs when the household moves to a successor */
  cadreId: id,
  cadreName: v.string(),
  visitedOn: localDate,
  /** on the cadre's 一线工作日 */
  onDutyDay: v.boolean(),
  met: v.string(),
  found: v.string(),
  photos: v.array(photoViewSchema),
  /** the requests it was turned into (代填 or 当场解决), oldest first */
  requests: v.array(v.object({ id, number: v.string() })),
  recordedAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type Visit = v.InferOutput<typeof visitSchema>;

const fraction = v.object({ numerator: count, denominator: count });

/** One cadre's 走访覆盖率 for a quarter: linked households visited at least once. */
export const visitCoverageRowSchema = v.object({
  cadreId: id,
  cadreName: v.string(),
  unitName: v.string(),
  /** households visited in the quarter ÷ households linked now */
  coverage: fraction,
  /** of them in 特殊群体 */
  specialCoverage: fraction,
  visits: count,
  /** visits on the cadre's 一线工作日 */
  dutyDayVisits: count,
});
export type VisitCoverageRow = v.InferOutput<typeof visitCoverageRowSchema>;

export const visitCoverageSchema = v.object({
  quarter: v.string(),
  label: v.string(),
  from: localDate,
  to: localDate,
  /** the whole scope */
  total: fraction,
  rows: pageSchema(visitCoverageRowSchema),
});
export type VisitCoverage = v.InferOutput<typeof visitCoverageSchema>;

/** A household not visited for 90 days or more (lastVisitOn null: never). */
export const unvisitedHouseholdSchema = v.object({
  household: householdSchema,
  /** days since the last visit; null when never visited */
  daysSince: v.nullable(count),
});
export type UnvisitedHousehold = v.InferOutput<typeof unvisitedHouseholdSchema>;
