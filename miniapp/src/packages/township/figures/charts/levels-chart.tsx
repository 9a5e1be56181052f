import { Text, View } from '@tarojs/components';
import {
  FIGURE_LABELS,
  formatRate,
  type FigureName,
  type FigureSet,
  type Rate,
} from '@mqlk/shared';
import { useCallback } from 'react';

import { FigureValue } from '../../../../components/figure-value';
import { figureValue, type FigurePart } from '../../../../utils/figures';
import { ChartCanvas } from './chart-canvas';
import { jsxOf, type F2Lib } from './chart-props';

const LEVELS: readonly { figure: FigureName; name: string; color: string }[] = [
  { figure: 'levelVillage', name: '村级', color: '#146c2e' },
  { figure: 'levelTownship', name: '乡镇级', color: '#0b57d0' },
  { figure: 'levelCounty', name: '县级', color: '#8a4b00' },
];

interface LevelsChartProps {
  total: FigureSet;
  onOpen: (figure: FigureName, part: FigurePart, count: number) => void;
}

/** 解决层级 (小事不出村): where the period's resolved requests were resolved, each bar labelled. */
export function LevelsChart({ total, onOpen }: LevelsChartProps) {
  const draw = useCallback(
    (f2: F2Lib) => {
      const jsx = jsxOf(f2);
      const { Chart, Axis, Interval, TextGuide } = f2;
      const data = LEVELS.map((level) => {
        const rate = figureRate(total, level.figure);
        return {
          level: level.name,
          share: rate.value ?? 0,
          text: `${formatRate(rate)}（${rate.numerator}件）`,
        };
      });
      return jsx(
        Chart,
        { data, scale: { share: { min: 0, max: 1.25 }, level: { type: 'cat' } } },
        jsx(Axis, {
          field: 'level',
          style: { label: { fontSize: 15, fill: '#1a1a1a' } },
        }),
        jsx(Axis, { field: 'share', visible: false }),
        jsx(Interval, {
          x: 'level',
          y: 'share',
          color: ['level', LEVELS.map((l) => l.color)],
          sizeRatio: 0.5,
        }),
        ...data.map((d) =>
          jsx(TextGuide, {
            records: [d],
            content: d.text,
            offsetY: -14,
            style: { fontSize: 15, fill: '#1a1a1a', textAlign: 'center', fontWeight: 'bold' },
          }),
        ),
      );
    },
    [total],
  );
  return (
    <View className="mq-section figures-chart">
      <Text className="mq-section__title">解决层级（小事不出村）</Text>
      <Text className="mq-muted figures-chart__intro">
        这段时间办结的{total.resolved}件诉求，分别在村级、乡镇级、县级办结的占比。
      </Text>
      {total.resolved === 0 ? (
        <Text className="office-empty">这段时间还没有办结的诉求，暂无数据。</Text>
      ) : (
        <ChartCanvas
          height={220}
          draw={draw}
          label={`解决层级：${LEVELS.map((l) => `${l.name}${formatRate(figureRate(total, l.figure))}`).join('，')}`}
        />
      )}
      <View className="figures-numbers figures-numbers--levels">
        {LEVELS.map((level) => (
          <View key={level.figure} className="figures-numbers__row">
            <Text className="figures-numbers__cell figures-numbers__name">
              {FIGURE_LABELS[level.figure]}
            </Text>
            <View className="figures-numbers__cell">
              <FigureValue
                value={figureValue(total, level.figure)}
                onOpen={(part, count) => onOpen(level.figure, part, count)}
              />
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

function figureRate(set: FigureSet, figure: FigureName): Rate {
  const value = figureValue(set, figure);
  return value.kind === 'rate' ? value.rate : { numerator: 0, denominator: 0, value: null };
}
