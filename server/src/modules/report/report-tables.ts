import {
  categoryLabel,
  FIGURE_LABELS,
  FIGURE_LEVEL_LABELS,
  type FigureName,
  type FigureSet,
  formatRate,
  HANDLING_LEVEL_LABELS,
  HANDLING_LEVELS,
  type Mean,
  RANKING_MIN_RATINGS,
  RANKING_PRIOR_WEIGHT,
  type Rate,
  RATING_LEVEL_LABELS,
  isRatingLevel,
  REQUEST_STATUS_LABELS,
} from '@mqlk/shared';
import type { MonthlyReport, ReportRanking } from './monthly-report';

/**
 * The report's sections as plain tables, so that the PDF and the workbook say the same thing in
 * the same order: each renderer only decides how a cell looks (text in the PDF, a typed value
 * with a number format in Excel).
 */

export type ReportCell =
  | { kind: 'text'; text: string }
  | { kind: 'count'; value: number }
  | { kind: 'rate'; rate: Rate }
  | { kind: 'mean'; mean: Mean; unit: string }
  /** 排名分, 0–1, shown ×100 */
  | { kind: 'score'; score: number }
  /** a local date, YYYY-MM-DD */
  | { kind: 'date'; date: string }
  | { kind: 'blank' };

export interface ReportColumn {
  header: string;
  /** share of the PDF's line (weights, scaled to the page) */
  weight: number;
  /** Excel column width, in characters */
  excel: number;
  align?: 'left' | 'right' | 'center';
}

export interface ReportTable {
  /** a line above the table (e.g. 样本不足) */
  caption?: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** what is said instead of an empty table */
  empty: string;
}

export interface ReportSection {
  title: string;
  /** the worksheet's name (≤ 31 characters, no []:*?/\) */
  sheet: string;
  /** how to read the section, under its title */
  note: string;
  tables: ReportTable[];
}

const text = (t: string): ReportCell => ({ kind: 'text', text: t });
const count = (value: number): ReportCell => ({ kind: 'count', value });
const date = (d: string): ReportCell => ({ kind: 'date', date: d });
const BLANK: ReportCell = { kind: 'blank' };

/** What each figure counts, in a line (DESIGN.md §3 "Metrics"). */
const FIGURE_NOTES: Partial<Record<FigureName, string>> = {
  received: '本月提交的诉求',
  resolved: '本月办结的诉求（每件取本月最后一次办结）',
  ratings: '本月计入统计的评价（核实不属实的不计入）',
  satisfaction: '基本满意及以上的评价 ÷ 全部评价',
  verySatisfied: '非常满意的评价 ÷ 全部评价',
  badReviewRate: '不满意、非常不满意的评价 ÷ 全部评价',
  averageScore: '评价等级×20 的平均数（0–100 分），分母为评价数',
  solvedRate: '回答“已解决”的评价 ÷ 回答了“问题解决了吗”的评价',
  participation: '本月办结且已评价的 ÷ 本月办结的',
  onTime: '办结、整改时限在本月到期且按时办结的 ÷ 在本月到期的',
  responsiveness: '签收时限在本月到期且按时签收的 ÷ 在本月到期的',
  acceptanceHours: '从诉求到达办理人到签收的平均小时数，分母为签收次数',
  rectification: '本月差评经核实属实、已整改的 ÷ 本月经核实属实的差评',
};

/** The figures a FigureSet holds under their own name (解决层级 has a section of its own). */
export type TotalFigure = Exclude<FigureName, `level${string}`>;

type FigureLine = [TotalFigure, (s: FigureSet) => ReportCell[]];

const rateLine = (r: Rate): ReportCell[] => [
  { kind: 'rate', rate: r },
  count(r.numerator),
  count(r.denominator),
];
const meanLine = (m: Mean, unit: string): ReportCell[] => [
  { kind: 'mean', mean: m, unit },
  BLANK,
  count(m.count),
];
const countLine = (n: number): ReportCell[] => [count(n), BLANK, BLANK];

