import { Text, View } from '@tarojs/components';

import { useElderMode } from '../hooks/elder-mode';
import { classNames } from '../utils/format';
import './elder-switch.scss';

/** The 长辈模式 switch; its state is written out (已开启/已关闭), not only coloured. */
export function ElderSwitch() {
  const [on, setOn] = useElderMode();
  return (
    <View
      className={classNames('mq-elder-switch', on && 'mq-elder-switch--on')}
      onClick={() => setOn(!on)}
    >
      <View className="mq-elder-switch__text">
        <Text className="mq-elder-switch__title">长辈模式</Text>
        <Text className="mq-elder-switch__hint">字更大、按钮更大，看得清、点得准</Text>
      </View>
      <View className="mq-elder-switch__state">
        <Text>{on ? '✓ 已开启' : '已关闭'}</Text>
      </View>
    </View>
  );
}
