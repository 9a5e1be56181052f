import {
  type FieldIssue,
  householdFieldsSchema,
  type HouseholdFieldsInput,
  householdImportLinkSchema,
  type HouseholdImportLink,
  MAX_FREE_TAGS,
  pairingOf,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
  specialGroupOf,
} from '@mqlk/shared';
import {
  buildTemplate,
  duplicates,
  GUIDE_SHEET_NAME,
  issueAt,
  MAX_IMPORT_ROWS,
  readSheet,
  RowReader,
  type SheetColumn,
  type SheetRow,
  type SheetSpec,
  sortIssues,
  type UnitResolver,
} from './import-sheet';

/**
 * The household import's spreadsheet (联户名单): the template, and the reading of a filled one.
 * Each row is checked with the form's own schema (`householdFieldsSchema`) and its link with
 * `householdImportLinkSchema`; the cadre is named by login account, looked up by the importer.
 */

export const HOUSEHOLD_SHEET_NAME = '联户名单';
export const HOUSEHOLD_GUIDE_SHEET_NAME = GUIDE_SHEET_NAME;

type HouseholdKey = keyof HouseholdFieldsInput | keyof HouseholdImportLink;

const GROUP_LABELS = SPECIAL_GROUPS.map((g) => SPECIAL_GROUP_LABELS[g]).join('、');

export const HOUSEHOLD_COLUMNS: readonly SheetColumn<HouseholdKey>[] = [
  {
    key: 'unitId',
    header: '所在村（社区）或网格',
    aliases: ['所属单位', '村（社区）', '网格'],
    width: 26,
    guide:
      '联户所在的村（社区）或网格的名称，和系统里的单位名称一字不差（不能填乡镇）。' +
      '如果有重名的单位，写成从上到下的路径，用“/”隔开，例如：石桥镇/东岭村/第一网格。',
    example: '石桥镇/东岭村',
  },
  {
    key: 'groupName',
    header: '村民小组',
    aliases: ['组'],
    width: 12,
    guide: '例如：三组，最多16个字。社区没有村民小组的，空着。',
    example: '三组',
  },
  {
    key: 'houseNumber',
    header: '门牌号',
    width: 14,
    guide:
      '例如：12号、5栋2单元301，最多16个字。同一村（网格）、同一村民小组里门牌号不能重复。' +
      '已经登记过的门牌再次导入，会更新这一户的信息，不会重复添加。',
    example: '12号',
    text: true,
  },
  {
    key: 'headName',
    header: '户主姓名',
    aliases: ['户主'],
    width: 12,
    guide: '户主的姓名，最多16个字。',
    example: '李桂兰',
  },
  {
    key: 'phone',
    header: '联系电话',
    aliases: ['手机号', '电话'],
    width: 16,
    guide: '11位手机号，没有的空着。只有工作人员和结对干部能看到完整号码。',
    example: '13800138000',
    text: true,
  },
  {
    key: 'memberCount',
    header: '家庭人口',
    aliases: ['人口'],
    width: 10,
    guide: '家里有几口人，1到30的整数。',
    example: '3',
  },
  {
    key: 'specialGroups',
    header: '特殊群体',
    width: 20,
    guide: `只能填：${GROUP_LABELS}；有几个就填几个，用“、”或“，”隔开，例如：低保、空巢老人。不是的空着。`,
    example: '低保、空巢老人',
  },
  {
    key: 'freeTags',
    header: '自定义标签',
    aliases: ['标签'],
    width: 16,
    guide: `其他要留意的情况，每个1到8个字，最多${MAX_FREE_TAGS}个，用“、”或“，”隔开，例如：独居、行动不便。没有的空着。`,
    example: '独居',
  },
  {
    key: 'cadreUsername',
    header: '结对干部',
    width: 18,
    guide:
      '结对干部的登录账号（不是姓名，账号不会重名），须是本乡镇（街道）在岗的干部；还没有结对的空着。' +
      '已经登记过的联户，这一格空着再次导入，会解除原来的结对。',
    example: 'wangjianhua01',
    text: true,
  },
  {
    key: 'pairing',
    header: '结对方式',
    width: 12,
    guide: '填了结对干部的，这里填结交、结友或结亲（困难家庭一般结亲）；没有结对干部的空着。',
    example: '结亲',
  },
];

const HOUSEHOLD_SHEET: SheetSpec<HouseholdKey> = {
  name: HOUSEHOLD_SHEET_NAME,
  noun: '联户',
  each: '每户',
  columns: HOUSEHOLD_COLUMNS,
  notes: [
    '每户填一行。所在村（社区）或网格、门牌号、户主姓名、家庭人口必须填，其他可以空着。表头（第1行）不要改动；空行会被跳过。',
    `一次最多导入${MAX_IMPORT_ROWS}户。表格里只要有一处要改，整份都不会导入，系统会列出每一处要改的地方。`,
  ],
};

