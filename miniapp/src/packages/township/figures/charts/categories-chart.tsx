import { Text, View } from '@tarojs/components';
import { categoryLabel, formatRate, type UnitFigures } from '@mqlk/shared';
import { useCallback, useMemo } from 'react';

import { ChartCanvas } from './chart-canvas';
import { jsxOf, type F2Lib } from './chart-props';

const ROW_HEIGHT = 40;

/** 诉求类别: what people asked about, most first, each bar labelled with its count and share. */
export function CategoriesChart({ categories }: { categories: UnitFigures['categories'] }) {
  const total = categories.reduce((sum, c) => sum + c.received, 0);
  const rows = useMemo(
    () =>
      categories.map((c) => ({
        label: categoryLabel(c.category),
        received: c.received,
        share: formatRate({ numerator: c.received, denominator: total, value: null }),
      })),
    [categories, total],
  );
  const draw = useCallback(
    (f2: F2Lib) => {
      const jsx = jsxOf(f2);
      const { Chart, Axis, Interval, TextGuide } = f2;
      // A transposed chart draws its first category at the bottom.
      const data = [...rows].reverse();
      const most = Math.max(1, ...rows.map((r) => r.received));
      return jsx(
        Chart,
        {
          data,
          coord: { transposed: true },
          scale: { received: { min: 0, max: most * 1.45 }, label: { type: 'cat' } },
        },
        jsx(Axis, { field: 'label', style: { label: { fontSize: 14, fill: '#1a1a1a' } } }),
        jsx(Axis, { field: 'received', visible: false }),
        jsx(Interval, { x: 'label', y: 'received', color: '#6b21a8', sizeRatio: 0.6 }),
        ...data.map((d) =>
          jsx(TextGuide, {
            records: [d],
            content: `${d.received}件（${d.share}）`,
            offsetX: 6,
            style: { fontSize: 14, fill: '#1a1a1a', textAlign: 'start', textBaseline: 'middle' },
          }),
        ),
      );
    },
    [rows],
  );
  return (
    <View className="mq-section figures-chart">
      <Text className="mq-section__title">诉求类别</Text>
      <Text className="mq-muted figures-chart__intro">
        这段时间受理的{total}件诉求各是哪一类（按诉求现在的承办单位计）。
      </Text>
      {total === 0 ? (
        <Text className="office-empty">这段时间还没有受理的诉求。</Text>
      ) : (
        <View>
          <ChartCanvas
            height={rows.length * ROW_HEIGHT + 24}
            draw={draw}
            label={`诉求类别：${rows.map((r) => `${r.label}${r.received}件`).join('，')}`}
          />
          <View className="figures-numbers figures-numbers--levels">
            {rows.map((row) => (
              <View key={row.label} className="figures-numbers__row">
                <Text className="figures-numbers__cell figures-numbers__name">{row.label}</Text>
                <Text className="figures-numbers__cell">
                  {row.received}件（{row.share}）
                </Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
