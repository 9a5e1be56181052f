import { createCadreSchema, type CreateCadreInput, type FieldIssue } from '@mqlk/shared';
import ExcelJS from 'exceljs';
import * as v from 'valibot';

/**
 * The cadre import's spreadsheet: the template the office downloads, and the reading of a filled
 * one. Every row is checked with the same schema as the form (`createCadreSchema`), and every
 * problem in the file is reported at once, so a township fixes its list in one go.
 */

export const CADRE_SHEET_NAME = '干部名单';
export const CADRE_GUIDE_SHEET_NAME = '填写说明';
/** More than this is a county's whole list at once: split it, so one mistake holds up less. */
export const MAX_IMPORT_ROWS = 2000;
/** Rows above the header a person may add (a title, a note) before it is given up on. */
const HEADER_SEARCH_ROWS = 10;
/**
 * What a file may unpack to. 2,000 rows take well under 2 MB of XML; a 5 MB upload that claims
 * more is a compression bomb, which would be unpacked into memory before any row is counted.
 */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

type CadreKey = keyof CreateCadreInput;

interface Column {
  key: CadreKey;
  header: string;
  width: number;
  /** what 填写说明 says about it */
  guide: string;
  example: string;
  /** kept as text in the template, so Excel does not turn 13800138000 into 1.38E+10 */
  text?: boolean;
}

export const CADRE_COLUMNS: readonly Column[] = [
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

const HEADER_OF = new Map(CADRE_COLUMNS.map((c) => [c.key, c.header]));

/** The template: the 干部名单 sheet to fill in, and 填写说明 with an example row. */
export async function buildCadreTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民情联系卡';
  const sheet = wb.addWorksheet(CADRE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CADRE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  CADRE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = c.guide;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  });

  const guide = wb.addWorksheet(CADRE_GUIDE_SHEET_NAME);
  guide.columns = [
    { header: '列名', width: 14 },
    { header: '怎么填', width: 80 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of CADRE_COLUMNS) guide.addRow([c.header, c.guide]).alignment = { wrapText: true };
  guide.addRow([]);
  guide.addRow(['其他', '每位干部填一行，7列都要填。表头（第1行）不要改动；空行会被跳过。']);
  guide.addRow([
    '',
    `一次最多导入${MAX_IMPORT_ROWS}人。表格里只要有一处要改，整份都不会导入，系统会列出每一处要改的地方。`,
  ]);
  guide.addRow([]);
  guide.addRow([
    '示例',
    '下面这一行只是示例，请照着在「干部名单」里填写，不要把它当成干部导入：',
  ]).font = { bold: true };
  const exampleHeader = guide.addRow(CADRE_COLUMNS.map((c) => c.header));
  exampleHeader.font = { bold: true };
  const example = guide.addRow(CADRE_COLUMNS.map((c) => c.example));
  example.eachCell((cell) => {
    cell.numFmt = '@';
    cell.font = { color: { argb: 'FF666666' } };
  });
  for (let i = 3; i <= CADRE_COLUMNS.length; i++) guide.getColumn(i).width = 16;

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ParsedCadreRow = { row: number } & CreateCadreInput;

export type CadreSheetResult =
  | { ok: true; rows: ParsedCadreRow[] }
  | { ok: false; issues: FieldIssue[] };

export type UnitResolver = (text: string) => { id: number } | { error: string };

type CellText = { text: string } | { error: string };

/**
 * Reads a filled-in sheet. Nothing is written here: the caller gets either every row, checked and
 * with its unit resolved, or every problem, each named by its Excel row and column.
 */
export async function parseCadreSheet(
  file: Buffer,
  resolveUnit: UnitResolver,
): Promise<CadreSheetResult> {
  const unzipped = declaredUnzippedBytes(file);
  if (unzipped === null) return refuse('file', '文件不是有效的 Excel（.xlsx）文件');
  if (unzipped > MAX_UNZIPPED_BYTES) {
    return refuse('file', '文件里的内容太多了，请只保留「干部名单」一张表后重新上传');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(arrayBufferOf(file));
  } catch {
    return refuse('file', '文件不是有效的 Excel（.xlsx）文件');
  }
  const sheet = wb.getWorksheet(CADRE_SHEET_NAME) ?? wb.worksheets[0];
  if (!sheet) return refuse('file', '文件不是有效的 Excel（.xlsx）文件');

  const header = findHeader(sheet);
  if (!header) {
    return refuse(
      'columns',
      `没有找到表头，请使用导入模板，第1行依次是：${CADRE_COLUMNS.map((c) => c.header).join('、')}`,
    );
  }
  const missing = CADRE_COLUMNS.filter((c) => !header.columns.has(c.key));
  if (missing.length > 0) {
    return {
      ok: false,
      issues: missing.map((c) => ({
        field: `columns.${c.key}`,
        message: `表格缺少「${c.header}」这一列，请使用导入模板`,
      })),
    };
  }

  const raw: { row: number; cells: Map<CadreKey, CellText> }[] = [];
  for (let n = header.row + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const cells = new Map<CadreKey, CellText>();
    for (const [key, col] of header.columns) cells.set(key, cellText(row.getCell(col).value));
    const empty = [...cells.values()].every((c) => 'text' in c && c.text === '');
    if (!empty) raw.push({ row: n, cells });
  }
  if (raw.length === 0) return refuse('rows', '表格里没有干部，请在「干部名单」里每位干部填一行');
  if (raw.length > MAX_IMPORT_ROWS) {
    return refuse(
      'rows',
      `表格里有${raw.length}行干部，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件导入`,
    );
  }

  const issues: FieldIssue[] = [];
  const rows: ParsedCadreRow[] = [];
  for (const { row, cells } of raw) {
    const parsed = checkRow(row, cells, resolveUnit);
    if ('issues' in parsed) issues.push(...parsed.issues);
    else rows.push(parsed.value);
  }
  issues.push(...duplicates(rows, 'username', (r) => r.username.toLowerCase()));
  issues.push(...duplicates(rows, 'phone', (r) => r.phone));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, rows };
}

