import { type FieldIssue, validate } from '@mqlk/shared';
import type ExcelJS from 'exceljs';
import { exceljs } from '../../common/heavy-libraries';
import type * as v from 'valibot';
import type { OrgUnitEntity } from '../org/org-unit.entity';

/**
 * What every import spreadsheet shares (the cadres', the households'): the template with its
 * 填写说明 sheet, the guards on size, finding the header, reading cells as text, and the one
 * format of a row's problem, `第N行「列名」：…`, so a township fixes its list in one go whatever
 * it imports.
 */

/** More than this is a county's whole list at once: split it, so one mistake holds up less. */
export const MAX_IMPORT_ROWS = 2000;
/** Rows above the header a person may add (a title, a note) before it is given up on. */
const HEADER_SEARCH_ROWS = 10;
/**
 * What a file may unpack to. 2,000 rows take well under 2 MB of XML; a 5 MB upload that claims
 * more is a compression bomb, which would be unpacked into memory before any row is counted.
 */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

export const GUIDE_SHEET_NAME = '填写说明';

export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  /** other headings people give this column, read as this one */
  aliases?: readonly string[];
  width: number;
  /** what 填写说明 says about it */
  guide: string;
  example: string;
  /** kept as text in the template, so Excel does not turn 13800138000 into 1.38E+10 */
  text?: boolean;
}

export interface SheetSpec<K extends string> {
  /** the sheet to fill in, e.g. 干部名单 */
  name: string;
  /** what one row is, e.g. 干部 */
  noun: string;
  /** "one row each", e.g. 每位干部 */
  each: string;
  columns: readonly SheetColumn<K>[];
  /** the lines under 其他 in 填写说明 */
  notes: readonly string[];
}

export type CellText = { text: string } | { error: string };
export type SheetRow<K extends string> = { row: number; cells: Map<K, CellText> };
export type SheetRead<T> = { ok: true; rows: T[] } | { ok: false; issues: FieldIssue[] };

