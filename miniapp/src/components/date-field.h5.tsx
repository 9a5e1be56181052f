import { View } from '@tarojs/components';
import { useId } from 'react';

import type { DateFieldProps } from './date-field-props';

/**
 * The browser's own date input rather than Taro's H5 picker, which kept 12 px text and 18 px
 * buttons in 长辈模式 and could not be closed with Escape: this one is labelled, sized by our
 * styles (60 px in 长辈模式), typed or picked from the keyboard, and its calendar closes on Escape.
 */
export function DateField({ label, value, onPick }: DateFieldProps) {
  const id = useId();
  return (
    <View className="period-picker__date">
      <label className="mq-label period-picker__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="period-picker__input"
        type="date"
        lang="zh-CN"
        required
        value={value}
        // An emptied or half-typed date is not a choice: the last one stands until it is whole.
        onChange={(e) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onPick(e.target.value);
        }}
      />
    </View>
  );
}
