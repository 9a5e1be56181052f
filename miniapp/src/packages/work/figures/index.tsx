import { Text, View } from '@tarojs/components';
import {
  FIGURE_LABELS,
  RANKING_MIN_RATINGS,
  type FigureName,
  type FigureSet,
  type MyFigures,
} from '@mqlk/shared';
import { useState } from 'react';

import { FigureValue } from '../../../components/figure-value';
import { Page } from '../../../components/page';
import { PeriodPicker } from '../../../components/period-picker';
import { RequireRole, WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { getMyFigures } from '../../../services/api/stats';
import { openFigureRequests } from '../../../utils/figure-links';
import { FIGURE_GROUPS, figureValue, isRatingFigure } from '../../../utils/figures';
import { formatLocalDay } from '../../../utils/format';
import { presetPeriod, type Period } from '../../../utils/period';
import './index.scss';

/** Said instead of every figure that rests on ratings while there are fewer than 5 of them. */
export const TOO_FEW_RATINGS = `评价不足${RANKING_MIN_RATINGS}条，暂不显示`;

/** The months' table: what a cadre looks at month by month. */
const MONTH_FIGURES: readonly FigureName[] = ['received', 'resolved', 'onTime', 'satisfaction'];

/**
 * 我的指标: a cadre's own figures, for a period and month by month. Ratings only in aggregate and
 * only over at least 5 of them; the numbers that do not rest on ratings open their requests.
 */
export default function MyFiguresPage() {
  return (
    <Page className="my-figures">
      <RequireRole roles={['cadre']}>
        <Mine />
      </RequireRole>
    </Page>
  );
}

function Mine() {
  const [period, setPeriod] = useState<Period>(() => presetPeriod('this_month'));
  const { state, reload } = useLoad(() => getMyFigures(period), `${period.from}/${period.to}`);
  return (
    <View>
      <Text className="my-figures__title">我的指标</Text>
      <PeriodPicker period={period} onChange={setPeriod} />
      {state.status === 'loading' ? <Text className="my-figures__loading">正在统计…</Text> : null}
      {state.status === 'failed' ? <WorkError error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? <Figures mine={state.data} /> : null}
    </View>
  );
}

/** Opens the requests behind one of the cadre's own numbers (never one resting on ratings). */
const opener = (period: Period, who: string) => (figure: FigureName) =>
  isRatingFigure(figure)
    ? undefined
    : (part: 'numerator' | 'denominator', count: number) =>
        openFigureRequests({ figure, part, count, period, who });

function Figures({ mine }: { mine: MyFigures }) {
  const open = opener(mine.period, mine.name);
  return (
    <View>
      <Text className="my-figures__caption">
        {mine.name} · {formatLocalDay(mine.period.from)}至{formatLocalDay(mine.period.to)}
      </Text>
      {FIGURE_GROUPS.map((group) => (
        <View key={group.label} className="mq-section my-figures__group">
          <Text className="mq-section__title">{group.label}</Text>
          {group.label === '评价' && !mine.ratingsShown ? (
            <Text className="my-figures__hidden">{TOO_FEW_RATINGS}</Text>
          ) : (
            group.figures.map((figure) => (
              <Line key={figure} figure={figure} set={mine.figures} onOpen={open(figure)} />
            ))
          )}
        </View>
      ))}
      <Text className="mq-muted my-figures__notes">
        带下划线的数字可以点开，看是哪些诉求。评价只显示汇总：满{RANKING_MIN_RATINGS}
        条评价才显示满意率等，任何一条评价是谁给的、给了什么都不会显示。反映您本人作风的诉求不计入您的数据。
      </Text>
      <Months mine={mine} />
    </View>
  );
}

function Line({
  figure,
  set,
  onOpen,
}: {
  figure: FigureName;
  set: FigureSet;
  onOpen: ((part: 'numerator' | 'denominator', count: number) => void) | undefined;
}) {
  return (
    <View className={`my-figures__line my-figures__line--${figure}`}>
      <Text className="my-figures__label">{FIGURE_LABELS[figure]}</Text>
      <FigureValue value={figureValue(set, figure)} onOpen={onOpen} />
    </View>
  );
}

type Month = MyFigures['months'][number];

/** Nothing received, resolved, due or rated that month (or too few ratings to say). */
const isQuiet = (m: Month) =>
  m.figures.received === 0 &&
  m.figures.resolved === 0 &&
  m.figures.onTime.denominator === 0 &&
  (!m.ratingsShown || m.figures.ratings === 0);

const monthName = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** Newest first; a run of quiet months is one line, so the months with work stand out. */
export function monthRuns(months: readonly Month[]): (Month | { quiet: Month[] })[] {
  const runs: (Month | { quiet: Month[] })[] = [];
  for (const month of [...months].reverse()) {
    const last = runs[runs.length - 1];
    if (!isQuiet(month)) runs.push(month);
    else if (last && 'quiet' in last) last.quiet.push(month);
    else runs.push({ quiet: [month] });
  }
  return runs;
}

function Months({ mine }: { mine: MyFigures }) {
  return (
    <View className="mq-section my-figures__months">
      <Text className="mq-section__title">近12个月</Text>
      {monthRuns(mine.months).map((run) => {
        if ('quiet' in run) {
          const newest = run.quiet[0]!;
          const oldest = run.quiet[run.quiet.length - 1]!;
          return (
            <Text key={newest.month} className="my-figures__quiet">
              {run.quiet.length === 1
                ? monthName(newest.month)
                : `${monthName(oldest.month)}至${monthName(newest.month)}`}
              ：没有受理、办结或到期的诉求
            </Text>
          );
        }
        const open = opener(run.period, mine.name);
        return (
          <View key={run.month} className="my-figures__month">
            <Text className="my-figures__month-name">{monthName(run.month)}</Text>
            {MONTH_FIGURES.map((figure) =>
              isRatingFigure(figure) && !run.ratingsShown ? (
                <View key={figure} className={`my-figures__line my-figures__line--${figure}`}>
                  <Text className="my-figures__label">{FIGURE_LABELS[figure]}</Text>
                  <Text className="my-figures__hidden-value">{TOO_FEW_RATINGS}</Text>
                </View>
              ) : (
                <Line key={figure} figure={figure} set={run.figures} onOpen={open(figure)} />
              ),
            )}
          </View>
        );
      })}
    </View>
  );
}
