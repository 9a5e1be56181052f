import { Text, View } from '@tarojs/components';

import { useElderMode } from '../hooks/elder-mode';
import { classNames } from '../utils/format';
import { pressable } from './pressable';
import './elder-switch.scss';

/** The 长辈模式 switch; its state is written out (已开启/未开启; 已关闭 is a request's status), not only coloured. */
export function ElderSwitch({ compact }: { compact?: boolean }) {
  const [on, setOn] = useElderMode();
  if (compact) {
    // One line at the foot of every other page, so that it can be turned on (or off) anywhere.
    return (
      <View
        className={classNames(
          'mq-elder-switch',
          'mq-elder-switch--compact',
          on && 'mq-elder-switch--on',
        )}
        {...pressable({
          role: 'switch',
          checked: on,
          label: '长辈模式',
          onPress: () => setOn(!on),
        })}
      >
        <Text className="mq-elder-switch__title">Aa 长辈模式</Text>
        <View className="mq-elder-switch__state">
          <Text>{on ? '✓ 已开启' : '未开启'}</Text>
        </View>
      </View>
    );
  }
  return (
    <View
      className={classNames('mq-elder-switch', on && 'mq-elder-switch--on')}
      {...pressable({ role: 'switch', checked: on, label: '长辈模式', onPress: () => setOn(!on) })}
    >
      <View className="mq-elder-switch__text">
        <Text className="mq-elder-switch__title">长辈模式</Text>
        <Text className="mq-elder-switch__hint">字更大、按钮更大，看得清、点得准</Text>
      </View>
      <View className="mq-elder-switch__state">
        <Text>{on ? '✓ 已开启' : '未开启'}</Text>
      </View>
    </View>
  );
}
