import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { Btn } from '../../../components/btn';
import type { ApiError } from '../../../services/http';

interface ConfirmBoxProps {
  /** 确定……吗？ */
  question: string;
  /** What will happen, in full. */
  children: ReactNode;
  confirmLabel: string;
  busyText: string;
  busy: boolean;
  /** The server's answer when the last try was refused. */
  failure?: ApiError | null;
  kind?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The step before something that cannot simply be undone (撤销, 停用, 事随人转, 重置密码): said in
 * the page itself, where the action was asked for, never as a pop-up.
 */
export function ConfirmBox({
  question,
  children,
  confirmLabel,
  busyText,
  busy,
  failure,
  kind = 'danger',
  onConfirm,
  onCancel,
}: ConfirmBoxProps) {
  return (
    <View className="office-confirm">
      <Text className="office-confirm__question">{question}</Text>
      <View className="office-confirm__body">{children}</View>
      {failure ? <Text className="office-problem">! {failure.message}</Text> : null}
      <View className="office-confirm__buttons">
        <Btn kind={kind} busyText={busy && busyText} onClick={onConfirm}>
          {confirmLabel}
        </Btn>
        <Btn kind="plain" disabled={busy} onClick={onCancel}>
          再想想
        </Btn>
      </View>
    </View>
  );
}
