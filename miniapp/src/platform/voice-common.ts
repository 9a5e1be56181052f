import { MAX_VOICE_SECONDS } from '@mqlk/shared';

/** A finished recording, still on the phone. */
export interface RecordedClip {
  /** a temp path on weapp, a blob: URL in H5 */
  filePath: string;
  /** the name the upload gives it (H5; WeChat names the file itself) */
  fileName: string;
  durationMs: number;
}

/** Why recording could not start, in words for the resident. */
export class RecorderUnavailable extends Error {}

export const MAX_VOICE_MS = MAX_VOICE_SECONDS * 1000;

export const NO_PERMISSION =
  '没有得到麦克风权限，无法录音。请在设置里允许使用麦克风，或者直接写下来。';

/** One recording at a time: start, then stop (or cancel). */
export interface VoiceRecorder {
  start(): Promise<void>;
  stop(): Promise<RecordedClip>;
  cancel(): void;
}

/** Plays one clip; `onEnd` when it finishes or is stopped. */
export interface VoicePlayer {
  play(onEnd: () => void): void;
  stop(): void;
}
