import { Text, View } from '@tarojs/components';
import { NO_DATA_LABEL, formatMean, formatRate } from '@mqlk/shared';

import { classNames } from '../utils/format';
import { partCount, type FigurePart, type FigureValue as Value } from '../utils/figures';
import './figure-value.scss';
import { pressable } from './pressable';

interface FigureValueProps {
  value: Value;
  /** opens the requests behind one part; without it the numbers are plain text */
  onOpen?: (part: FigurePart, count: number) => void;
  className?: string;
}

/**
 * A figure as it can be checked by hand: a rate with its numerator and denominator
 * (`96.5%（193/200）`), a mean with how many things it averages (`92.0分（12条评价）`), a count.
 * An empty base reads 暂无数据, never 0%. Each number above 0 opens the requests it counts.
 */
export function FigureValue({ value, onOpen, className }: FigureValueProps) {
  const num = (part: FigurePart) => (
    <FigureNumber
      count={partCount(value, part)}
      onOpen={onOpen && (() => onOpen(part, partCount(value, part)))}
    />
  );
  if (value.kind === 'count') {
    return <View className={classNames('mq-figure', className)}>{num('numerator')}</View>;
  }
  const empty = value.kind === 'rate' ? value.rate.denominator === 0 : value.mean.count === 0;
  if (empty) {
    return (
      <View className={classNames('mq-figure', 'is-empty', className)}>
        <Text className="mq-figure__none">{NO_DATA_LABEL}</Text>
      </View>
    );
  }
  if (value.kind === 'rate') {
    return (
      <View className={classNames('mq-figure', className)}>
        <Text className="mq-figure__main">{formatRate(value.rate)}</Text>
        <View className="mq-figure__parts">
          <Text>（</Text>
          {num('numerator')}
          <Text>/</Text>
          {num('denominator')}
          <Text>）</Text>
        </View>
      </View>
    );
  }
  return (
    <View className={classNames('mq-figure', className)}>
      <Text className="mq-figure__main">
        {formatMean(value.mean)}
        {value.unit}
      </Text>
      <View className="mq-figure__parts">
        <Text>（</Text>
        {num('numerator')}
        <Text>{value.per}）</Text>
      </View>
    </View>
  );
}

/** A number that opens its requests: underlined as well as coloured. 0 opens nothing. */
export function FigureNumber({
  count,
  onOpen,
}: {
  count: number;
  onOpen?: (() => void) | undefined;
}) {
  if (!onOpen || count === 0) return <Text className="mq-figure__num">{count}</Text>;
  return (
    <Text
      className="mq-figure__num is-link"
      {...pressable({
        onPress: (e) => {
          // A row that opens something itself must not open it as well.
          e.stopPropagation();
          onOpen();
        },
      })}
    >
      {count}
    </Text>
  );
}
