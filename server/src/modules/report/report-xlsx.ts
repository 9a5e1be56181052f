import type ExcelJS from 'exceljs';
import { exceljs } from '../../common/heavy-libraries';
import { NO_DATA_LABEL } from '@mqlk/shared';
import { neutralizeFormula } from '../ledger/ledger-sheet';
import { monthTitle, type MonthlyReport } from './monthly-report';
import type { ReportCell, ReportSection, ReportTable } from './report-tables';

/**
 * The monthly report as a workbook: one sheet per section, each with a title row, a line on how
 * to read it, then its tables (header row, typed values with number formats: counts as numbers,
 * rates as percentages, dates as dates), so the office can sort, sum and chart them.
 */

const FORMATS = {
  count: '0',
  rate: '0.0%',
  mean: '0.0',
  score: '0.0',
  date: 'yyyy-mm-dd',
} as const;

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFECECEC' },
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  bottom: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  left: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  right: { style: 'thin', color: { argb: 'FF9E9E9E' } },
};

export async function renderReportXlsx(
  report: MonthlyReport,
  sections: ReportSection[],
): Promise<Buffer> {
  const wb = new (await exceljs()).Workbook();
  wb.creator = '民情联系卡';
  wb.created = report.generatedAt;
  for (const section of sections) addSheet(wb, report, section);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, report: MonthlyReport, section: ReportSection): void {
  const width = Math.max(...section.tables.map((t) => t.columns.length));
  const sheet = wb.addWorksheet(section.sheet, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = Array.from({ length: width }, (_, i) => ({
    width: Math.max(...section.tables.map((t) => t.columns[i]?.excel ?? 0)),
  }));
  const title = sheet.addRow([
    `${report.unit.name} ${monthTitle(report.period.month)} 民情月报 · ${section.title}`,
  ]);
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(title.number, 1, title.number, width);
  const note = sheet.addRow([section.note]);
  note.alignment = { wrapText: true, vertical: 'top' };
  note.height = 15 * Math.ceil(section.note.length / 60);
  sheet.mergeCells(note.number, 1, note.number, width);
  let firstHeader: number | null = null;
  for (const table of section.tables) {
    sheet.addRow([]);
    const header = addTable(sheet, table);
    firstHeader ??= header;
  }
  if (firstHeader !== null) sheet.views = [{ state: 'frozen', ySplit: firstHeader }];
}

/** Writes one table; returns its header's row number. */
function addTable(sheet: ExcelJS.Worksheet, table: ReportTable): number {
  if (table.caption) sheet.addRow([table.caption]).font = { bold: true };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  if (table.rows.length === 0) {
    sheet.addRow([table.empty]);
    return header.number;
  }
  for (const cells of table.rows) {
    const row = sheet.addRow([]);
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      const { value, numFmt } = excelValue(cell);
      target.value = value;
      if (numFmt) target.numFmt = numFmt;
      target.border = THIN;
      target.alignment = {
        vertical: 'top',
        wrapText: cell.kind === 'text',
        horizontal: table.columns[i]?.align ?? (cell.kind === 'text' ? 'left' : 'right'),
      };
    });
  }
  return header.number;
}

/** A cell as Excel holds it: a number with its format, a date, or text (never a formula). */
export function excelValue(cell: ReportCell): { value: ExcelJS.CellValue; numFmt?: string } {
  switch (cell.kind) {
    case 'text':
      return { value: neutralizeFormula(cell.text) };
    case 'count':
      return { value: cell.value, numFmt: FORMATS.count };
    case 'rate':
      return cell.rate.value === null
        ? { value: NO_DATA_LABEL }
        : { value: cell.rate.value, numFmt: FORMATS.rate };
    case 'mean':
      return cell.mean.value === null
        ? { value: NO_DATA_LABEL }
        : { value: cell.mean.value, numFmt: FORMATS.mean };
    case 'score':
      return { value: cell.score * 100, numFmt: FORMATS.score };
    case 'date':
      // Excel dates have no zone: the local date at midnight, written as its UTC fields.
      return { value: new Date(`${cell.date}T00:00:00Z`), numFmt: FORMATS.date };
    case 'blank':
      return { value: null };
  }
}
