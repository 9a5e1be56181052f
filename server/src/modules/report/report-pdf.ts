import { pdfkit } from '../../common/heavy-libraries';
import {
  formatMean,
  formatRate,
  localDateOf,
  localTimeOf,
  ORG_UNIT_KIND_LABELS,
} from '@mqlk/shared';
import { type CardFont, fontBytes } from '../print/card-font';
import { monthTitle, type MonthlyReport } from './monthly-report';
import type { ReportCell, ReportSection, ReportTable } from './report-tables';

/**
 * The monthly report as an A4 PDF: the same pdfkit and embedded Noto CJK font as the card sheets
 * (print/card-font.ts), each section a heading, a line on how to read it, and its tables, whose
 * header row is repeated on every page a table runs onto; page numbers at the foot.
 */

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 42, right: 42, top: 48, bottom: 58 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const PAD = { x: 4, y: 3.5 };
const SIZE = { title: 18, subtitle: 11, meta: 8.5, heading: 12.5, note: 8.5, cell: 9, footer: 8 };
const COLOR = {
  brand: '#b3261e',
  ink: '#1a1a1a',
  muted: '#5f5f5f',
  rule: '#9e9e9e',
  header: '#ececec',
  stripe: '#f7f7f7',
};
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Pen {
  doc: PDFKit.PDFDocument;
  regular: string;
  bold: string;
  y: number;
}

export async function renderReportPdf(
  report: MonthlyReport,
  sections: ReportSection[],
  font: CardFont,
): Promise<Buffer> {
  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    bufferPages: true,
    info: {
      Title: `${report.unit.name} ${monthTitle(report.period.month)} 民情月报`,
      Creator: '民情联系卡',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.once('end', () => resolve(Buffer.concat(chunks)));
    doc.once('error', reject);
  });
  // One name per face: pdfkit re-parses a font registered twice under two names (card-faces.ts).
  const sameFace = font.bold.path === font.regular.path && font.bold.face === font.regular.face;
  const pen: Pen = { doc, regular: 'cjk', bold: sameFace ? 'cjk' : 'cjk-bold', y: MARGIN.top };
  doc.registerFont(pen.regular, fontBytes(font.regular), font.regular.face);
  if (!sameFace) doc.registerFont(pen.bold, fontBytes(font.bold), font.bold.face);

  drawTitle(pen, report);
  sections.forEach((section, i) =>
    drawSection(pen, `${NUMERALS[i] ?? i + 1}、${section.title}`, section),
  );
  drawFooters(pen, report);
  doc.end();
  return done;
}

function drawTitle(pen: Pen, r: MonthlyReport): void {
  const { doc } = pen;
  doc.rect(MARGIN.left, pen.y, 4, 40).fill(COLOR.brand);
  const x = MARGIN.left + 12;
  doc.fillColor(COLOR.ink).font(pen.bold).fontSize(SIZE.title);
  doc.text(`${r.unit.name} 民情月报`, x, pen.y - 2, { width: WIDTH - 12, lineBreak: false });
  doc.font(pen.regular).fontSize(SIZE.subtitle);
  doc.text(`${monthTitle(r.period.month)}（${r.period.from} 至 ${r.period.to}）`, x, pen.y + 24, {
    width: WIDTH - 12,
    lineBreak: false,
  });
  pen.y += 50;
  const generated = `${localDateOf(r.generatedAt)} ${localTimeOf(r.generatedAt)}`;
  doc.fillColor(COLOR.muted).fontSize(SIZE.meta);
  doc.text(
    `单位：${r.unit.name} · ${ORG_UNIT_KIND_LABELS[r.unit.kind]}    生成时间：${generated}（北京时间）    数据来源：民情联系卡`,
    MARGIN.left,
    pen.y,
    { width: WIDTH, lineBreak: false },
  );
  pen.y += 16;
  doc
    .moveTo(MARGIN.left, pen.y)
    .lineTo(MARGIN.left + WIDTH, pen.y)
    .lineWidth(0.8)
    .strokeColor(COLOR.ink)
    .stroke();
  pen.y += 4;
}

function drawSection(pen: Pen, title: string, section: ReportSection): void {
  const { doc } = pen;
  doc.font(pen.regular).fontSize(SIZE.note);
  const noteHeight = doc.heightOfString(section.note, { width: WIDTH, lineGap: 1.5 });
  const firstTable = section.tables[0];
  // A heading never ends a page: it keeps its note, the table's header and a first row with it.
  const header = firstTable ? headerHeight(pen, firstTable) * 2 + 8 : 0;
  ensureRoom(pen, 14 + 20 + noteHeight + header);
  pen.y += 14;
  doc.fillColor(COLOR.ink).font(pen.bold).fontSize(SIZE.heading);
  doc.text(title, MARGIN.left, pen.y, { width: WIDTH, lineBreak: false });
  pen.y += 20;
  doc.fillColor(COLOR.muted).font(pen.regular).fontSize(SIZE.note);
  doc.text(section.note, MARGIN.left, pen.y, { width: WIDTH, lineGap: 1.5 });
  pen.y += noteHeight + 5;
  for (const table of section.tables) drawTable(pen, table, title);
}

