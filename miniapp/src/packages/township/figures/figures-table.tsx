import { Text, View } from '@tarojs/components';
import { FIGURE_LABELS, type FigureName, type FigureSet } from '@mqlk/shared';

import { FigureValue } from '../../../components/figure-value';
import { classNames } from '../../../utils/format';
import { FIGURE_GROUPS, figureValue, type FigurePart } from '../../../utils/figures';

export interface TableRow {
  key: string;
  name: string;
  note: string;
  figures: FigureSet;
  total?: boolean;
  /** opens the requests behind one of the row's numbers; absent when they cannot be listed */
  onOpen?: (figure: FigureName, part: FigurePart, count: number) => void;
}

/**
 * Every figure of every row. A phone shows each row as a card, its figures in their groups and
 * labelled; from 768px wide the rows line up as one table under a two-line header, scrolling
 * sideways with the names kept in view.
 */
export function FiguresTable({ rows }: { rows: readonly TableRow[] }) {
  return (
    <View className="figures-table">
      <View className="figures-table__grid">
        <View className="figures-table__row figures-table__groups">
          <Text className="figures-table__who-head" />
          {FIGURE_GROUPS.map((group) => (
            <Text
              key={group.label}
              className={`figures-table__group-head is-span-${group.figures.length}`}
            >
              {group.label}
            </Text>
          ))}
        </View>
        <View className="figures-table__row figures-table__head">
          <Text className="figures-table__who-head">名称</Text>
          {FIGURE_GROUPS.flatMap((group) =>
            group.figures.map((figure) => (
              <Text key={figure} className="figures-table__head-cell">
                {FIGURE_LABELS[figure]}
              </Text>
            )),
          )}
        </View>
        {rows.map((row) => (
          <Row key={row.key} row={row} />
        ))}
      </View>
    </View>
  );
}

function Row({ row }: { row: TableRow }) {
  return (
    <View className={classNames('figures-table__row', row.total && 'figures-table__row--total')}>
      <View className="figures-table__who">
        <Text className="figures-table__name">{row.name}</Text>
        {row.note ? <Text className="figures-table__note">{row.note}</Text> : null}
      </View>
      {FIGURE_GROUPS.map((group) => (
        <View key={group.label} className="figures-table__group">
          <Text className="figures-table__group-label">{group.label}</Text>
          {group.figures.map((figure) => (
            <View key={figure} className={`figures-table__cell figures-table__cell--${figure}`}>
              <Text className="figures-table__label">{FIGURE_LABELS[figure]}</Text>
              <FigureValue
                value={figureValue(row.figures, figure)}
                onOpen={row.onOpen && ((part, count) => row.onOpen?.(figure, part, count))}
              />
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
