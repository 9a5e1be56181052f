import { Text, View } from '@tarojs/components';
import { MAX_VOICE_SECONDS } from '@mqlk/shared';
import { useEffect, useRef, useState } from 'react';

import type { VoiceClip } from '../hooks/use-voice';
import {
  createPlayer,
  createRecorder,
  MAX_VOICE_MS,
  RecorderUnavailable,
  type VoicePlayer,
  type VoiceRecorder as Recorder,
} from '../platform/voice';
import { classNames } from '../utils/format';
import { Btn } from './btn';
import { pressable } from './pressable';
import './voice-recorder.scss';

/** Held longer than this, the button records until it is let go; a shorter tap toggles. */
const HOLD_MS = 600;
/** The click a browser or WeChat sends after a touch is that touch's, already handled. */
const CLICK_AFTER_TOUCH_MS = 800;

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

interface VoiceRecorderProps {
  voice: VoiceClip;
  error?: string;
}

/**
 * 按住说话: press and hold to record, or tap once to start and once more to stop (for hands that
 * cannot hold); at most 60 s, with the time shown. The recording can be played back, deleted and
 * made again before the form is sent.
 */
export function VoiceRecorder({ voice, error }: VoiceRecorderProps) {
  const recorder = useRef<Recorder | null>(null);
  const player = useRef<VoicePlayer | null>(null);
  const [recording, setRecording] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [problem, setProblem] = useState('');
  const heldFrom = useRef<number | null>(null);
  const touchEndedAt = useRef(0);
  const startedAt = useRef(0);
  /** What the recorder is doing now, not as of the last render: touches come faster. */
  const phase = useRef<'idle' | 'starting' | 'recording'>('idle');

  useEffect(() => {
    if (!recording) return undefined;
    const timer = setInterval(() => {
      const ms = Date.now() - startedAt.current;
      setElapsed(ms);
      if (ms >= MAX_VOICE_MS) void stop();
    }, 250);
    return () => clearInterval(timer);
  });

  useEffect(
    () => () => {
      recorder.current?.cancel();
      player.current?.stop();
    },
    [],
  );

  const start = async () => {
    if (phase.current !== 'idle') return;
    phase.current = 'starting';
    setProblem('');
    recorder.current ??= createRecorder();
    try {
      await recorder.current.start();
    } catch (e) {
      phase.current = 'idle';
      setProblem(e instanceof RecorderUnavailable ? e.message : '录音没有成功，请再试一次');
      return;
    }
    phase.current = 'recording';
    startedAt.current = Date.now();
    setElapsed(0);
    setRecording(true);
  };

  const stop = async () => {
    // Let go while the microphone was still being asked for: it records on until tapped.
    if (phase.current !== 'recording' || !recorder.current) return;
    phase.current = 'idle';
    setRecording(false);
    try {
      voice.set(await recorder.current.stop());
    } catch (e) {
      setProblem(e instanceof RecorderUnavailable ? e.message : '录音没有成功，请再试一次');
    }
  };

  // Touch: holding records until let go; a short tap starts, and a tap while recording stops.
  const onTouchStart = () => {
    const idle = phase.current === 'idle';
    heldFrom.current = idle ? Date.now() : null;
    if (idle) void start();
  };
  const onTouchEnd = () => {
    touchEndedAt.current = Date.now();
    const from = heldFrom.current;
    if (from === null || Date.now() - from >= HOLD_MS) void stop();
  };
  // Mouse, keyboard (Enter, Space) and screen readers: each press toggles.
  const onPress = () => {
    if (Date.now() - touchEndedAt.current < CLICK_AFTER_TOUCH_MS) return;
    void (phase.current === 'idle' ? start() : stop());
  };

  const replay = () => {
    if (!voice.clip) return;
    if (playing) {
      player.current?.stop();
      setPlaying(false);
      return;
    }
    player.current = createPlayer(voice.clip.filePath);
    setPlaying(true);
    player.current.play(() => setPlaying(false));
  };

  const remove = () => {
    player.current?.stop();
    setPlaying(false);
    voice.set(null);
  };

  return (
    <View className="mq-field voice-recorder">
      <Text className="mq-label">或者用说的（最多{MAX_VOICE_SECONDS}秒，录了就可以不写字）</Text>
      {voice.clip && !recording ? (
        <View className="voice-recorder__clip">
          <Text className="voice-recorder__clip-text">
            ✓ 已录好一段{seconds(voice.clip.durationMs)}秒的语音
          </Text>
          <Btn kind="primary" onClick={replay}>
            {playing ? '■ 停止播放' : '▶ 听一遍'}
          </Btn>
          <Btn kind="secondary" onClick={remove}>
            删除重录
          </Btn>
        </View>
      ) : (
        <View
          className={classNames('voice-recorder__talk', recording && 'is-recording')}
          hoverClass="mq-btn--pressed"
          onTouchStart={onTouchStart}
          onTouchEnd={onTouchEnd}
          {...pressable({
            onPress,
            label: recording ? '正在录音，点一下结束' : '按住说话，或点一下开始录音',
          })}
        >
          <View className="voice-recorder__mic" {...{ 'aria-hidden': 'true' }} />
          <Text className="voice-recorder__label">
            {recording ? '松开或点一下结束' : '按住说话'}
          </Text>
          <Text className="voice-recorder__hint" {...{ 'aria-live': 'polite' }}>
            {recording
              ? `正在录音 ${Math.floor(elapsed / 1000)}秒 / ${MAX_VOICE_SECONDS}秒`
              : '也可以点一下开始，说完再点一下'}
          </Text>
        </View>
      )}
      {problem ? (
        <Text className="mq-field-error" {...{ role: 'alert' }}>
          {problem}
        </Text>
      ) : null}
      {error ? <Text className="mq-field-error">{error}</Text> : null}
    </View>
  );
}
