/**
 * What the office sends about households (联户) and what a cadre asks of their own. The form and
 * each row of the Excel import are the same schema (`householdFieldsSchema`), as with cadres; the
 * import row names its cadre by login account (`householdImportLinkSchema`).
 */
import * as v from 'valibot';
import {
  MAX_FREE_TAGS,
  normalizeAddressPart,
  PAIRINGS,
  type SpecialGroup,
  SPECIAL_GROUPS,
  specialGroupOf,
} from '../households/households';
import { isValidPhone, normalizePhone } from '../text/phone';
import { textLength } from '../text/normalize';
import { QUARTER_PATTERN } from '../households/visits';
import { isLocalDate } from '../calendar/local-date';
import { idField, optionalTextField, textField } from './fields';
import { photoIdsField } from './inputs';
import { usernameField } from './office';
import { boolParam, idParam, pageFields, searchParam } from './queries';

const householdUnitId = v.pipe(
  v.number('请选择所在的村（社区）或网格'),
  v.integer('请选择所在的村（社区）或网格'),
  v.minValue(1, '请选择所在的村（社区）或网格'),
);

/** A key part of the address, normalised the way the unique index compares it. */
function addressPart(label: string, min: number, max: number) {
  return v.pipe(
    v.string(`${label}格式不对`),
    v.transform(normalizeAddressPart),
    v.check((s) => textLength(s) >= min, `请填写${label}`),
    v.check((s) => textLength(s) <= max, `${label}最多${max}个字`),
  );
}

/** Optional: not every household (a 五保户 living alone) has a phone. '' when none. */
const optionalPhone = v.optional(
  v.pipe(
    v.string('手机号格式不对，请输入11位手机号'),
    v.check((s: string) => s.trim() === '' || isValidPhone(s), '手机号格式不对，请输入11位手机号'),
    v.transform((s: string) => (s.trim() === '' ? '' : (normalizePhone(s) ?? s))),
  ),
  '',
);