/** The figures in the order the staff pages read them: handling, then ratings. */
export const FIGURE_LINES: readonly FigureLine[] = [
  ['received', (s) => countLine(s.received)],
  ['resolved', (s) => countLine(s.resolved)],
  ['onTime', (s) => rateLine(s.onTime)],
  ['responsiveness', (s) => rateLine(s.responsiveness)],
  ['acceptanceHours', (s) => meanLine(s.acceptanceHours, '小时')],
  ['ratings', (s) => countLine(s.ratings)],
  ['satisfaction', (s) => rateLine(s.satisfaction)],
  ['verySatisfied', (s) => rateLine(s.verySatisfied)],
  ['badReviewRate', (s) => rateLine(s.badReviewRate)],
  ['averageScore', (s) => meanLine(s.averageScore, '分')],
  ['solvedRate', (s) => rateLine(s.solvedRate)],
  ['participation', (s) => rateLine(s.participation)],
  ['rectification', (s) => rateLine(s.rectification)],
];

function figuresSection(r: MonthlyReport): ReportSection {
  return {
    title: '本月指标',
    sheet: '指标',
    note: `${r.period.from} 至 ${r.period.to}，${r.unit.name}及下属各级的全部诉求。比率后面是分子和分母，分母为 0 的记为“暂无数据”。`,
    tables: [
      {
        columns: [
          { header: '指标', weight: 80, excel: 14 },
          { header: '数值', weight: 62, excel: 12, align: 'right' },
          { header: '分子', weight: 44, excel: 9, align: 'right' },
          { header: '分母', weight: 44, excel: 9, align: 'right' },
          { header: '口径', weight: 285, excel: 60 },
        ],
        rows: FIGURE_LINES.map(([name, cells]) => [
          text(FIGURE_LABELS[name]),
          ...cells(r.total),
          text(FIGURE_NOTES[name] ?? ''),
        ]),
        empty: '',
      },
    ],
  };
}

function rankingSection(r: MonthlyReport, ranking: ReportRanking): ReportSection {
  const label = FIGURE_LEVEL_LABELS[ranking.level];
  const p0 = ranking.baseline;
  return {
    title: `${label}排名`,
    sheet: `排名-${label}`.replace(/[[\]:*?/\\]/g, ''),
    note:
      `排名分 = (${RANKING_PRIOR_WEIGHT} × 全体满意率 + n × 本行满意率) ÷ (${RANKING_PRIOR_WEIGHT} + n)，n 为本行的评价数；` +
      `全体满意率为${r.unit.name}全部评价的满意率，本月 ${formatRate(p0)}（${p0.numerator}/${p0.denominator}）。` +
      `评价不足${RANKING_MIN_RATINGS}条的列为“样本不足”，不参加排名。`,
    tables: [
      {
        columns: [
          { header: '名次', weight: 36, excel: 8, align: 'center' },
          { header: '名称', weight: 110, excel: 18 },
          { header: '说明', weight: 175, excel: 32 },
          { header: '排名分', weight: 56, excel: 10, align: 'right' },
          { header: '满意率', weight: 62, excel: 10, align: 'right' },
          { header: '评价数 n', weight: 56, excel: 10, align: 'right' },
        ],
        rows: ranking.ranked.map((e) => [
          count(e.rank),
          text(e.name),
          text(e.note),
          { kind: 'score', score: e.score },
          { kind: 'rate', rate: e.satisfaction },
          count(e.satisfaction.denominator),
        ]),
        empty: `本月没有评价满${RANKING_MIN_RATINGS}条的${label}，不排名。`,
      },
      {
        caption: `样本不足（评价不足${RANKING_MIN_RATINGS}条，不参加排名）`,
        columns: [
          { header: '名称', weight: 150, excel: 18 },
          { header: '说明', weight: 290, excel: 32 },
          { header: '评价数 n', weight: 75, excel: 10, align: 'right' },
        ],
        rows: ranking.insufficient.map((e) => [text(e.name), text(e.note), count(e.rated)]),
        empty: '无。',
      },
    ],
  };
}

