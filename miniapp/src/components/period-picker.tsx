import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';

import { classNames, formatLocalDay } from '../utils/format';
import { PRESETS, presetPeriod, samePeriod, type Period } from '../utils/period';
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
      <View className="period-picker__presets">
        {PRESETS.map((preset) => {
          const value = presetPeriod(preset.key);
          // In January 本月 and 今年 are the same dates: the first one is marked.
          const current = preset.key === chosen;
          return (
            <View
              key={preset.key}
              className={classNames('period-picker__preset', current && 'is-current')}
              onClick={() => pick(value)}
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
      {problem ? <Text className="mq-field-error">{problem}</Text> : null}
    </View>
  );
}

function DateField({
  label,
  value,
  onPick,
}: {
  label: string;
  value: string;
  onPick: (date: string) => void;
}) {
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
