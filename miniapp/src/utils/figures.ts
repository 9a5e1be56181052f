import {
  FIGURE_LABELS,
  RATING_FIGURES,
  type FigureName,
  type FigureSet,
  type Mean,
  type Rate,
} from '@mqlk/shared';

/**
 * One figure of a FigureSet as the pages draw it: a count, a rate with its numerator and
 * denominator, or a mean with the number of things it averages.
 */
export type FigureValue =
  | { kind: 'count'; count: number }
  | { kind: 'rate'; rate: Rate }
  | { kind: 'mean'; mean: Mean; unit: string; per: string };

export type FigurePart = 'numerator' | 'denominator';

export function figureValue(set: FigureSet, name: FigureName): FigureValue {
  switch (name) {
    case 'received':
    case 'resolved':
    case 'ratings':
      return { kind: 'count', count: set[name] };
    case 'averageScore':
      return { kind: 'mean', mean: set.averageScore, unit: '分', per: '条评价' };
    case 'acceptanceHours':
      return { kind: 'mean', mean: set.acceptanceHours, unit: '小时', per: '次签收' };
    case 'levelVillage':
      return { kind: 'rate', rate: set.resolutionLevels.village };
    case 'levelTownship':
      return { kind: 'rate', rate: set.resolutionLevels.township };
    case 'levelCounty':
      return { kind: 'rate', rate: set.resolutionLevels.county };
    default:
      return { kind: 'rate', rate: set[name] };
  }
}

/** The number a part of a figure opens: the list behind it is exactly this long. */
export function partCount(value: FigureValue, part: FigurePart): number {
  if (value.kind === 'count') return value.count;
  if (value.kind === 'mean') return value.mean.count;
  return part === 'numerator' ? value.rate.numerator : value.rate.denominator;
}

export const isRatingFigure = (name: FigureName): boolean => RATING_FIGURES.includes(name);

/** The figures of a page in the order people read them, in three groups. */
export const FIGURE_GROUPS: readonly { label: string; figures: readonly FigureName[] }[] = [
  {
    label: '办理',
    figures: ['received', 'resolved', 'onTime', 'responsiveness', 'acceptanceHours'],
  },
  {
    label: '评价',
    figures: [
      'ratings',
      'satisfaction',
      'verySatisfied',
      'badReviewRate',
      'averageScore',
      'solvedRate',
      'participation',
      'rectification',
    ],
  },
  { label: '解决层级', figures: ['levelVillage', 'levelTownship', 'levelCounty'] },
];

/**
 * What the requests behind each part of a figure are (DESIGN.md §3 "Metrics"), as the header of
 * their list says it. A count or a mean has one part, its numerator.
 */
export const FIGURE_PART_LABELS: Record<FigureName, { numerator: string; denominator?: string }> = {
  received: { numerator: '这段时间受理的诉求' },
  resolved: { numerator: '这段时间办结的诉求' },
  ratings: { numerator: '这段时间计入统计的评价' },
  satisfaction: { numerator: '基本满意及以上的评价', denominator: '计入统计的全部评价' },
  verySatisfied: { numerator: '非常满意的评价', denominator: '计入统计的全部评价' },
  badReviewRate: { numerator: '不满意和非常不满意的评价', denominator: '计入统计的全部评价' },
  averageScore: { numerator: '计入平均分的评价' },
  solvedRate: {
    numerator: '回答“已解决”的评价',
    denominator: '回答了“问题解决了吗”的评价',
  },
  participation: { numerator: '办结后得到评价的诉求', denominator: '这段时间办结的诉求' },
  onTime: {
    numerator: '按时办结的诉求',
    denominator: '办结时限在这段时间内到期的诉求（已办结或已超期）',
  },
  responsiveness: {
    numerator: '按时签收的诉求',
    denominator: '签收时限在这段时间内到期的诉求（已签收或已超期）',
  },
  acceptanceHours: { numerator: '这段时间的签收' },
  rectification: { numerator: '整改已办结的差评', denominator: '核实属实的差评' },
  levelVillage: { numerator: '在村级办结的诉求', denominator: '这段时间办结的诉求' },
  levelTownship: { numerator: '在乡镇级办结的诉求', denominator: '这段时间办结的诉求' },
  levelCounty: { numerator: '在县级办结的诉求', denominator: '这段时间办结的诉求' },
};

/** e.g. 按时办结率的分母 */
export function partTitle(figure: FigureName, part: FigurePart): string {
  const parts = FIGURE_PART_LABELS[figure];
  if (!parts.denominator) return FIGURE_LABELS[figure];
  return `${FIGURE_LABELS[figure]}的${part === 'numerator' ? '分子' : '分母'}`;
}
