import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';

import { speak } from '../platform/speech';
import type { SpeechSource } from '../platform/speech-types';
import { classNames } from '../utils/format';
import { pressable } from './pressable';
import './btn.scss';
import './read-aloud.scss';

type Phase = 'idle' | 'preparing' | 'speaking';

const LABELS: Record<Phase, string> = {
  idle: '读给我听',
  preparing: '正在准备朗读…',
  speaking: '停止朗读',
};

/**
 * 读给我听: one large button that reads the page's main facts aloud, and stops when pressed
 * again. Its state is written on it and said in a live region, not only shown by colour.
 */
export function ReadAloud({ source, className }: { source: SpeechSource; className?: string }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const stop = useRef<(() => void) | null>(null);

  // Leaving the page stops the voice.
  useEffect(() => () => stop.current?.(), []);

  const press = () => {
    if (phase !== 'idle') {
      stop.current?.();
      stop.current = null;
      setPhase('idle');
      return;
    }
    setProblem(null);
    setPhase('preparing');
    stop.current = speak(source, {
      onStart: () => setPhase('speaking'),
      onEnd: () => {
        stop.current = null;
        setPhase('idle');
      },
      onError: (message) => {
        stop.current = null;
        setPhase('idle');
        setProblem(message);
      },
    });
  };

  return (
    <View className={classNames('mq-read-aloud', className)}>
      <View
        className={classNames(
          'mq-btn',
          'mq-btn--secondary',
          'mq-btn--big',
          'mq-read-aloud__button',
          phase !== 'idle' && 'mq-read-aloud__button--on',
        )}
        hoverClass="mq-btn--pressed"
        {...pressable({ onPress: press })}
      >
        {/* Shapes every CJK font has: an emoji speaker is a blank box on phones without emoji. */}
        <Text className="mq-read-aloud__icon" {...{ 'aria-hidden': 'true' }}>
          {phase === 'idle' ? '▶' : '■'}
        </Text>
        <Text className="mq-read-aloud__label">{LABELS[phase]}</Text>
      </View>
      <View className="mq-read-aloud__status" {...{ role: 'status' }}>
        {phase === 'speaking' ? <Text>正在朗读，再按一下就停止</Text> : null}
        {problem ? <Text className="mq-read-aloud__problem">{problem}</Text> : null}
      </View>
    </View>
  );
}
