import { Text, View } from '@tarojs/components';
import type { VoiceView } from '@mqlk/shared';
import { useEffect, useRef, useState } from 'react';

import { createPlayer, type VoicePlayer as Player } from '../platform/voice';
import { assetUrl } from '../services/assets';
import { Btn } from './btn';
import './voice-recorder.scss';

/** A request's recording: one button to play or stop it, and what was heard in it beside. */
export function VoicePlayer({ voice }: { voice: VoiceView | null }) {
  const player = useRef<Player | null>(null);
  const [playing, setPlaying] = useState(false);
  useEffect(() => () => player.current?.stop(), []);
  if (!voice) return null;

  const seconds = Math.max(1, Math.round(voice.durationMs / 1000));
  const toggle = () => {
    if (playing) {
      player.current?.stop();
      setPlaying(false);
      return;
    }
    player.current ??= createPlayer(assetUrl(voice.url));
    setPlaying(true);
    player.current.play(() => setPlaying(false));
  };

  return (
    <View className="voice-player">
      <Btn kind="primary" onClick={toggle}>
        {playing ? '■ 停止播放' : `▶ 播放群众的语音（${seconds}秒）`}
      </Btn>
      {voice.transcript ? (
        <View className="voice-player__transcript">
          <Text className="voice-player__transcript-label">
            语音转文字（仅供参考，以录音为准）：
          </Text>
          <Text>{voice.transcript}</Text>
        </View>
      ) : null}
    </View>
  );
}