const freeTag = v.pipe(
  v.string('标签格式不对'),
  // NFKC and case folded: MariaDB's collation would call `VIP` and `vip` the same tag.
  v.transform((s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()),
  v.check((s) => textLength(s) >= 1 && textLength(s) <= 8, '每个标签1到8个字'),
);

const TOO_MANY_FREE_TAGS = `自定义标签最多${MAX_FREE_TAGS}个`;

const householdEntries = {
  unitId: householdUnitId,
  /** 村民小组, e.g. 三组; '' where there is none (a 社区) */
  groupName: v.optional(addressPart('村民小组', 0, 16), ''),
  /** 门牌号, e.g. 12号 */
  houseNumber: addressPart('门牌号', 1, 16),
  headName: textField('户主姓名', 1, 16),
  phone: optionalPhone,
  memberCount: v.pipe(
    v.number('请填写家庭人口'),
    v.integer('家庭人口应为整数'),
    v.minValue(1, '家庭人口至少1人'),
    v.maxValue(30, '家庭人口最多30人'),
  ),
  specialGroups: v.optional(
    v.pipe(
      v.array(v.picklist(SPECIAL_GROUPS, '特殊群体不对'), '特殊群体格式不对'),
      v.maxLength(SPECIAL_GROUPS.length, '特殊群体不对'),
    ),
    [],
  ),
  freeTags: v.optional(
    v.pipe(v.array(freeTag, '标签格式不对'), v.maxLength(20, TOO_MANY_FREE_TAGS)),
    [],
  ),
};

/**
 * Tags as stored: a free tag that names a special group (低保) becomes that group, both lists
 * deduplicated in the order given.
 */
function sortTags<T extends { specialGroups: SpecialGroup[]; freeTags: string[] }>(input: T): T {
  const groups = [...input.specialGroups];
  const free: string[] = [];
  for (const tag of input.freeTags) {
    const group = specialGroupOf(tag);
    if (group) groups.push(group);
    else free.push(tag);
  }
  return { ...input, specialGroups: [...new Set(groups)], freeTags: [...new Set(free)] };
}

const fewFreeTags = (i: { freeTags: string[] }) => i.freeTags.length <= MAX_FREE_TAGS;

/** The cadre and the kind of link go together: both set, or both empty. */
const linkedTogether = (i: { cadreId: number | null; pairing: string | null }) =>
  (i.cadreId === null) === (i.pairing === null);
const pairingMessage = (issue: { input: unknown }) =>
  (issue.input as { cadreId: number | null }).cadreId === null
    ? '请选择结对干部'
    : '请选择结对方式';

/** A household as the office form gives it, and as each row of the import will. */
export const householdFieldsSchema = v.pipe(
  v.object(householdEntries),
  v.transform(sortTags),
  v.forward(
    v.check((i) => fewFreeTags(i), TOO_MANY_FREE_TAGS),
    ['freeTags'],
  ),
);

export const createHouseholdSchema = v.pipe(
  v.object({
    ...householdEntries,
    cadreId: v.optional(v.nullable(idField), null),
    pairing: v.optional(v.nullable(v.picklist(PAIRINGS, '请选择结对方式')), null),
  }),
  v.transform(sortTags),
  v.forward(
    v.check((i) => fewFreeTags(i), TOO_MANY_FREE_TAGS),
    ['freeTags'],
  ),
  v.forward(
    v.check((i) => linkedTogether(i), pairingMessage),
    ['pairing'],
  ),
);

export const updateHouseholdSchema = householdFieldsSchema;

/**
 * 结对 as an import row gives it: the cadre by their login account (unique, unlike a name) and
 * the kind of link, both or neither. Checked apart from the fields, so a row's every problem is
 * named at once.
 */
export const householdImportLinkSchema = v.pipe(
  v.object({
    cadreUsername: v.nullable(usernameField),
    pairing: v.nullable(v.picklist(PAIRINGS, '结对方式只能填结交、结友或结亲')),
  }),
  v.forward(
    v.check(
      (i) => i.cadreUsername === null || i.pairing !== null,
      '填了结对干部，还要填结对方式：结交、结友或结亲',
    ),
    ['pairing'],
  ),
  v.forward(
    v.check(
      (i) => i.pairing === null || i.cadreUsername !== null,
      '填了结对方式，还要填结对干部的登录账号',
    ),
    ['cadreUsername'],
  ),
);

/** 调整结对: another cadre, another kind of link, or none (both null). */
export const moveHouseholdSchema = v.pipe(
  v.object({
    cadreId: v.nullable(idField),
    pairing: v.nullable(v.picklist(PAIRINGS, '请选择结对方式')),
    note: optionalTextField('说明', 200),
  }),
  v.forward(
    v.check((i) => linkedTogether(i), pairingMessage),
    ['pairing'],
  ),
);

export const householdListQuerySchema = v.object({
  ...pageFields,
  q: searchParam,
  unitId: idParam('单位编号不对'),
  cadreId: idParam('干部编号不对'),
  group: v.optional(v.picklist(SPECIAL_GROUPS, '特殊群体不对')),
  /** linked to a cadre (true) or not yet (false) */
  linked: boolParam,
});

export const myHouseholdsQuerySchema = v.object({
  ...pageFields,
  q: searchParam,
  group: v.optional(v.picklist(SPECIAL_GROUPS, '特殊群体不对')),
});

/* ---- 走访日记 ---- */

/** A visit as the cadre writes it down; the date's bounds (not ahead, ≤ 30 days back) need today. */
export const recordVisitSchema = v.object({
  householdId: v.pipe(
    v.number('请选择走访的联户'),
    v.integer('请选择走访的联户'),
    v.minValue(1, '请选择走访的联户'),
  ),
  visitedOn: v.pipe(
    v.string('请选择走访日期'),
    v.check((s: string) => isLocalDate(s), '日期格式应为 2026-11-01'),
  ),
  /** who was met: 户主本人, 老伴, … */
  met: textField('见到的人', 1, 32),
  /** what was found (走访情况) */
  found: textField('走访情况', 2, 1000),
  photoIds: photoIdsField,
});

export const myVisitsQuerySchema = v.object({
  ...pageFields,
  householdId: idParam('联户编号不对'),
});

const quarterParam = v.optional(
  v.pipe(v.string(), v.regex(QUARTER_PATTERN, '季度格式应为 2026-Q4')),
);

/** 走访覆盖率 per cadre of a unit, for a quarter (default: this one). */
export const visitCoverageQuerySchema = v.object({
  ...pageFields,
  unitId: idParam('单位编号不对'),
  quarter: quarterParam,
});

/** Households not visited for 90 days, 特殊群体 first. */
export const unvisitedQuerySchema = v.object({
  ...pageFields,
  unitId: idParam('单位编号不对'),
  cadreId: idParam('干部编号不对'),
});

export type RecordVisitInput = v.InferOutput<typeof recordVisitSchema>;
export type MyVisitsQuery = v.InferOutput<typeof myVisitsQuerySchema>;
export type VisitCoverageQuery = v.InferOutput<typeof visitCoverageQuerySchema>;
export type UnvisitedQuery = v.InferOutput<typeof unvisitedQuerySchema>;
export type HouseholdFieldsInput = v.InferOutput<typeof householdFieldsSchema>;
export type CreateHouseholdInput = v.InferOutput<typeof createHouseholdSchema>;
export type UpdateHouseholdInput = v.InferOutput<typeof updateHouseholdSchema>;
export type HouseholdImportLink = v.InferOutput<typeof householdImportLinkSchema>;
export type MoveHouseholdInput = v.InferOutput<typeof moveHouseholdSchema>;
export type HouseholdListQuery = v.InferOutput<typeof householdListQuerySchema>;
export type MyHouseholdsQuery = v.InferOutput<typeof myHouseholdsQuerySchema>;