function refuse(field: string, message: string): CadreSheetResult {
  return { ok: false, issues: [{ field, message }] };
}

/** exceljs's typings want an ArrayBuffer; a Node Buffer may be a view into a larger one. */
function arrayBufferOf(file: Buffer): ArrayBuffer {
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
}

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;

/**
 * The sum of the sizes a zip's central directory declares its files unpack to, read before
 * unpacking anything; null when the file is not a zip. ZIP64 sizes count as too large: an import
 * sheet never needs them. (JSZip refuses an entry that unpacks to more than it declared.)
 */
export function declaredUnzippedBytes(file: Buffer): number | null {
  const min = Math.max(0, file.length - 22 - 0xffff);
  let end = -1;
  for (let i = file.length - 22; i >= min; i--) {
    if (file.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const size = file.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return total;
}

/** Column names as people leave them: with spaces, a star for "required", or a note in brackets. */
function headerKey(text: string): string {
  return text.replace(/[\s*＊:：]/g, '').replace(/[(（【[].*$/, '');
}

const KEY_OF_HEADER = new Map(CADRE_COLUMNS.map((c) => [headerKey(c.header), c.key]));

/** The row among the first few that names the most columns, and where each column is. */
function findHeader(
  sheet: ExcelJS.Worksheet,
): { row: number; columns: Map<CadreKey, number> } | null {
  let best: { row: number; columns: Map<CadreKey, number> } | null = null;
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let n = 1; n <= last; n++) {
    const columns = new Map<CadreKey, number>();
    sheet.getRow(n).eachCell((cell, col) => {
      const text = cellText(cell.value);
      if (!('text' in text)) return;
      const key = KEY_OF_HEADER.get(headerKey(text.text));
      if (key && !columns.has(key)) columns.set(key, col);
    });
    if (columns.size > (best?.columns.size ?? 0)) best = { row: n, columns };
  }
  return best;
}

/**
 * A cell as text, whatever Excel made of it: a number typed into the phone column (no `.0`, no
 * exponent), rich text, a link's text, a formula's result. Dates and error values are refused:
 * no field of a cadre is a date, and a date there means Excel changed what was typed.
 */
export function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { text: Number.isInteger(value) ? BigInt(value).toString() : String(value) }
      : { error: '数字格式不对' };
  }
  if (typeof value === 'boolean') return { error: '应填写文字，不能是“是/否”（TRUE/FALSE）' };
  if (value instanceof Date)
    return { error: '应填写文字，不能是日期，请把这一格设为“文本”格式后重新填写' };
  if ('error' in value) return { error: `这一格是错误值 ${value.error}，请改成文字` };
  if ('richText' in value)
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
    };
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) return { error: '公式没有计算结果，请把这一格改成文字' };
    return cellText(value.result as ExcelJS.CellValue);
  }
  return { error: '这一格的内容读不出来，请改成文字' };
}

