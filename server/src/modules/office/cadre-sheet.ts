import { createCadreSchema, type CreateCadreInput, type FieldIssue } from '@mqlk/shared';
import {
  buildTemplate,
  duplicates,
  GUIDE_SHEET_NAME,
  MAX_IMPORT_ROWS,
  readSheet,
  RowReader,
  type SheetColumn,
  type SheetRead,
  type SheetRow,
  type SheetSpec,
  sortIssues,
  type UnitResolver,
} from './import-sheet';

/**
 * The cadre import's spreadsheet: the template the office downloads, and the reading of a filled
 * one. Every row is checked with the same schema as the form (`createCadreSchema`), and every
 * problem in the file is reported at once (`import-sheet.ts` holds what all imports share).
 */

export const CADRE_SHEET_NAME = '干部名单';
export const CADRE_GUIDE_SHEET_NAME = GUIDE_SHEET_NAME;

type CadreKey = keyof CreateCadreInput;

export const CADRE_COLUMNS: readonly SheetColumn<CadreKey>[] = [
  {
    key: 'unitId',
    header: '所属单位',
    width: 28,
    guide:
      '干部所在的村（社区）、网格或乡镇的名称，和系统里的单位名称一字不差。' +
      '如果有重名的单位，写成从上到下的路径，用“/”隔开，例如：石桥镇/东岭村/第一网格。',
    example: '石桥镇/东岭村/第一网格',
  },
  { key: 'name', header: '姓名', width: 12, guide: '干部的姓名，最多16个字。', example: '王建华' },
  {
    key: 'post',
    header: '职务',
    width: 16,
    guide: '例如：网格员、包村干部、村党支部书记，最多32个字。',
    example: '网格员',
  },
  {
    key: 'phone',
    header: '手机号',
    width: 16,
    guide: '11位手机号，会印在联系卡上，群众可以直接拨打。',
    example: '13800138000',
    text: true,
  },
  {
    key: 'duties',
    header: '职责',
    width: 36,
    guide: '负责哪些工作，2到200个字，会显示在联系卡页面上。',
    example: '走访联系群众，收集办理诉求',
  },
  {
    key: 'dutyDays',
    header: '一线工作日',
    width: 16,
    guide: '在村里接待群众的日子，2到32个字，例如：每周一、周四。',
    example: '每周一、周四',
  },
  {
    key: 'username',
    header: '登录账号',
    width: 18,
    guide:
      '干部登录用的账号：4到32位英文字母、数字或 _ . -，不能和别人重复，例如姓名拼音加数字。' +
      '已经导入过的账号再次导入，会更新这位干部的信息，不会重复添加。',
    example: 'wangjianhua01',
    text: true,
  },
];

const CADRE_SHEET: SheetSpec<CadreKey> = {
  name: CADRE_SHEET_NAME,
  noun: '干部',
  each: '每位干部',
  columns: CADRE_COLUMNS,
  notes: [
    '每位干部填一行，7列都要填。表头（第1行）不要改动；空行会被跳过。',
    `一次最多导入${MAX_IMPORT_ROWS}人。表格里只要有一处要改，整份都不会导入，系统会列出每一处要改的地方。`,
  ],
};

/** The template: the 干部名单 sheet to fill in, and 填写说明 with an example row. */
export function buildCadreTemplate(): Promise<Buffer> {
  return buildTemplate(CADRE_SHEET);
}

export type ParsedCadreRow = { row: number } & CreateCadreInput;

/**
 * Reads a filled-in sheet. Nothing is written here: the caller gets either every row, checked and
 * with its unit resolved, or every problem, each named by its Excel row and column.
 */
export async function parseCadreSheet(
  file: Buffer,
  resolveUnit: UnitResolver,
): Promise<SheetRead<ParsedCadreRow>> {
  const read = await readSheet(file, CADRE_SHEET);
  if (!read.ok) return read;
  const issues: FieldIssue[] = [];
  const rows: ParsedCadreRow[] = [];
  for (const raw of read.rows) {
    const parsed = checkRow(raw, resolveUnit);
    if ('issues' in parsed) issues.push(...parsed.issues);
    else rows.push(parsed.value);
  }
  const twice = (key: 'username' | 'phone', valueOf: (r: ParsedCadreRow) => string) =>
    duplicates(
      CADRE_SHEET,
      rows,
      key,
      valueOf,
      (r, others) => `${r[key]} 和${others}重复了，每位干部要不同`,
    );
  issues.push(...twice('username', (r) => r.username.toLowerCase()));
  issues.push(...twice('phone', (r) => r.phone));
  if (issues.length > 0) return { ok: false, issues: sortIssues(CADRE_SHEET, issues) };
  return { ok: true, rows };
}

function checkRow(
  raw: SheetRow<CadreKey>,
  resolveUnit: UnitResolver,
): { value: ParsedCadreRow } | { issues: FieldIssue[] } {
  const r = new RowReader(CADRE_SHEET, raw);
  const unitText = r.text('unitId');
  let unitId = 0;
  if (!r.has('unitId')) {
    if (unitText === '') r.flag('unitId', '请填写所属单位');
    else {
      const unit = resolveUnit(unitText);
      if ('id' in unit) unitId = unit.id;
      else r.flag('unitId', unit.error);
    }
  }
  const value = r.check(createCadreSchema, {
    unitId,
    name: r.text('name'),
    post: r.text('post'),
    phone: r.text('phone'),
    duties: r.text('duties'),
    dutyDays: r.text('dutyDays'),
    username: r.text('username'),
  });
  if (r.issues.length > 0 || !value) return { issues: r.issues };
  return { value: { row: raw.row, ...value } };
}