/** The template: the 联户名单 sheet to fill in, and 填写说明 with an example row. */
export function buildHouseholdTemplate(): Promise<Buffer> {
  return buildTemplate(HOUSEHOLD_SHEET);
}

export type ParsedHouseholdRow = { row: number } & HouseholdFieldsInput & HouseholdImportLink;

/**
 * Every row, or every problem together with the rows that have none of their own, so the
 * importer can check those against the database and name all problems in one answer.
 */
export type HouseholdSheetRead =
  | { ok: true; rows: ParsedHouseholdRow[] }
  | { ok: false; issues: FieldIssue[]; rows: ParsedHouseholdRow[] };

/**
 * Reads a filled-in sheet. Nothing is written here: the caller gets every row checked and with its
 * unit resolved, and every problem, each named by its Excel row and column. Two rows of one
 * address are both named.
 */
export async function parseHouseholdSheet(
  file: Buffer,
  resolveUnit: UnitResolver,
): Promise<HouseholdSheetRead> {
  const read = await readSheet(file, HOUSEHOLD_SHEET);
  if (!read.ok) return { ...read, rows: [] };
  const issues: FieldIssue[] = [];
  const rows: ParsedHouseholdRow[] = [];
  for (const raw of read.rows) {
    const parsed = checkRow(raw, resolveUnit);
    if ('issues' in parsed) issues.push(...parsed.issues);
    else rows.push(parsed.value);
  }
  issues.push(
    ...duplicates(
      HOUSEHOLD_SHEET,
      rows,
      'houseNumber',
      addressKey,
      (_r, others) => `和${others}是同一户（村、村民小组、门牌号都相同），每户只填一行`,
    ),
  );
  if (issues.length > 0) return { ok: false, issues: sortHouseholdIssues(issues), rows };
  return { ok: true, rows };
}

/** Row by row, left to right. */
export function sortHouseholdIssues(issues: FieldIssue[]): FieldIssue[] {
  return sortIssues(HOUSEHOLD_SHEET, issues);
}

/** A row's problem found by the importer (a cadre, a unit), in the sheet's own words. */
export function householdIssue(row: number, key: HouseholdKey, message: string): FieldIssue {
  return issueAt(HOUSEHOLD_SHEET, row, key, message);
}

/** The address as the unique index compares it (the schema normalised group and number). */
export function addressKey(h: Pick<HouseholdFieldsInput, 'unitId' | 'groupName' | 'houseNumber'>) {
  return `${h.unitId}\u0000${h.groupName}\u0000${h.houseNumber}`;
}

/** 低保、空巢老人 or 低保，空巢老人: a list typed into one cell. */
function listOf(text: string): string[] {
  return text
    .split(/[、，,;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function checkRow(
  raw: SheetRow<HouseholdKey>,
  resolveUnit: UnitResolver,
): { value: ParsedHouseholdRow } | { issues: FieldIssue[] } {
  const r = new RowReader(HOUSEHOLD_SHEET, raw);
  const unitText = r.text('unitId');
  let unitId = 0;
  if (!r.has('unitId')) {
    if (unitText === '') r.flag('unitId', '请填写所在的村（社区）或网格');
    else {
      const unit = resolveUnit(unitText);
      if ('id' in unit) unitId = unit.id;
      else r.flag('unitId', unit.error);
    }
  }

  const members = r.text('memberCount');
  let memberCount: number | undefined;
  if (/^\d+(\.\d+)?\s*人?$/.test(members)) memberCount = Number.parseFloat(members);
  else if (members !== '') r.flag('memberCount', `家庭人口要填数字，例如 3，现在是“${members}”`);

  const specialGroups = listOf(r.text('specialGroups')).map((label) => {
    const group = specialGroupOf(label);
    if (!group) {
      r.flag(
        'specialGroups',
        `“${label}”不是特殊群体，只能填${GROUP_LABELS}；其他情况请写在「自定义标签」里`,
      );
    }
    return group ?? label;
  });

  const fields = r.check(householdFieldsSchema, {
    unitId,
    groupName: r.text('groupName'),
    houseNumber: r.text('houseNumber'),
    headName: r.text('headName'),
    phone: r.text('phone'),
    memberCount,
    specialGroups,
    freeTags: listOf(r.text('freeTags')),
  });
  const cadreUsername = r.text('cadreUsername');
  const pairing = r.text('pairing');
  const link = r.check(householdImportLinkSchema, {
    cadreUsername: cadreUsername === '' ? null : cadreUsername,
    pairing: pairing === '' ? null : (pairingOf(pairing) ?? pairing),
  });
  if (r.issues.length > 0 || !fields || !link) return { issues: r.issues };
  return { value: { row: raw.row, ...fields, ...link } };
}
