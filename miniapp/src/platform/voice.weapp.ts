import Taro from '@tarojs/taro';

import {
  MAX_VOICE_MS,
  NO_PERMISSION,
  type RecordedClip,
  RecorderUnavailable,
  type VoicePlayer,
  type VoiceRecorder,
} from './voice-common';

export { MAX_VOICE_MS, NO_PERMISSION, RecorderUnavailable };
export type { RecordedClip, VoicePlayer, VoiceRecorder };

/**
 * WeChat's one RecorderManager: MP3 at 48 kbit/s, mono, stopped by WeChat itself at 60 s (then
 * `stop` is answered by the clip it already has).
 */
export function createRecorder(): VoiceRecorder {
  const manager = Taro.getRecorderManager();
  let pending: ((clip: RecordedClip) => void) | null = null;
  let last: RecordedClip | null = null;
  let failed: ((error: Error) => void) | null = null;

  manager.onStop((result) => {
    last = {
      filePath: result.tempFilePath,
      fileName: 'voice.mp3',
      durationMs: Math.min(MAX_VOICE_MS, result.duration),
    };
    pending?.(last);
    pending = null;
  });
  manager.onError((error) => {
    failed?.(
      new RecorderUnavailable(
        /auth|permission/i.test(error.errMsg) ? NO_PERMISSION : '录音没有成功，请再试一次',
      ),
    );
    failed = null;
  });

  return {
    async start() {
      try {
        await Taro.authorize({ scope: 'scope.record' });
      } catch {
        throw new RecorderUnavailable(NO_PERMISSION);
      }
      last = null;
      await new Promise<void>((resolve, reject) => {
        failed = reject;
        manager.onStart(() => {
          failed = null;
          resolve();
        });
        manager.start({
          duration: MAX_VOICE_MS,
          format: 'mp3',
          sampleRate: 16000,
          numberOfChannels: 1,
          encodeBitRate: 48000,
        });
      });
    },
    stop() {
      if (last) return Promise.resolve(last);
      return new Promise<RecordedClip>((resolve, reject) => {
        pending = resolve;
        failed = reject;
        manager.stop();
      });
    },
    cancel() {
      pending = null;
      manager.stop();
    },
  };
}

/** WeChat's InnerAudioContext, playing even when the phone is on silent. */
export function createPlayer(src: string): VoicePlayer {
  let context: Taro.InnerAudioContext | null = null;
  const stop = () => {
    context?.stop();
    context?.destroy();
    context = null;
  };
  return {
    play(onEnd) {
      stop();
      const audio = Taro.createInnerAudioContext({ useWebAudioImplement: false });
      audio.obeyMuteSwitch = false;
      audio.src = src;
      const end = () => {
        stop();
        onEnd();
      };
      audio.onEnded(end);
      audio.onError(end);
      audio.play();
      context = audio;
    },
    stop,
  };
}
