import Taro from '@tarojs/taro';

import { assetUrl } from '../services/assets';
import { speakCard, speakRequest } from '../services/api/speech';
import { asApiError } from '../services/http';
import { SPEECH_FAILED, type SpeechEvents, type SpeechSource } from './speech-types';

/**
 * WeChat has no speech synthesis of its own: the server speaks the words (text-to-speech, made
 * once per text and kept), and InnerAudioContext plays them.
 */
export function speak(source: SpeechSource, events: SpeechEvents): () => void {
  let stopped = false;
  let audio: Taro.InnerAudioContext | null = null;
  const finish = () => {
    audio?.destroy();
    audio = null;
  };
  const made = source.kind === 'card' ? speakCard(source.code) : speakRequest(source.id);
  made.then(
    (view) => {
      if (stopped) return;
      // Heard even with the phone's silent switch on: the person asked for it.
      Taro.setInnerAudioOption({ obeyMuteSwitch: false }).catch(() => undefined);
      audio = Taro.createInnerAudioContext();
      audio.src = assetUrl(view.audioUrl);
      audio.onPlay(() => events.onStart());
      audio.onEnded(() => {
        finish();
        events.onEnd();
      });
      audio.onError(() => {
        finish();
        events.onError(SPEECH_FAILED);
      });
      audio.play();
    },
    (error: unknown) => {
      if (!stopped) events.onError(asApiError(error).message);
    },
  );
  return () => {
    stopped = true;
    audio?.stop();
    finish();
    events.onEnd();
  };
}
