import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import type { Tone } from './badge';
import './message-screen.scss';

interface MessageScreenProps {
  tone: Tone;
  /** A symbol beside the words, so the kind of message never rests on colour alone. */
  icon: string;
  title: string;
  body?: string;
  children?: ReactNode;
}

/** A whole-screen message (error, empty, success) with the way forward underneath. */
export function MessageScreen({ tone, icon, title, body, children }: MessageScreenProps) {
  return (
    <View className={`mq-message mq-message--${tone}`}>
      <Text className="mq-message__icon">{icon}</Text>
      <Text className="mq-message__title">{title}</Text>
      {body ? <Text className="mq-message__body">{body}</Text> : null}
      {children ? <View className="mq-message__actions">{children}</View> : null}
    </View>
  );
}
