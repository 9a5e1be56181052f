import { Text, View } from '@tarojs/components';
import { FIGURE_LABELS, type FigureName, type FigureSeries } from '@mqlk/shared';
import { useCallback } from 'react';

import { FigureValue } from '../../../../components/figure-value';
import { figureValue, type FigurePart } from '../../../../utils/figures';
import type { Period } from '../../../../utils/period';
import { ChartCanvas } from './chart-canvas';
import { jsxOf, type F2Lib } from './chart-props';

/** Each line its colour, its dash and its point's shape: colour is never the only difference. */
const LINES: readonly {
  figure: FigureName;
  color: string;
  /** null: a solid line */
  dash: number[] | null;
  point: 'circle' | 'rect' | 'hollowCircle';
  symbol: string;
  stroke: string;
}[] = [
  {
    figure: 'satisfaction',
    color: '#0b57d0',
    dash: null,
    point: 'circle',
    symbol: '●',
    stroke: '实线',
  },
  { figure: 'onTime', color: '#146c2e', dash: [10, 5], point: 'rect', symbol: '■', stroke: '虚线' },
  {
    figure: 'solvedRate',
    color: '#8a4b00',
    dash: [2, 4],
    point: 'hollowCircle',
    symbol: '○',
    stroke: '点线',
  },
];

export const monthLabel = (month: string): string => `${Number(month.slice(5))}月`;
const fullMonth = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

interface TrendChartProps {
  series: FigureSeries;
  onOpen: (figure: FigureName, part: FigurePart, count: number, period: Period) => void;
}

/** 满意率, 按时办结率 and 解决率 month by month, with every month's numbers in a table below. */
export function TrendChart({ series, onOpen }: TrendChartProps) {
  const months = series.months;
  const draw = useCallback(
    (f2: F2Lib) => {
      const jsx = jsxOf(f2);
      const { Chart, Axis, Line, Point } = f2;
      const data = months.flatMap((m) =>
        LINES.map((line) => {
          const value = figureValue(m.figures, line.figure);
          return {
            month: m.month,
            figure: FIGURE_LABELS[line.figure],
            value: value.kind === 'rate' ? value.rate.value : null,
          };
        }),
      );
      const names = LINES.map((l) => FIGURE_LABELS[l.figure]);
      const byName = (values: string[]): [string, string[]] => ['figure', values];
      return jsx(
        Chart,
        {
          data,
          scale: {
            value: { min: 0, max: 1, tickCount: 5 },
            month: { type: 'cat' },
            figure: { type: 'cat', values: names },
          },
        },
        jsx(Axis, {
          field: 'month',
          formatter: monthLabel,
          style: { label: { fontSize: 13, fill: '#595959' } },
        }),
        jsx(Axis, {
          field: 'value',
          formatter: (v: number) => `${Math.round(v * 100)}%`,
          style: { label: { fontSize: 13, fill: '#595959' } },
        }),
        jsx(Line, {
          x: 'month',
          y: 'value',
          color: byName(LINES.map((l) => l.color)),
          style: {
            field: 'figure',
            lineWidth: 3,
            lineDash: (name: string) => LINES.find((l) => FIGURE_LABELS[l.figure] === name)?.dash,
          },
        }),
        jsx(Point, {
          x: 'month',
          y: 'value',
          color: byName(LINES.map((l) => l.color)),
          shape: byName(LINES.map((l) => l.point)),
          size: 4,
        }),
      );
    },
    [months],
  );

  const first = months[0];
  const last = months[months.length - 1];
  return (
    <View className="mq-section figures-chart">
      <Text className="mq-section__title">近12个月走势</Text>
      <Text className="mq-muted figures-chart__intro">
        {series.scope.name}
        {first && last ? `，${fullMonth(first.month)}至${fullMonth(last.month)}` : ''}
        。没有可算的数的月份，线在那里断开。
      </Text>
      <View className="figures-chart__legend">
        {LINES.map((line) => (
          <View key={line.figure} className="figures-chart__key">
            <Text className={`figures-chart__swatch figures-chart__swatch--${line.figure}`}>
              {line.symbol}
            </Text>
            <Text>
              {FIGURE_LABELS[line.figure]}（{line.stroke}）
            </Text>
          </View>
        ))}
      </View>
      <ChartCanvas
        height={260}
        draw={draw}
        label={`${series.scope.name}近12个月的满意率、按时办结率和解决率走势`}
      />
      <View className="figures-numbers figures-numbers--trend">
        <View className="figures-numbers__row figures-numbers__head">
          <Text className="figures-numbers__cell">月份</Text>
          {LINES.map((line) => (
            <Text key={line.figure} className="figures-numbers__cell">
              {FIGURE_LABELS[line.figure]}
            </Text>
          ))}
        </View>
        {[...months].reverse().map((m) => (
          <View key={m.month} className="figures-numbers__row">
            <Text className="figures-numbers__cell figures-numbers__name">
              {fullMonth(m.month)}
            </Text>
            {LINES.map((line) => (
              <View key={line.figure} className="figures-numbers__cell">
                <Text className="figures-numbers__label">{FIGURE_LABELS[line.figure]}</Text>
                <FigureValue
                  value={figureValue(m.figures, line.figure)}
                  onOpen={(part, count) => onOpen(line.figure, part, count, m.period)}
                />
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
