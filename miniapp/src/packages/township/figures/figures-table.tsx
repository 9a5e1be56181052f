import { Text, View } from '@tarojs/components';
import { formatRate, type CadreFigures, type CadreFiguresRow } from '@mqlk/shared';

type Totals = CadreFigures['total'];

const NUMBER_COLUMNS: readonly { key: string; label: string; value: (row: Totals) => string }[] = [
  { key: 'received', label: '收到', value: (row) => String(row.received) },
  { key: 'resolved', label: '办结', value: (row) => String(row.resolved) },
  { key: 'ratings', label: '评价数', value: (row) => String(row.ratings) },
  { key: 'satisfaction', label: '满意率', value: (row) => formatRate(row.satisfaction) },
  { key: 'participation', label: '参评率', value: (row) => formatRate(row.participation) },
];

/**
 * One row per cadre. A phone shows each row as a card with its labels; from 768px wide (a desktop
 * browser) the same rows line up as a table under one header.
 */
export function FiguresTable({ figures }: { figures: CadreFigures }) {
  return (
    <View className="figures-table">
      <View className="figures-table__row figures-table__head">
        {['姓名', '职务', '单位', ...NUMBER_COLUMNS.map((c) => c.label)].map((label) => (
          <Text key={label} className="figures-table__head-cell">
            {label}
          </Text>
        ))}
      </View>
      {figures.rows.map((row) => (
        <Row key={row.cadreId} row={row} />
      ))}
      <Row total row={{ ...figures.total, name: '合计', post: '', unitName: figures.scope.name }} />
    </View>
  );
}

type RowData = Totals & Pick<CadreFiguresRow, 'name' | 'post' | 'unitName'>;

function Row({ row, total = false }: { row: RowData; total?: boolean }) {
  return (
    <View className={`figures-table__row${total ? ' figures-table__row--total' : ''}`}>
      <View className="figures-table__who">
        <Text className="figures-table__name">{row.name}</Text>
        <Text className="figures-table__post">{row.post}</Text>
        <Text className="figures-table__unit">{row.unitName}</Text>
      </View>
      {NUMBER_COLUMNS.map((column) => (
        <View key={column.key} className={`figures-table__cell figures-table__cell--${column.key}`}>
          <Text className="figures-table__label">{column.label}</Text>
          <Text className="figures-table__value">{column.value(row)}</Text>
        </View>
      ))}
    </View>
  );
}
