import type { AppConfig } from '../../config/config';
import { TencentTranscriber } from './tencent-transcriber';
import type { VoiceAudio } from './voice-audio';

/**
 * Speech to text for a resident's recording (语音转文字). A transcript is a help for the reader and
 * for search, never a replacement for the recording: null when nothing was heard, or when the
 * provider cannot take this format or was not reached.
 */
export interface Transcriber {
  transcribe(audio: VoiceAudio, data: Buffer): Promise<string | null>;
}

/** Injection token: `@Inject(TRANSCRIBER) transcriber: Transcriber`. */
export const TRANSCRIBER = Symbol('TRANSCRIBER');

/** Marks the local stand-in's transcript, so nobody takes it for what the resident said. */
export const LOCAL_TRANSCRIPT_PREFIX = '【本地测试转写】';

/**
 * The development and test stand-in: no provider is called; it says how long the recording was,
 * clearly marked. Config refuses it when NODE_ENV=production.
 */
export class LocalTranscriber implements Transcriber {
  transcribe(audio: VoiceAudio): Promise<string | null> {
    const seconds = Math.max(1, Math.round(audio.durationMs / 1000));
    return Promise.resolve(`${LOCAL_TRANSCRIPT_PREFIX}一段${seconds}秒的语音`);
  }
}

/** Tencent Cloud ASR when configured; else the local stand-in (refused in production by config). */
export function createTranscriber(config: AppConfig): Transcriber {
  return config.asr ? new TencentTranscriber(config.asr) : new LocalTranscriber();
}
