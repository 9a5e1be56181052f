import { Logger } from '@nestjs/common';
import type { asr } from 'tencentcloud-sdk-nodejs-asr';
import { tencentAsr } from '../../common/heavy-libraries';
import type { AsrConfig } from '../../config/config';
import type { Transcriber } from './transcriber';
import type { VoiceAudio, VoiceMime } from './voice-audio';

/** What Tencent's 一句话识别 takes, by our media types; WebM is not among them. */
const VOICE_FORMATS: Record<VoiceMime, string | null> = {
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/webm': null,
};

/**
 * Tencent Cloud ASR, 一句话识别 (SentenceRecognition: up to 60 s, answered in the same call), with
 * Tencent's official SDK. A failure is logged and gives no transcript: the recording still reaches
 * the cadre, who listens to it.
 */
export class TencentTranscriber implements Transcriber {
  private readonly logger = new Logger(TencentTranscriber.name);
  private client: Promise<InstanceType<typeof asr.v20190614.Client>> | null = null;

  /** `endpoint`: where the SDK sends its calls instead of asr.tencentcloudapi.com (tests). */
  constructor(
    private readonly config: AsrConfig,
    private readonly endpoint?: { protocol: 'http://' | 'https://'; host: string },
  ) {}

  /** Made at the first recording: the SDK stays unloaded in a process that never gets one. */
  private clientOnce() {
    this.client ??= tencentAsr().then(
      (sdk) =>
        new sdk.v20190614.Client({
          credential: { secretId: this.config.secretId, secretKey: this.config.secretKey },
          region: this.config.region,
          profile: {
            httpProfile: {
              reqTimeout: 30,
              ...(this.endpoint
                ? { endpoint: this.endpoint.host, protocol: this.endpoint.protocol }
                : {}),
            },
          },
        }),
    );
    return this.client;
  }

  async transcribe(audio: VoiceAudio, data: Buffer): Promise<string | null> {
    const format = VOICE_FORMATS[audio.mime];
    if (format === null) return null;
    try {
      const client = await this.clientOnce();
      const answer = await client.SentenceRecognition({
        EngSerViceType: this.config.engine,
        SourceType: 1,
        VoiceFormat: format,
        Data: data.toString('base64'),
        DataLen: data.length,
        FilterDirty: 0,
        FilterModal: 0,
      });
      const text = answer.Result?.trim() ?? '';
      return text === '' ? null : text;
    } catch (err) {
      this.logger.warn(`transcription failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}
