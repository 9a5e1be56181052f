import {
  isPastMonth,
  monthTitle,
  reportFileNames,
  reportPeriod,
  type ReviewState,
  reviewOutcome,
} from './monthly-report';
import { cellText } from './report-pdf';

describe('which months a report covers', () => {
  it.each([
    ['2026-11', { month: '2026-11', from: '2026-11-01', to: '2026-11-30' }],
    ['2026-12', { month: '2026-12', from: '2026-12-01', to: '2026-12-31' }],
    ['2026-02', { month: '2026-02', from: '2026-02-01', to: '2026-02-28' }],
    ['2028-02', { month: '2028-02', from: '2028-02-01', to: '2028-02-29' }],
    ['2026-13', null],
    ['2026-1', null],
    ['26-11', null],
  ])('%s', (month, period) => expect(reportPeriod(month)).toEqual(period));

  it.each([
    ['2026-10', '2026-11-01', true],
    ['2025-12', '2026-01-01', true],
    ['2026-11', '2026-11-30', false],
    ['2026-11', '2026-11-01', false],
    ['2026-12', '2026-11-15', false],
  ])('%s is over on %s: %s', (month, today, over) => expect(isPastMonth(month, today)).toBe(over));

  it('names the month and the files in Chinese, with an ASCII fallback', () => {
    expect(monthTitle('2026-03')).toBe('2026年3月');
    expect(reportFileNames({ id: 7, name: '石桥镇' }, '2026-11', 'pdf')).toEqual({
      name: '石桥镇-2026年11月-月报.pdf',
      asciiName: 'monthly-report-7-2026-11.pdf',
    });
    expect(reportFileNames({ id: 7, name: '新区/东 街道' }, '2026-11', 'xlsx').name).toBe(
      '新区_东_街道-2026年11月-月报.xlsx',
    );
  });
});

describe('what became of a bad review', () => {
  const base: ReviewState = {
    status: 'under_review',
    round: 1,
    flaggedToCounty: false,
    ratings: [{ round: 1, level: 1, excluded: false }],
    badRound: 1,
  };
  const second = (level: number) => [
    { round: 1, level: 2, excluded: false },
    { round: 2, level, excluded: false },
  ];

  it.each<[string, Partial<ReviewState>, string]>([
    ['not verified yet', {}, '待核实'],
    ['founded, being rectified', { status: 'rectifying', round: 2 }, '核实属实，整改中'],
    [
      'rectified, the resident not asked again yet',
      { status: 'resolved', round: 2 },
      '核实属实，已整改，待群众再次评价',
    ],
    [
      'rectified and rated again',
      { status: 'closed', round: 2, ratings: second(4) },
      '核实属实，已整改；再次评价：满意',
    ],
    ['rectified, the rating window passed', { status: 'closed', round: 2 }, '核实属实，已整改'],
    [
      'bad again after rectification',
      { status: 'closed', round: 2, ratings: second(1), badRound: 2, flaggedToCounty: true },
      '整改后再次差评（非常不满意），已报县里',
    ],
    [
      'found unfounded',
      { status: 'closed', ratings: [{ round: 1, level: 1, excluded: true }] },
      '核实不属实，不计入指标',
    ],
  ])('%s', (_case, state, text) => expect(reviewOutcome({ ...base, ...state })).toBe(text));
});

describe('cells as the PDF prints them', () => {
  it.each([
    [{ kind: 'rate' as const, rate: { numerator: 193, denominator: 200, value: 0.965 } }, '96.5%'],
    [{ kind: 'rate' as const, rate: { numerator: 0, denominator: 0, value: null } }, '暂无数据'],
    [{ kind: 'mean' as const, mean: { count: 4, total: 10, value: 2.5 }, unit: '小时' }, '2.5小时'],
    [{ kind: 'mean' as const, mean: { count: 0, total: 0, value: null }, unit: '分' }, '暂无数据'],
    [{ kind: 'score' as const, score: 0.875 }, '87.5'],
    [{ kind: 'count' as const, value: 12 }, '12'],
    [{ kind: 'date' as const, date: '2026-11-02' }, '2026-11-02'],
    [{ kind: 'blank' as const }, ''],
  ])('%j', (cell, text) => expect(cellText(cell)).toBe(text));
});
