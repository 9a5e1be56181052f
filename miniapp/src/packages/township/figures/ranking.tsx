import { Text, View } from '@tarojs/components';
import {
  FIGURE_LEVEL_LABELS,
  RANKING_MIN_RATINGS,
  formatRate,
  type FigureRef,
  type UnitFigures,
} from '@mqlk/shared';
import { useMemo, useState } from 'react';

import { Btn } from '../../../components/btn';
import { FigureNumber, FigureValue } from '../../../components/figure-value';
import type { FigurePart } from '../../../utils/figures';
import { classNames } from '../../../utils/format';
import { CHART_ROWS, RankingChart, scoreText, type RankingBar } from './charts/ranking-chart';

/** Rows the table shows before 显示全部. */
const TABLE_ROWS = 20;

interface RankingProps {
  figures: UnitFigures;
  /** opens the requests behind a row's 满意率 */
  onOpen: (row: FigureRef, part: FigurePart, count: number) => void;
}

/**
 * 排名: by 排名分, with 满意率 and n beside every score; fewer than 5 ratings are listed apart as
 * 样本不足 and never ranked.
 */
export function Ranking({ figures, onOpen }: RankingProps) {
  const [all, setAll] = useState(false);
  const { ranking } = figures;
  const bars = useMemo<RankingBar[]>(
    () =>
      ranking.ranked.map((r) => ({
        key: r.key,
        rank: r.rank,
        name: r.name,
        score: r.score,
        rated: r.rated,
      })),
    [ranking.ranked],
  );
  const what = FIGURE_LEVEL_LABELS[figures.level];
  const shown = all ? ranking.ranked : ranking.ranked.slice(0, TABLE_ROWS);

  return (
    <View className="mq-section figures-ranking">
      <Text className="mq-section__title">排名（按{what}）</Text>
      <Text className="mq-muted figures-chart__intro">
        排名分 = (m × p₀ + n × p) ÷ (m + n)：p 是本{what === '干部' ? '人' : '单位'}的满意率，n
        是评价数，m = {ranking.m}，p₀ 是{figures.scope.name}全部的满意率
        {formatRate(ranking.baseline)}（{ranking.baseline.numerator}/{ranking.baseline.denominator}
        ，含乡镇工作人员直接办理的）。评价不足{RANKING_MIN_RATINGS}条的列为“样本不足”，不参加排名。
      </Text>

      {ranking.ranked.length === 0 ? (
        <Text className="office-empty">
          这段时间没有评价满{RANKING_MIN_RATINGS}条的{what}，暂不排名。可以把时间放长一些再看。
        </Text>
      ) : (
        <View>
          <RankingChart
            bars={bars}
            label={`按排名分从高到低：${bars
              .slice(0, CHART_ROWS)
              .map((b) => `第${b.rank}名${b.name}${scoreText(b.score)}分`)
              .join('，')}`}
          />
          {bars.length > CHART_ROWS ? (
            <Text className="mq-muted figures-chart__intro">
              图中是前{CHART_ROWS}名，下表列出全部{bars.length}名。
            </Text>
          ) : null}
          <View className="figures-numbers figures-numbers--ranking">
            <View className="figures-numbers__row figures-numbers__head">
              {['名次', '名称', '排名分', '满意率（p）', '评价数（n）'].map((label) => (
                <Text
                  key={label}
                  className={classNames(
                    'figures-numbers__cell',
                    label === '名称' && 'figures-numbers__name',
                  )}
                >
                  {label}
                </Text>
              ))}
            </View>
            {shown.map((entry) => {
              const open = (part: FigurePart, count: number) => onOpen(entry, part, count);
              return (
                <View key={entry.key} className="figures-numbers__row figures-ranking__row">
                  <Text className="figures-numbers__cell figures-ranking__rank">
                    第{entry.rank}名
                  </Text>
                  <Text className="figures-numbers__cell figures-numbers__name">{entry.name}</Text>
                  <View className="figures-numbers__cell">
                    <Text className="figures-numbers__label">排名分</Text>
                    <Text className="figures-ranking__score">{scoreText(entry.score)}</Text>
                  </View>
                  <View className="figures-numbers__cell">
                    <Text className="figures-numbers__label">满意率</Text>
                    <FigureValue
                      value={{
                        kind: 'rate',
                        rate: {
                          numerator: entry.satisfied,
                          denominator: entry.rated,
                          value: entry.satisfaction,
                        },
                      }}
                      onOpen={open}
                    />
                  </View>
                  <View className="figures-numbers__cell">
                    <Text className="figures-numbers__label">评价数</Text>
                    <Text>n = </Text>
                    <FigureNumber
                      count={entry.rated}
                      onOpen={() => open('denominator', entry.rated)}
                    />
                  </View>
                </View>
              );
            })}
          </View>
          {ranking.ranked.length > TABLE_ROWS ? (
            <Btn kind="plain" size="small" onClick={() => setAll(!all)}>
              {all ? '只看前20名' : `显示全部${ranking.ranked.length}名`}
            </Btn>
          ) : null}
        </View>
      )}

      {ranking.insufficient.length > 0 ? (
        <View className="figures-ranking__apart">
          <Text className="figures-ranking__apart-title">
            样本不足（评价不足{RANKING_MIN_RATINGS}条，不参加排名）：
          </Text>
          <View className="figures-ranking__apart-list">
            {ranking.insufficient.map((entry) => (
              <Text key={entry.key} className="figures-ranking__apart-item">
                {entry.name}（n = {entry.rated}）
              </Text>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