function checkRow(
  row: number,
  cells: Map<CadreKey, CellText>,
  resolveUnit: UnitResolver,
): { value: ParsedCadreRow } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const flagged = new Set<CadreKey>();
  const flag = (key: CadreKey, message: string) => {
    flagged.add(key);
    issues.push(issueAt(row, key, message));
  };
  const text = (key: CadreKey): string => {
    const cell = cells.get(key)!;
    if ('error' in cell) {
      flag(key, cell.error);
      return '';
    }
    return cell.text;
  };

  const unitText = text('unitId');
  let unitId = 0;
  if (!flagged.has('unitId')) {
    if (unitText === '') flag('unitId', '请填写所属单位');
    else {
      const unit = resolveUnit(unitText);
      if ('id' in unit) unitId = unit.id;
      else flag('unitId', unit.error);
    }
  }
  const input = {
    unitId,
    name: text('name'),
    post: text('post'),
    phone: text('phone'),
    duties: text('duties'),
    dutyDays: text('dutyDays'),
    username: text('username'),
  };
  const result = v.safeParse(createCadreSchema, input, { abortPipeEarly: true });
  if (!result.success) {
    for (const issue of result.issues) {
      const key = v.getDotPath(issue) as CadreKey | null;
      if (key && HEADER_OF.has(key) && !flagged.has(key)) flag(key, issue.message);
    }
  }
  if (issues.length > 0 || !result.success) return { issues };
  return { value: { row, ...result.output } };
}

function issueAt(row: number, key: CadreKey, message: string): FieldIssue {
  return {
    field: `rows.${row}.${key}`,
    message: `第${row}行「${HEADER_OF.get(key)}」：${message}`,
  };
}

/** Two rows with the same account or phone: both are named, each pointing at the other(s). */
function duplicates(
  rows: ParsedCadreRow[],
  key: 'username' | 'phone',
  valueOf: (r: ParsedCadreRow) => string,
): FieldIssue[] {
  const byValue = new Map<string, ParsedCadreRow[]>();
  for (const r of rows) byValue.set(valueOf(r), [...(byValue.get(valueOf(r)) ?? []), r]);
  const issues: FieldIssue[] = [];
  for (const same of byValue.values()) {
    if (same.length < 2) continue;
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => `第${o.row}行`);
      issues.push(issueAt(r.row, key, `${r[key]} 和${others.join('、')}重复了，每位干部要不同`));
    }
  }
  return issues;
}

const COLUMN_ORDER = new Map(CADRE_COLUMNS.map((c, i) => [c.key as string, i]));

/** Row by row, left to right, the way a person goes through the file to fix it. */
function sortIssues(issues: FieldIssue[]): FieldIssue[] {
  const place = (f: FieldIssue) => {
    const [, row, key] = f.field.split('.');
    return [Number(row), COLUMN_ORDER.get(key ?? '') ?? 0] as const;
  };
  return issues.sort((a, b) => {
    const [ra, ca] = place(a);
    const [rb, cb] = place(b);
    return ra - rb || ca - cb;
  });
}