function levelsSection(r: MonthlyReport): ReportSection {
  const levels = r.total.resolutionLevels;
  return {
    title: '办结层级',
    sheet: '办结层级',
    note: '本月办结的诉求在哪一级办结：小事不出村、大事不出乡、难事不出县。',
    tables: [
      {
        columns: [
          { header: '层级', weight: 150, excel: 14 },
          { header: '办结数', weight: 150, excel: 12, align: 'right' },
          { header: '占本月办结', weight: 215, excel: 14, align: 'right' },
        ],
        rows: [
          ...HANDLING_LEVELS.map((level) => [
            text(HANDLING_LEVEL_LABELS[level]),
            count(levels[level].numerator),
            { kind: 'rate' as const, rate: levels[level] },
          ]),
          [text('合计'), count(r.total.resolved), BLANK],
        ],
        empty: '',
      },
    ],
  };
}

function overdueSection(r: MonthlyReport): ReportSection {
  return {
    title: '超期清单',
    sheet: '超期清单',
    note: `办结、整改时限在本月到期而没有按时办结的（按时办结率的分母中未按时的），共 ${r.overdue.length} 条；办理人为时限到期时的办理人。`,
    tables: [
      {
        columns: [
          { header: '序号', weight: 30, excel: 6, align: 'center' },
          { header: '编号', weight: 112, excel: 20 },
          { header: '到期日期', weight: 66, excel: 12 },
          { header: '提交日期', weight: 66, excel: 12 },
          { header: '类别', weight: 66, excel: 10 },
          { header: '办理人', weight: 95, excel: 14 },
          { header: '当前状态', weight: 80, excel: 12 },
        ],
        rows: r.overdue.map((o, i) => [
          count(i + 1),
          text(o.number),
          date(o.dueDate),
          date(o.submittedDate),
          text(categoryLabel(o.category)),
          text(o.ownerName),
          text(REQUEST_STATUS_LABELS[o.status]),
        ]),
        empty: '本月没有超期的诉求。',
      },
    ],
  };
}

function badReviewSection(r: MonthlyReport): ReportSection {
  const { badReviewRate, rectification } = r.total;
  return {
    title: '差评及处理情况',
    sheet: '差评',
    note:
      `本月计入差评率的差评 ${badReviewRate.numerator} 条；本月差评经核实属实的 ${rectification.denominator} 条，` +
      `其中已整改 ${rectification.numerator} 条。整改后再次评价为满意的，仍列在此处。核实不属实的差评不计入任何指标，不列入本表。`,
    tables: [
      {
        columns: [
          { header: '序号', weight: 30, excel: 6, align: 'center' },
          { header: '编号', weight: 100, excel: 20 },
          { header: '评价日期', weight: 58, excel: 12 },
          { header: '类别', weight: 50, excel: 10 },
          { header: '办理人', weight: 56, excel: 14 },
          { header: '评价', weight: 56, excel: 12 },
          { header: '核实与整改', weight: 104, excel: 36 },
          { header: '当前状态', weight: 61, excel: 12 },
        ],
        rows: r.badReviews.map((b, i) => [
          count(i + 1),
          text(b.number),
          date(b.ratedDate),
          text(categoryLabel(b.category)),
          text(b.ownerName),
          text(isRatingLevel(b.level) ? RATING_LEVEL_LABELS[b.level] : '—'),
          text(b.outcome),
          text(REQUEST_STATUS_LABELS[b.status]),
        ]),
        empty: '本月没有差评。',
      },
    ],
  };
}

export function reportSections(r: MonthlyReport): ReportSection[] {
  return [
    figuresSection(r),
    ...r.rankings.map((ranking) => rankingSection(r, ranking)),
    levelsSection(r),
    overdueSection(r),
    badReviewSection(r),
  ];
}
