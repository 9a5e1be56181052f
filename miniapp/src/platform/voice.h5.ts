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

/** Chromium and Firefox record WebM/Opus, Safari MP4; the server reads either. */
const TYPES: [string, string][] = [
  ['audio/webm;codecs=opus', 'voice.webm'],
  ['audio/webm', 'voice.webm'],
  ['audio/mp4', 'voice.m4a'],
];

const CANNOT_RECORD =
  '这个浏览器不能录音。请在微信里打开，或者换一个浏览器（如手机自带浏览器），也可以直接写下来。';

/** MediaRecorder on the microphone; a plain message where the browser cannot record. */
export function createRecorder(): VoiceRecorder {
  let recorder: MediaRecorder | null = null;
  let stream: MediaStream | null = null;
  let chunks: Blob[] = [];
  let startedAt = 0;
  let type: [string, string] = TYPES[0]!;

  const release = () => {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    recorder = null;
  };

  return {
    async start() {
      const found =
        typeof MediaRecorder === 'undefined'
          ? undefined
          : TYPES.find(([mime]) => MediaRecorder.isTypeSupported(mime));
      if (!found || !navigator.mediaDevices?.getUserMedia) {
        throw new RecorderUnavailable(CANNOT_RECORD);
      }
      type = found;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch {
        throw new RecorderUnavailable(NO_PERMISSION);
      }
      chunks = [];
      recorder = new MediaRecorder(stream, { mimeType: found[0], audioBitsPerSecond: 64_000 });
      recorder.ondataavailable = (e) => chunks.push(e.data);
      recorder.start();
      startedAt = Date.now();
    },
    stop() {
      const active = recorder;
      if (!active) return Promise.reject(new RecorderUnavailable(CANNOT_RECORD));
      return new Promise<RecordedClip>((resolve) => {
        active.onstop = () => {
          const blob = new Blob(chunks, { type: type[0] });
          release();
          resolve({
            filePath: URL.createObjectURL(blob),
            fileName: type[1],
            durationMs: Math.min(MAX_VOICE_MS, Date.now() - startedAt),
          });
        };
        active.stop();
      });
    },
    cancel() {
      if (recorder && recorder.state !== 'inactive') {
        recorder.onstop = null;
        recorder.stop();
      }
      release();
    },
  };
}

/** An `<audio>` element in the page (hidden: the control is our own button). */
export function createPlayer(src: string): VoicePlayer {
  let audio: HTMLAudioElement | null = null;
  const stop = () => {
    audio?.pause();
    audio?.remove();
    audio = null;
  };
  return {
    play(onEnd) {
      stop();
      const element = document.createElement('audio');
      element.className = 'mq-voice-audio';
      element.src = src;
      element.hidden = true;
      const end = () => {
        stop();
        onEnd();
      };
      element.onended = end;
      element.onerror = end;
      document.body.appendChild(element);
      audio = element;
      void element.play().catch(end);
    },
    stop,
  };
}
