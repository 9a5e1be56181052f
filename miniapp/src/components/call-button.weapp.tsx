import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

import { classNames } from '../utils/format';
import type { CallButtonProps } from './call-button-props';
import './btn.scss';
import './call-button.scss';
import { pressable } from './pressable';

export function CallButton({ phone, label, size = 'normal', tone = 'strong' }: CallButtonProps) {
  const call = () => {
    // The person may cancel the dialler; there is nothing to report then.
    Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d+]/g, '') }).catch(() => undefined);
  };
  return (
    <View
      className={classNames(
        'mq-btn',
        tone === 'strong' ? 'mq-btn--call' : 'mq-btn--call-soft',
        `mq-btn--${size}`,
        'mq-call',
      )}
      hoverClass="mq-btn--pressed"
      {...pressable({ onPress: call })}
    >
      <Text className="mq-call__label">{label}</Text>
      <Text className="mq-call__number">{phone}</Text>
    </View>
  );
}
