import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

import { classNames } from '../utils/format';
import { pressable } from './pressable';
import './btn.scss';

export type BtnKind = 'primary' | 'secondary' | 'danger' | 'call' | 'plain';

interface BtnProps {
  kind?: BtnKind;
  /** `big`: the one main action of a screen. */
  size?: 'normal' | 'big' | 'small';
  disabled?: boolean;
  /** Shown instead of the label while the action runs; the button ignores taps meanwhile. */
  busyText?: string | false;
  onClick?: () => void;
  className?: string;
}

/**
 * A button drawn from a View, so it looks the same in WeChat and in browsers and its size is ours
 * (≥ 44px, ≥ 60px in 长辈模式) rather than the platform's; a button to keyboards and screen
 * readers too (`pressable`).
 */
export function Btn({
  kind = 'secondary',
  size = 'normal',
  disabled = false,
  busyText,
  onClick,
  className,
  children,
}: PropsWithChildren<BtnProps>) {
  const inactive = disabled || Boolean(busyText);
  return (
    <View
      className={classNames(
        'mq-btn',
        `mq-btn--${kind}`,
        `mq-btn--${size}`,
        inactive && 'mq-btn--inactive',
        className,
      )}
      hoverClass={inactive ? 'none' : 'mq-btn--pressed'}
      {...pressable({ disabled: inactive, onPress: onClick })}
    >
      <Text className="mq-btn__label">{busyText || children}</Text>
    </View>
  );
}
