import { Text, View } from '@tarojs/components';
import { type ReactNode, useId } from 'react';

import { classNames } from '../utils/format';
import { pressable } from './pressable';
import './consent-box.scss';

interface ConsentBoxProps {
  checked: boolean;
  onToggle: () => void;
  /** The form's message when consent is missing: the box turns red and it is said underneath. */
  error?: string;
  className?: string;
  /** What is agreed to. */
  children: ReactNode;
}

/** A consent to tick: the whole line is the tap target, and a ✓ says it is given. */
export function ConsentBox({ checked, onToggle, error, className, children }: ConsentBoxProps) {
  const errorId = `${useId()}-error`;
  return (
    <>
      <View
        className={classNames(
          'mq-consent',
          checked && 'is-checked',
          error && 'is-invalid',
          className,
        )}
        {...pressable({ role: 'checkbox', checked, onPress: onToggle })}
        {...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {})}
      >
        <Text className="mq-consent__box">{checked ? '✓' : ''}</Text>
        <Text className="mq-consent__text">{children}</Text>
      </View>
      {error ? (
        <Text className="mq-field-error" id={errorId}>
          {error}
        </Text>
      ) : null}
    </>
  );
}
