/**
 * The township office's answers (see `schemas.ts` for how answer schemas are used): the org tree,
 * cadres and accounts, cards with their scans, the county's calendar and the audit log.
 */
import * as v from 'valibot';
import { ACTOR_ROLES } from '../lifecycle/actors';
import { ORG_UNIT_KINDS } from '../org/levels';
import { hotlineSchema } from './schemas';

const instant = v.pipe(v.string(), v.isoTimestamp());
const localDate = v.pipe(v.string(), v.isoDate());
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/* ---- org tree ---- */

export const officeUnitSchema = v.object({
  id,
  parentId: v.nullable(id),
  kind: v.picklist(ORG_UNIT_KINDS),
  name: v.string(),
  path: v.string(),
  /** set once retired: kept for history, closed to new cadres and units */
  retiredAt: v.nullable(instant),
  hotlines: v.array(hotlineSchema),
  /** active cadres directly in this unit */
  cadreCount: count,
});
export type OfficeUnit = v.InferOutput<typeof officeUnitSchema>;

export const officeUnitTreeSchema = v.object({
  /** the reader's own scope unit first, then everything under it in path order */
  units: v.array(officeUnitSchema),
  /** the scope's root: the reader may rename it (and set a township's hotlines), never retire it */
  scopeUnitId: id,
});
export type OfficeUnitTree = v.InferOutput<typeof officeUnitTreeSchema>;

/* ---- cards ---- */

export const CARD_STATUSES = ['active', 'revoked'] as const;

export const officeCardSchema = v.object({
  id,
  code: v.string(),
  /** https://<public-host>/c/<code>, what the QR code holds */
  url: v.string(),
  cadreId: id,
  status: v.picklist(CARD_STATUSES),
  issuedAt: instant,
  revokedAt: v.nullable(instant),
  revokeReason: v.nullable(v.string()),
  /** the card issued in its place (补卡) */
  replacedByCode: v.nullable(v.string()),
  /** a 民困帮扶卡's household */
  householdId: v.nullable(id),
  scans: count,
  requests: count,
});
export type OfficeCard = v.InferOutput<typeof officeCardSchema>;

export const cardDetailSchema = v.object({
  card: officeCardSchema,
  cadreName: v.string(),
  /** the cadre who answers the card today, when the printed one handed over (事随人转) */
  answeredBy: v.nullable(v.string()),
  unitName: v.string(),
  /** opening of the card page per local day, the last 30 days, oldest first */
  scansByDay: v.array(v.object({ date: localDate, scans: count })),
});
export type CardDetail = v.InferOutput<typeof cardDetailSchema>;

export const revokeCardResultSchema = v.object({
  revoked: officeCardSchema,
  issued: v.nullable(officeCardSchema),
});
export type RevokeCardResult = v.InferOutput<typeof revokeCardResultSchema>;

/* ---- cadres and accounts ---- */

export const officeCadreSchema = v.object({
  id,
  userId: id,
  username: v.nullable(v.string()),
  unitId: id,
  unitName: v.string(),
  name: v.string(),
  post: v.string(),
  /** masked in lists; the full number only on the cadre's own office page */
  phoneMasked: v.string(),
  duties: v.string(),
  dutyDays: v.string(),
  photoUrl: v.nullable(v.string()),
  active: v.boolean(),
  /** who took over the post (事随人转) */
  successorName: v.nullable(v.string()),
  activeCards: count,
  openRequests: count,
});
export type OfficeCadre = v.InferOutput<typeof officeCadreSchema>;

export const cadreDetailSchema = v.object({
  cadre: officeCadreSchema,
  phone: v.string(),
  cards: v.array(officeCardSchema),
});
export type CadreDetail = v.InferOutput<typeof cadreDetailSchema>;

export const officeAccountSchema = v.object({
  id,
  username: v.nullable(v.string()),
  displayName: v.string(),
  role: v.picklist(ACTOR_ROLES),
  unitId: v.nullable(id),
  unitName: v.nullable(v.string()),
  active: v.boolean(),
  mustChangePassword: v.boolean(),
  lockedUntil: v.nullable(instant),
  createdAt: instant,
});
export type OfficeAccount = v.InferOutput<typeof officeAccountSchema>;

/** An initial password is shown once, to the person who created or reset it, and never stored. */
export const accountWithPasswordSchema = v.object({
  account: officeAccountSchema,
  initialPassword: v.string(),
});
export type AccountWithPassword = v.InferOutput<typeof accountWithPasswordSchema>;

export const cadreCreatedSchema = v.object({
  cadre: officeCadreSchema,
  initialPassword: v.string(),
});
export type CadreCreated = v.InferOutput<typeof cadreCreatedSchema>;

export const transferPostResultSchema = v.object({
  from: officeCadreSchema,
  to: officeCadreSchema,
  /** open requests now with the successor, each with new clocks and a timeline step */
  movedRequests: count,
  /** cards that now reach the successor */
  cards: count,
  /** linked households (联户) now the successor's, their visit history kept */
  movedHouseholds: count,
});
export type TransferPostResult = v.InferOutput<typeof transferPostResultSchema>;

/** What an import did: rows added, rows that changed something, rows that were already so. */
export const importCountsSchema = v.object({
  created: count,
  updated: count,
  unchanged: count,
});
export type ImportCounts = v.InferOutput<typeof importCountsSchema>;

export const importResultSchema = v.object({
  ...importCountsSchema.entries,
  /** the new accounts' initial passwords, shown once */
  accounts: v.array(
    v.object({ name: v.string(), username: v.string(), initialPassword: v.string() }),
  ),
});
export type ImportResult = v.InferOutput<typeof importResultSchema>;

/* ---- calendar ---- */

export const countyCalendarSchema = v.object({
  countyId: id,
  countyName: v.string(),
  year: v.number(),
  /** whether this year's holiday schedule has been entered (or is the national one built in) */
  hasSchedule: v.boolean(),
  /** a warning when next year's schedule is missing, null otherwise */
  missingNotice: v.nullable(v.string()),
  scheduleSource: v.nullable(v.string()),
  /** the days whose status differs from Monday–Friday, in date order */
  days: v.array(
    v.object({
      date: localDate,
      working: v.boolean(),
      /** schedule: the year's holiday schedule; local: the county's own change */
      source: v.picklist(['schedule', 'local'] as const),
      note: v.nullable(v.string()),
    }),
  ),
  policy: v.object({
    acceptDays: count,
    villageDays: count,
    townshipDays: count,
    countyDays: count,
    rectifyDays: count,
  }),
});
export type CountyCalendar = v.InferOutput<typeof countyCalendarSchema>;

/* ---- audit ---- */

export const auditEntrySchema = v.object({
  id,
  at: instant,
  actorUserId: v.nullable(id),
  actorName: v.string(),
  action: v.string(),
  /** in plain Chinese, e.g. 签发联系卡 */
  actionLabel: v.string(),
  targetType: v.string(),
  targetId: v.nullable(id),
  summary: v.string(),
});
export type AuditEntry = v.InferOutput<typeof auditEntrySchema>;