function drawTable(pen: Pen, table: ReportTable, title: string): void {
  const { doc } = pen;
  if (table.caption) {
    ensureRoom(pen, 16 + headerHeight(pen, table) * 2);
    doc
      .fillColor(COLOR.ink)
      .font(pen.bold)
      .fontSize(SIZE.note + 0.5);
    doc.text(table.caption, MARGIN.left, pen.y + 3, { width: WIDTH, lineBreak: false });
    pen.y += 17;
  }
  if (table.rows.length === 0) {
    ensureRoom(pen, 18);
    doc.fillColor(COLOR.ink).font(pen.regular).fontSize(SIZE.cell);
    doc.text(table.empty, MARGIN.left, pen.y + 2, { width: WIDTH });
    pen.y += 18;
    return;
  }
  const widths = columnWidths(table);
  drawRow(
    pen,
    table,
    widths,
    table.columns.map((c) => c.header),
    true,
    false,
  );
  table.rows.forEach((row, i) => {
    const texts = row.map(cellText);
    if (pen.y + rowHeight(pen, widths, texts, false) > BOTTOM) {
      newPage(pen);
      doc.fillColor(COLOR.muted).font(pen.regular).fontSize(SIZE.note);
      doc.text(`${title}（续）`, MARGIN.left, pen.y, { width: WIDTH, lineBreak: false });
      pen.y += 14;
      drawRow(
        pen,
        table,
        widths,
        table.columns.map((c) => c.header),
        true,
        false,
      );
    }
    drawRow(pen, table, widths, texts, false, i % 2 === 1);
  });
  pen.y += 6;
}

function drawRow(
  pen: Pen,
  table: ReportTable,
  widths: number[],
  texts: string[],
  header: boolean,
  stripe: boolean,
): void {
  const { doc } = pen;
  const height = rowHeight(pen, widths, texts, header);
  if (header || stripe) {
    // Below the rule of the row above, which a fill from pen.y would half cover.
    doc
      .rect(MARGIN.left, pen.y + 0.5, WIDTH, height - 0.5)
      .fill(header ? COLOR.header : COLOR.stripe);
  }
  let x = MARGIN.left;
  doc
    .fillColor(COLOR.ink)
    .font(header ? pen.bold : pen.regular)
    .fontSize(SIZE.cell);
  texts.forEach((t, i) => {
    const width = widths[i]!;
    doc.text(t, x + PAD.x, pen.y + PAD.y, {
      width: width - 2 * PAD.x,
      align: header ? 'center' : (table.columns[i]!.align ?? 'left'),
    });
    x += width;
  });
  doc
    .moveTo(MARGIN.left, pen.y + height)
    .lineTo(MARGIN.left + WIDTH, pen.y + height)
    .lineWidth(header ? 0.8 : 0.4)
    .strokeColor(COLOR.rule)
    .stroke();
  pen.y += height;
}

function rowHeight(pen: Pen, widths: number[], texts: string[], header: boolean): number {
  const { doc } = pen;
  doc.font(header ? pen.bold : pen.regular).fontSize(SIZE.cell);
  const tallest = Math.max(
    ...texts.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 2 * PAD.x })),
  );
  return tallest + 2 * PAD.y;
}

function headerHeight(pen: Pen, table: ReportTable): number {
  return rowHeight(
    pen,
    columnWidths(table),
    table.columns.map((c) => c.header),
    true,
  );
}

function columnWidths(table: ReportTable): number[] {
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0);
  return table.columns.map((c) => (c.weight / total) * WIDTH);
}

function ensureRoom(pen: Pen, height: number): void {
  if (pen.y + height > BOTTOM) newPage(pen);
}

function newPage(pen: Pen): void {
  pen.doc.addPage();
  pen.y = MARGIN.top;
}

/** 第 n 页 / 共 m 页 on every page, with the unit and month, once the page count is known. */
function drawFooters(pen: Pen, r: MonthlyReport): void {
  const { doc } = pen;
  const { start, count } = doc.bufferedPageRange();
  const y = PAGE.height - MARGIN.bottom + 24;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc
      .moveTo(MARGIN.left, y - 6)
      .lineTo(MARGIN.left + WIDTH, y - 6)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.fillColor(COLOR.muted).font(pen.regular).fontSize(SIZE.footer);
    doc.text(`${r.unit.name} ${monthTitle(r.period.month)} 民情月报`, MARGIN.left, y, {
      width: WIDTH / 2,
      lineBreak: false,
    });
    doc.text(`第 ${i - start + 1} 页 / 共 ${count} 页`, MARGIN.left + WIDTH / 2, y, {
      width: WIDTH / 2,
      align: 'right',
      lineBreak: false,
    });
  }
}

/** A cell as the PDF prints it. */
export function cellText(cell: ReportCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'count':
      return String(cell.value);
    case 'rate':
      return formatRate(cell.rate);
    case 'mean':
      return cell.mean.value === null
        ? formatMean(cell.mean)
        : `${formatMean(cell.mean)}${cell.unit}`;
    case 'score':
      return (cell.score * 100).toFixed(1);
    case 'date':
      return cell.date;
    case 'blank':
      return '';
  }
}
