import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { classNames } from '../../../utils/format';
import { pressable } from '../../../components/pressable';

export interface Column<T> {
  key: string;
  label: string;
  cell: (row: T) => ReactNode;
  /** its track in the desktop grid, e.g. `2fr` or `120px`; `1fr` when left out */
  width?: string;
  /** the row's heading on a phone (shown large, without its label) */
  title?: boolean;
}

interface TableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** the whole row opens something (a cadre, a card) */
  onOpen?: (row: T) => void;
  /** a row to grey out (retired, stopped), said in words in its cells as well */
  muted?: (row: T) => boolean;
  className?: string;
}

/**
 * Rows of a list. On a phone each row is a card with its labels; from 768px wide (a desktop
 * browser) the same rows line up under one header, on one grid.
 */
export function Table<T>({ columns, rows, rowKey, onOpen, muted, className }: TableProps<T>) {
  const grid = { gridTemplateColumns: columns.map((c) => c.width ?? '1fr').join(' ') };
  return (
    <View className={classNames('office-table', className)}>
      <View className="office-table__row office-table__head" style={grid}>
        {columns.map((column) => (
          <Text key={column.key} className="office-table__head-cell">
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View
          key={rowKey(row)}
          className={classNames(
            'office-table__row',
            onOpen && 'is-link',
            muted?.(row) && 'is-muted',
          )}
          style={grid}
          hoverClass={onOpen ? 'is-pressed' : 'none'}
          {...(onOpen ? pressable({ onPress: () => onOpen(row) }) : {})}
        >
          {columns.map((column) => (
            <View
              key={column.key}
              className={classNames('office-table__cell', column.title && 'is-title')}
            >
              <Text className="office-table__label">{column.label}</Text>
              <View className="office-table__value">
                {column.cell(row)}
                {column.title && onOpen ? <Text className="office-table__open"> ›</Text> : null}
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