/** The template: the sheet to fill in, and 填写说明 with an example row. */
export async function buildTemplate<K extends string>(spec: SheetSpec<K>): Promise<Buffer> {
  const wb = new (await exceljs()).Workbook();
  wb.creator = '民情联系卡';
  const sheet = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = c.guide;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  });

  const guide = wb.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [
    { header: '列名', width: 14 },
    { header: '怎么填', width: 80 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of spec.columns) guide.addRow([c.header, c.guide]).alignment = { wrapText: true };
  guide.addRow([]);
  spec.notes.forEach((note, i) => {
    guide.addRow([i === 0 ? '其他' : '', note]).alignment = { wrapText: true };
  });
  guide.addRow([]);
  guide.addRow([
    '示例',
    `下面这一行只是示例，请照着在「${spec.name}」里填写，不要把它当成${spec.noun}导入：`,
  ]).font = { bold: true };
  const exampleHeader = guide.addRow(spec.columns.map((c) => c.header));
  exampleHeader.font = { bold: true };
  const example = guide.addRow(spec.columns.map((c) => c.example));
  example.eachCell((cell) => {
    cell.numFmt = '@';
    cell.font = { color: { argb: 'FF666666' } };
  });
  for (let i = 3; i <= spec.columns.length; i++) guide.getColumn(i).width = 16;

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The rows of a filled-in sheet, each cell as text, or what stops the file being read at all:
 * not an .xlsx, too large unpacked, no header, a column missing, no rows, too many rows.
 */
export async function readSheet<K extends string>(
  file: Buffer,
  spec: SheetSpec<K>,
): Promise<SheetRead<SheetRow<K>>> {
  const unzipped = declaredUnzippedBytes(file);
  if (unzipped === null) return refuse('file', '文件不是有效的 Excel（.xlsx）文件');
  if (unzipped > MAX_UNZIPPED_BYTES) {
    return refuse('file', `文件里的内容太多了，请只保留「${spec.name}」一张表后重新上传`);
  }
  const wb = new (await exceljs()).Workbook();
  try {
    await wb.xlsx.load(arrayBufferOf(file));
  } catch {
    return refuse('file', '文件不是有效的 Excel（.xlsx）文件');
  }
  const sheet = wb.getWorksheet(spec.name) ?? wb.worksheets[0];
  if (!sheet) return refuse('file', '文件不是有效的 Excel（.xlsx）文件');

  const header = findHeader(sheet, spec);
  if (!header) {
    return refuse(
      'columns',
      `没有找到表头，请使用导入模板，第1行依次是：${spec.columns.map((c) => c.header).join('、')}`,
    );
  }
  const missing = spec.columns.filter((c) => !header.columns.has(c.key));
  if (missing.length > 0) {
    return {
      ok: false,
      issues: missing.map((c) => ({
        field: `columns.${c.key}`,
        message: `表格缺少「${c.header}」这一列，请使用导入模板`,
      })),
    };
  }

  const rows: SheetRow<K>[] = [];
  for (let n = header.row + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const cells = new Map<K, CellText>();
    for (const [key, col] of header.columns) cells.set(key, cellText(row.getCell(col).value));
    const empty = [...cells.values()].every((c) => 'text' in c && c.text === '');
    if (!empty) rows.push({ row: n, cells });
  }
  if (rows.length === 0) {
    return refuse('rows', `表格里没有${spec.noun}，请在「${spec.name}」里${spec.each}填一行`);
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return refuse(
      'rows',
      `表格里有${rows.length}行${spec.noun}，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件导入`,
    );
  }
  return { ok: true, rows };
}

function refuse(field: string, message: string): { ok: false; issues: FieldIssue[] } {
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

/** The row among the first few that names the most columns, and where each column is. */
function findHeader<K extends string>(
  sheet: ExcelJS.Worksheet,
  spec: SheetSpec<K>,
): { row: number; columns: Map<K, number> } | null {
  const keyOf = new Map<string, K>();
  for (const c of spec.columns) {
    for (const h of [c.header, ...(c.aliases ?? [])]) keyOf.set(headerKey(h), c.key);
  }
  let best: { row: number; columns: Map<K, number> } | null = null;
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let n = 1; n <= last; n++) {
    const columns = new Map<K, number>();
    sheet.getRow(n).eachCell((cell, col) => {
      const text = cellText(cell.value);
      if (!('text' in text)) return;
      const key = keyOf.get(headerKey(text.text));
      if (key && !columns.has(key)) columns.set(key, col);
    });
    if (columns.size > (best?.columns.size ?? 0)) best = { row: n, columns };
  }
  return best;
}

/**
 * A cell as text, whatever Excel made of it: a number typed into the phone column (no `.0`, no
 * exponent), rich text, a link's text, a formula's result. Dates and error values are refused:
 * no imported field is a date, and a date there means Excel changed what was typed.
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

/** A problem with one cell, in the words and the field path every import uses. */
export function issueAt<K extends string>(
  spec: SheetSpec<K>,
  row: number,
  key: K,
  message: string,
): FieldIssue {
  const header = spec.columns.find((c) => c.key === key)?.header ?? key;
  return { field: `rows.${row}.${key}`, message: `第${row}行「${header}」：${message}` };
}

/**
 * Reading one row: each cell's text, and at most one problem per cell (the first one found), so
 * a cell Excel could not give as text is not also called empty.
 */
export class RowReader<K extends string> {
  readonly issues: FieldIssue[] = [];
  private readonly flagged = new Set<K>();

  constructor(
    private readonly spec: SheetSpec<K>,
    private readonly raw: SheetRow<K>,
  ) {}

  get row(): number {
    return this.raw.row;
  }

  flag(key: K, message: string): void {
    if (this.flagged.has(key)) return;
    this.flagged.add(key);
    this.issues.push(issueAt(this.spec, this.raw.row, key, message));
  }

  has(key: K): boolean {
    return this.flagged.has(key);
  }

  /** The cell's text; '' (and the cell flagged) when it holds no text. */
  text(key: K): string {
    const cell = this.raw.cells.get(key)!;
    if ('error' in cell) {
      this.flag(key, cell.error);
      return '';
    }
    return cell.text;
  }

  /** The input checked with a shared schema; its problems flagged on their columns. */
  check<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> | null {
    const result = validate(schema, input);
    if (result.ok) return result.value;
    const keys = new Set<string>(this.spec.columns.map((c) => c.key));
    for (const issue of result.issues) {
      const key = issue.field.split('.')[0]!;
      if (keys.has(key)) this.flag(key as K, issue.message);
    }
    return null;
  }
}

/** Rows that must differ and do not: each is named, pointing at the other(s). */
export function duplicates<K extends string, R extends { row: number }>(
  spec: SheetSpec<K>,
  rows: readonly R[],
  key: K,
  valueOf: (r: R) => string,
  message: (r: R, others: string) => string,
): FieldIssue[] {
  const byValue = new Map<string, R[]>();
  for (const r of rows) byValue.set(valueOf(r), [...(byValue.get(valueOf(r)) ?? []), r]);
  const issues: FieldIssue[] = [];
  for (const same of byValue.values()) {
    if (same.length < 2) continue;
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => `第${o.row}行`);
      issues.push(issueAt(spec, r.row, key, message(r, others.join('、'))));
    }
  }
  return issues;
}

/** Row by row, left to right, the way a person goes through the file to fix it. */
export function sortIssues<K extends string>(
  spec: SheetSpec<K>,
  issues: FieldIssue[],
): FieldIssue[] {
  const order = new Map<string, number>(spec.columns.map((c, i) => [c.key, i]));
  const place = (f: FieldIssue) => {
    const [, row, key] = f.field.split('.');
    return [Number(row), order.get(key ?? '') ?? 0] as const;
  };
  return issues.sort((a, b) => {
    const [ra, ca] = place(a);
    const [rb, cb] = place(b);
    return ra - rb || ca - cb;
  });
}

export type UnitResolver = (text: string) => { id: number } | { error: string };

/**
 * A unit as a sheet names it: its name when that is unique among `units` (the importer's scope),
 * or a path of names (石桥镇/东岭村/第一网格) read from the bottom up.
 */
export function unitResolver(units: readonly OrgUnitEntity[]): UnitResolver {
  const byId = new Map(units.map((u) => [u.id, u]));
  const namesOf = (u: OrgUnitEntity): string[] => {
    const names: string[] = [];
    for (
      let at: OrgUnitEntity | undefined = u;
      at;
      at = at.parentId === null ? undefined : byId.get(at.parentId)
    ) {
      names.unshift(at.name);
    }
    return names;
  };
  return (text) => {
    const parts = text
      .split(/[/／>＞、\\]/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return { error: '请填写单位名称' };
    const matches = units.filter((u) => {
      const names = namesOf(u);
      return parts.every((p, i) => names[names.length - parts.length + i] === p);
    });
    if (matches.length === 1) return { id: matches[0]!.id };
    if (matches.length === 0) return { error: `没有找到单位“${text}”（或已撤销），请核对名称` };
    return { error: `有${matches.length}个单位都叫“${text}”，请写成“乡镇/村/网格”的形式` };
  };
}
