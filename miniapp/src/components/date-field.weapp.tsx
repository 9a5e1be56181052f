import { Picker, Text, View } from '@tarojs/components';

import { formatLocalDay } from '../utils/format';
import type { DateFieldProps } from './date-field-props';

/** WeChat's own date picker: it follows the phone's text size and screen reader. */
export function DateField({ label, value, onPick }: DateFieldProps) {
  return (
    <View className="period-picker__date">
      <Text className="mq-label">{label}</Text>
      <Picker mode="date" value={value} onChange={(e) => onPick(String(e.detail.value))}>
        <View className="period-picker__field">
          <Text>{formatLocalDay(value)}</Text>
          <Text className="period-picker__change">修改</Text>
        </View>
      </Picker>
    </View>
  );
}
