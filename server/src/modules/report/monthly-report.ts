import {
  type CategoryCode,
  type FigureLevel,
  type FigureSet,
  isRatingLevel,
  type OrgUnitKind,
  RATING_LEVEL_LABELS,
  type Rate,
  type RequestStatus,
} from '@mqlk/shared';

/**
 * 月报: what one unit's report for one month holds, before it becomes a PDF or a workbook. Every
 * number in it comes from the figures (StatsService), never recomputed from raw rows; this file
 * only says which months may be reported and how a bad review's aftermath reads.
 */

export interface ReportPeriod {
  /** 2026-11 */
  month: string;
  /** 2026-11-01 */
  from: string;
  /** 2026-11-30 */
  to: string;
}

export interface RankedLine {
  rank: number;
  name: string;
  /** the cadre's post and unit, or the unit's parent */
  note: string;
  /** 排名分, 0–1 */
  score: number;
  satisfaction: Rate;
}

export interface ReportRanking {
  level: FigureLevel;
  /** p₀, the whole unit's 满意率 */
  baseline: Rate;
  ranked: RankedLine[];
  /** 样本不足: fewer than 5 ratings, not ranked */
  insufficient: { name: string; note: string; rated: number }[];
}

/** A resolve or rectify clock due in the month and missed. */
export interface OverdueLine {
  number: string;
  /** the local date the clock fell due */
  dueDate: string;
  submittedDate: string;
  category: CategoryCode;
  /** who the clock ran for */
  ownerName: string;
  status: RequestStatus;
}

export interface BadReviewLine {
  number: string;
  /** the local date of the bad rating the month counts */
  ratedDate: string;
  category: CategoryCode;
  /** who the rating counts for */
  ownerName: string;
  /** 1 or 2 */
  level: number;
  /** 核实 and 整改, in words */
  outcome: string;
  status: RequestStatus;
}

export interface MonthlyReport {
  /** `path`: the unit's materialised path, for the audit log's scope */
  unit: { id: number; name: string; kind: OrgUnitKind; path: string };
  period: ReportPeriod;
  generatedAt: Date;
  total: FigureSet;
  rankings: ReportRanking[];
  overdue: OverdueLine[];
  badReviews: BadReviewLine[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's first and last local dates; null for anything that is not YYYY-MM. */
export function reportPeriod(month: string): ReportPeriod | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const [year, m] = [Number(match[1]), Number(match[2])];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}` };
}

/** A month is over once today (a local date) lies after it: this month is still being written. */
export function isPastMonth(month: string, today: string): boolean {
  return month < today.slice(0, 7);
}

/** 2026年11月 */
export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Which rankings a unit's report carries: the units one level down, and a township's cadres. */
export const RANKING_LEVELS: Record<OrgUnitKind, readonly FigureLevel[]> = {
  county: ['township'],
  township: ['village', 'cadre'],
  village: ['cadre'],
  grid: ['cadre'],
};

/** 石桥镇-2026年11月-月报.pdf, and an ASCII name for clients that cannot read it. */
export function reportFileNames(
  unit: { id: number; name: string },
  month: string,
  ext: 'pdf' | 'xlsx',
): { name: string; asciiName: string } {
  const safe = unit.name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return {
    name: `${safe}-${monthTitle(month)}-月报.${ext}`,
    asciiName: `monthly-report-${unit.id}-${month}.${ext}`,
  };
}

/** What the request says about a bad review's aftermath, as far as it shows. */
export interface ReviewState {
  status: RequestStatus;
  /** 2 once a bad review was verified founded (the rectification round) */
  round: number;
  flaggedToCounty: boolean;
  /** the request's ratings, by round */
  ratings: { round: number; level: number; excluded: boolean }[];
  /** the round of the bad rating the month counts */
  badRound: number;
}

const levelText = (level: number) => (isRatingLevel(level) ? RATING_LEVEL_LABELS[level] : '—');

/**
 * 核实 and 整改 in one line: waiting for verification, founded and being rectified, rectified (and
 * how the resident rated the second time), or still bad after rectification (sent to the county).
 */
export function reviewOutcome(s: ReviewState): string {
  const second = s.ratings.find((r) => r.round === 2 && !r.excluded);
  if (s.badRound === 2) {
    return `整改后再次差评（${levelText(second?.level ?? 0)}）${s.flaggedToCounty ? '，已报县里' : ''}`;
  }
  if (s.ratings.some((r) => r.round === 1 && r.excluded)) return '核实不属实，不计入指标';
  if (s.status === 'under_review') return '待核实';
  if (s.round !== 2) return '—';
  if (s.status === 'rectifying') return '核实属实，整改中';
  if (second) return `核实属实，已整改；再次评价：${levelText(second.level)}`;
  return s.status === 'resolved' ? '核实属实，已整改，待群众再次评价' : '核实属实，已整改';
}
