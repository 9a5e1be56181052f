import { Text, View } from '@tarojs/components';

import { classNames } from '../utils/format';
import { pressable } from './pressable';
import './tabs.scss';

interface TabsProps<K extends string> {
  tabs: readonly { key: K; label: string }[];
  current: K;
  onChange: (key: K) => void;
}

/** The chosen tab is marked by a ✓ and an underline as well as by colour. */
export function Tabs<K extends string>({ tabs, current, onChange }: TabsProps<K>) {
  return (
    <View className="mq-tabs" {...{ role: 'tablist' }}>
      {tabs.map((tab) => (
        <View
          key={tab.key}
          className={classNames('mq-tabs__tab', tab.key === current && 'is-current')}
          {...pressable({
            role: 'tab',
            selected: tab.key === current,
            onPress: () => onChange(tab.key),
          })}
        >
          <Text>
            {tab.key === current ? '✓ ' : ''}
            {tab.label}
          </Text>
        </View>
      ))}
    </View>
  );
}
