import { randomUUID } from 'node:crypto';
import { tts } from 'tencentcloud-sdk-nodejs-tts';
import type { AppConfig } from '../../config/config';
import { refuseInProduction } from '../auth/external-services';

/**
 * Text-to-speech for 读给我听 in the weapp (H5 speaks in the browser itself). Both
 * implementations answer 16 kHz mono 16-bit WAV, which InnerAudioContext plays everywhere.
 */
export interface SpeechSynthesizer {
  /** The words spoken, as a WAV file. */
  synthesize(text: string): Promise<Buffer>;
}

export const SPEECH_SYNTHESIZER = Symbol('SPEECH_SYNTHESIZER');

const SAMPLE_RATE = 16000;

/** A WAV file around 16-bit mono PCM samples. */
export function wavOf(pcm: Buffer, sampleRate = SAMPLE_RATE): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/**
 * The local stand-in: no voice at all, a short tone per sentence, so that a developer hears that
 * the audio path works (fetched, cached, played) without a cloud account. Refused in production.
 */
export class LocalToneSynthesizer implements SpeechSynthesizer {
  /** How many texts it was asked to speak (tests check that a cached text is not spoken again). */
  calls = 0;

  async synthesize(text: string): Promise<Buffer> {
    this.calls += 1;
    const sentences = Math.min(12, Math.max(1, text.split(/[。！？]/).filter(Boolean).length));
    const tone = SAMPLE_RATE * 0.25;
    const gap = SAMPLE_RATE * 0.15;
    const pcm = Buffer.alloc((tone + gap) * sentences * 2);
    for (let s = 0; s < sentences; s++) {
      const hz = s % 2 === 0 ? 660 : 880;
      for (let i = 0; i < tone; i++) {
        const sample = Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE) * 0.3 * 32767;
        pcm.writeInt16LE(Math.round(sample), (s * (tone + gap) + i) * 2);
      }
    }
    return wavOf(pcm);
  }
}

/** Tencent Cloud's TextToVoice takes at most 150 Chinese characters a call. */
export const TENCENT_MAX_CHARS = 150;

/** Pieces of at most `max` characters, cut after a sentence or a comma where possible. */
export function splitForSpeech(text: string, max = TENCENT_MAX_CHARS): string[] {
  const pieces: string[] = [];
  let rest = Array.from(text.trim());
  while (rest.length > max) {
    const head = rest.slice(0, max);
    let cut = -1;
    for (const marks of ['。！？!?', '，、；;,']) {
      for (let i = head.length - 1; i > 0 && cut < 0; i--) {
        if (marks.includes(head[i]!)) cut = i + 1;
      }
      if (cut > 0) break;
    }
    if (cut < 0) cut = max;
    pieces.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) pieces.push(rest.join(''));
  return pieces;
}

export interface TencentTtsConfig {
  secretId: string;
  secretKey: string;
  region: string;
  voiceType: number;
}

type TtsClient = Pick<InstanceType<typeof tts.v20190823.Client>, 'TextToVoice'>;

/** Tencent Cloud text-to-speech through its official SDK: raw PCM per piece, joined into one WAV. */
export class TencentSpeechSynthesizer implements SpeechSynthesizer {
  private readonly client: TtsClient;

  constructor(
    private readonly config: TencentTtsConfig,
    client?: TtsClient,
  ) {
    this.client =
      client ??
      new tts.v20190823.Client({
        credential: { secretId: config.secretId, secretKey: config.secretKey },
        region: config.region,
        profile: { httpProfile: { endpoint: 'tts.tencentcloudapi.com', reqTimeout: 10 } },
      });
  }

  async synthesize(text: string): Promise<Buffer> {
    const pcm: Buffer[] = [];
    for (const piece of splitForSpeech(text)) {
      const answer = await this.client.TextToVoice({
        Text: piece,
        SessionId: randomUUID(),
        VoiceType: this.config.voiceType,
        PrimaryLanguage: 1,
        SampleRate: SAMPLE_RATE,
        Codec: 'pcm',
        // A little slower than usual: the people it reads to are often elderly.
        Speed: -1,
      });
      if (!answer.Audio) throw new Error('Tencent Cloud TTS answered without audio');
      pcm.push(Buffer.from(answer.Audio, 'base64'));
    }
    return wavOf(Buffer.concat(pcm));
  }
}

export function speechSynthesizerFor(config: AppConfig): SpeechSynthesizer {
  if (config.tts) return new TencentSpeechSynthesizer(config.tts);
  refuseInProduction(config, 'Text-to-speech (TTS_SECRET_ID/TTS_SECRET_KEY unset)');
  return new LocalToneSynthesizer();
}
