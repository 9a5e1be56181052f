import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { emptyTotals, summaryOf } from '@mqlk/shared';
import { resolveCardFont } from '../print/card-font';
import type { MonthlyReport } from './monthly-report';
import { renderReportPdf } from './report-pdf';
import { reportSections } from './report-tables';
import { renderReportXlsx } from './report-xlsx';

// Rendered files are read back as a reader would: the PDF with poppler-utils, the workbook with exceljs.
jest.setTimeout(60_000);

const NAMES = ['王秀英', '李建国', '张志强', '刘丽娟', '陈海燕', '杨国栋', '赵晓明', '黄玉兰'];

/** A county-sized month: enough rows for the lists to run over several pages. */
function bigReport(): MonthlyReport {
  const totals = { ...emptyTotals(), received: 412, resolved: 380, resolvedVillage: 300 };
  Object.assign(totals, { resolvedTownship: 70, resolvedCounty: 10, rating1: 9, rating2: 6 });
  Object.assign(totals, { rating3: 40, rating4: 120, rating5: 150, deadlineDue: 360 });
  Object.assign(totals, { deadlineMet: 290, foundedBad: 12, rectified: 7 });
  const day = (i: number) => `2026-11-${String((i % 30) + 1).padStart(2, '0')}`;
  return {
    unit: { id: 1, name: '青山县', kind: 'county', path: '/1/' },
    period: { month: '2026-11', from: '2026-11-01', to: '2026-11-30' },
    generatedAt: new Date('2026-12-01T02:30:00Z'),
    total: summaryOf(totals),
    rankings: [
      {
        level: 'township',
        baseline: { numerator: 310, denominator: 325, value: 310 / 325 },
        ranked: NAMES.slice(0, 6).map((n, i) => ({
          rank: i + 1,
          name: `${n.slice(0, 2)}镇`,
          note: '青山县',
          score: 0.97 - i / 50,
          satisfaction: { numerator: 50 - i, denominator: 52, value: (50 - i) / 52 },
        })),
        insufficient: [{ name: '白沙镇', note: '青山县', rated: 3 }],
      },
    ],
    overdue: Array.from({ length: 70 }, (_, i) => ({
      number: `MQ-202611${String((i % 30) + 1).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
      dueDate: day(i),
      submittedDate: day(i),
      category: 'difficulty' as const,
      ownerName: NAMES[i % NAMES.length]!,
      status: i % 3 ? ('resolved' as const) : ('in_progress' as const),
    })),
    badReviews: Array.from({ length: 15 }, (_, i) => ({
      number: `MQ-20261105-${String(i + 100).padStart(4, '0')}`,
      ratedDate: day(i),
      category: 'conduct' as const,
      ownerName: NAMES[i % NAMES.length]!,
      level: (i % 2) + 1,
      outcome: i % 2 ? '核实属实，已整改；再次评价：满意' : '待核实',
      status: i % 2 ? ('closed' as const) : ('under_review' as const),
    })),
  };
}

describe('the monthly report files', () => {
  const report = bigReport();
  const sections = reportSections(report);

  it('runs long lists over pages, their header repeated, every page numbered', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqlk-report-spec-'));
    try {
      const pdf = path.join(dir, 'report.pdf');
      writeFileSync(pdf, await renderReportPdf(report, sections, resolveCardFont()));
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
      );
      expect(pages).toBeGreaterThanOrEqual(3);
      const texts = Array.from({ length: pages }, (_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], {
          encoding: 'utf8',
        }),
      );
      texts.forEach((text, i) =>
        expect(text.replace(/\s/g, '')).toContain(`第${i + 1}页/共${pages}页`),
      );
      const all = texts.join('\n');
      for (const o of report.overdue) expect(all).toContain(o.number);
      // Every page the overdue list runs onto starts with its header row again.
      const listPages = texts.filter((t) => t.includes('MQ-202611'));
      expect(listPages.length).toBeGreaterThan(1);
      for (const text of listPages) expect(text).toContain('到期日期');
      if (process.env.REPORT_PNG_DIR) {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          pdf,
          path.join(process.env.REPORT_PNG_DIR, 'big'),
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes typed cells: counts as numbers, rates as percentages, dates as dates', async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = await renderReportXlsx(report, sections);
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '指标',
      '排名-乡镇（街道）',
      '办结层级',
      '超期清单',
      '差评',
    ]);
    const figures = wb.getWorksheet('指标')!;
    expect(figures.getCell('A1').value).toBe('青山县 2026年11月 民情月报 · 本月指标');
    expect((figures.getRow(4).values as unknown[]).slice(1)).toEqual([
      '指标',
      '数值',
      '分子',
      '分母',
      '口径',
    ]);
    const onTime = figures.getRow(7);
    expect(onTime.getCell(1).value).toBe('按时办结率');
    expect(onTime.getCell(2).value).toBeCloseTo(290 / 360, 12);
    expect(onTime.getCell(2).numFmt).toBe('0.0%');
    expect([onTime.getCell(3).value, onTime.getCell(4).value]).toEqual([290, 360]);
    const overdue = wb.getWorksheet('超期清单')!;
    expect(overdue.rowCount).toBe(4 + report.overdue.length);
    expect(overdue.getCell('C5').value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(overdue.getCell('C5').numFmt).toBe('yyyy-mm-dd');
    expect(overdue.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });
});
