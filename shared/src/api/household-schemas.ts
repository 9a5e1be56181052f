/**
 * The households' answers (see `schemas.ts` for how answer schemas are used): one household as
 * lists show it, the phone masked, and the detail that carries the full number.
 */
import * as v from 'valibot';
import { PAIRINGS, SPECIAL_GROUPS } from '../households/households';

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
  /** 最近走访: null until visits are recorded */
  lastVisitOn: v.nullable(localDate),
  /** requests from this household still being handled */
  openRequests: count,
});
export type Household = v.InferOutput<typeof householdSchema>;

export const householdDetailSchema = v.object({
  household: householdSchema,
  phone: v.nullable(v.string()),
});
export type HouseholdDetail = v.InferOutput<typeof householdDetailSchema>;
