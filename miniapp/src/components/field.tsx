import { Text, View } from '@tarojs/components';
import { type ReactNode, useId } from 'react';

import { classNames } from '../utils/format';

/**
 * What a field's input passes to its native element (Taro's `nativeProps`, H5 only): its label,
 * whether it is invalid and the message that says why.
 */
export type FieldA11y = Record<string, string>;

/** Digits only (phones, codes): the phone's number pad in H5 without a number spinner. */
export const NUMERIC: FieldA11y = { type: 'tel', inputMode: 'numeric' };

interface FieldProps {
  label: string;
  error?: string;
  className?: string;
  /** The input, given the attributes that tie it to the label and the message. */
  children: (a11y: FieldA11y) => ReactNode;
  /** Below the input, above the message (a count, a hint). */
  after?: ReactNode;
}

/** A labelled field whose message is read with it: one home for label, input and error. */
export function Field({ label, error, className, children, after }: FieldProps) {
  const id = useId();
  const labelId = `${id}label`;
  const errorId = `${id}error`;
  const a11y: FieldA11y = { 'aria-labelledby': labelId };
  if (error) Object.assign(a11y, { 'aria-invalid': 'true', 'aria-describedby': errorId });
  return (
    <View className={classNames('mq-field', className)}>
      <Text className="mq-label" id={labelId}>
        {label}
      </Text>
      {children(a11y)}
      {after}
      {error ? (
        <Text className="mq-field-error" id={errorId}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
