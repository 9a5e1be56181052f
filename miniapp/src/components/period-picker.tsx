import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { classNames } from '../utils/format';
import { PRESETS, presetPeriod, samePeriod, type Period } from '../utils/period';
import { DateField } from './date-field';
import { pressable } from './pressable';
import './period-picker.scss';

interface PeriodPickerProps {
  period: Period;
  onChange: (period: Period) => void;
}

/** 本月 / 上月 / 今年, or any two dates. */
export function PeriodPicker({ period, onChange }: PeriodPickerProps) {
  const [problem, setProblem] = useState('');
  const pick = (next: Period) => {
    if (next.from > next.to) {
      setProblem('开始日期不能晚于结束日期');
      return;
    }
    setProblem('');
    onChange(next);
  };
  const chosen = PRESETS.find((preset) => samePeriod(presetPeriod(preset.key), period))?.key;
  return (
    <View className="mq-section period-picker">
      <Text className="mq-section__title">统计时间</Text>
      <View
        className="period-picker__presets"
        {...{ role: 'radiogroup', 'aria-label': '统计时间' }}
      >
        {PRESETS.map((preset) => {
          const value = presetPeriod(preset.key);
          // In January 本月 and 今年 are the same dates: the first one is marked.
          const current = preset.key === chosen;
          return (
            <View
              key={preset.key}
              className={classNames('period-picker__preset', current && 'is-current')}
              {...pressable({ role: 'radio', checked: current, onPress: () => pick(value) })}
            >
              <Text>
                {current ? '✓ ' : ''}
                {preset.label}
              </Text>
            </View>
          );
        })}
      </View>
      <View className="period-picker__dates">
        <DateField
          label="开始日期"
          value={period.from}
          onPick={(from) => pick({ ...period, from })}
        />
        <DateField label="结束日期" value={period.to} onPick={(to) => pick({ ...period, to })} />
      </View>
      {problem ? (
        <Text className="mq-field-error" {...{ role: 'alert' }}>
          {problem}
        </Text>
      ) : null}
    </View>
  );
}
