import { useCallback, useMemo } from 'react';

import { ChartCanvas } from './chart-canvas';
import { jsxOf, type F2Lib } from './chart-props';

export interface RankingBar {
  key: string;
  rank: number;
  name: string;
  score: number;
  rated: number;
}

/** Rows a chart shows at most; the table under it lists every one. */
export const CHART_ROWS = 20;
const ROW_HEIGHT = 34;

export const scoreText = (score: number): string => (score * 100).toFixed(1);

/**
 * The ranked ones as bars, first at the top, each labelled with its 排名分 and n: the bar's
 * length is never the only way to read it.
 */
export function RankingChart({ bars, label }: { bars: readonly RankingBar[]; label: string }) {
  const shown = useMemo(() => bars.slice(0, CHART_ROWS), [bars]);
  const draw = useCallback(
    (f2: F2Lib) => {
      const jsx = jsxOf(f2);
      const { Chart, Axis, Interval, TextGuide } = f2;
      // A transposed chart draws its first category at the bottom.
      const data = [...shown].reverse().map((bar) => ({
        who: `${bar.rank}. ${bar.name}`,
        score: bar.score,
        text: `${scoreText(bar.score)}分 · n=${bar.rated}`,
      }));
      return jsx(
        Chart,
        {
          data,
          coord: { transposed: true },
          // Room on the right of the longest bar for its label.
          scale: { score: { min: 0, max: 1.3 }, who: { type: 'cat' } },
        },
        jsx(Axis, { field: 'who', style: { label: { fontSize: 14, fill: '#1a1a1a' } } }),
        jsx(Axis, { field: 'score', visible: false }),
        jsx(Interval, { x: 'who', y: 'score', color: '#0b57d0', sizeRatio: 0.6 }),
        ...data.map((d) =>
          jsx(TextGuide, {
            records: [d],
            content: d.text,
            offsetX: 6,
            style: { fontSize: 14, fill: '#1a1a1a', textAlign: 'start', textBaseline: 'middle' },
          }),
        ),
      );
    },
    [shown],
  );
  if (shown.length === 0) return null;
  return <ChartCanvas height={shown.length * ROW_HEIGHT + 24} draw={draw} label={label} />;
}
