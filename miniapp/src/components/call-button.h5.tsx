import { Text } from '@tarojs/components';

import { classNames } from '../utils/format';
import type { CallButtonProps } from './call-button-props';
import './btn.scss';
import './call-button.scss';

/** In a browser a plain tel: link is what every phone understands. */
export function CallButton({ phone, label, size = 'normal', tone = 'strong' }: CallButtonProps) {
  return (
    <a
      className={classNames(
        'mq-btn',
        tone === 'strong' ? 'mq-btn--call' : 'mq-btn--call-soft',
        `mq-btn--${size}`,
        'mq-call',
      )}
      href={`tel:${phone.replace(/[^\d+]/g, '')}`}
    >
      <Text className="mq-call__label">{label}</Text>
      <Text className="mq-call__number">{phone}</Text>
    </a>
  );
}
