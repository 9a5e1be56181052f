import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_VOICE_SECONDS, type VoiceView } from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PHOTO_STORAGE, type PhotoStorage } from '../photo/photo-storage';
import { PhotoUrlSigner } from '../photo/photo-url';
import { TRANSCRIBER, type Transcriber } from './transcriber';
import { inspectVoice } from './voice-audio';
import { VoiceRepository, type VoiceRow } from './voice.repository';

/** A recorder stopped at 60 s may still write a frame or two past it. */
const LENGTH_TOLERANCE_MS = 500;

const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/webm': 'webm',
  'audio/mp4': 'm4a',
};

export interface VoiceFile {
  data: Buffer;
  mime: string;
}

/**
 * Voice clips (语音) travel like photos: uploaded on their own first, checked by their bytes,
 * transcribed, kept in the photo storage, attached to the request when it is submitted, and
 * played through short-lived signed links.
 */
@Injectable()
export class VoiceService {
  private readonly signer: PhotoUrlSigner;

  constructor(
    private readonly voices: VoiceRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(TRANSCRIBER) private readonly transcriber: Transcriber,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.signer = new PhotoUrlSigner(config.tokenSecret, 'mqlk voice url', '/api/voices');
  }

  async upload(actor: RequestActor, data: Buffer): Promise<VoiceView> {
    const audio = await inspectVoice(data);
    if (audio === 'not_audio' || audio === 'no_duration') throw new AppError('VOICE_UNSUPPORTED');
    if (audio.durationMs > MAX_VOICE_SECONDS * 1000 + LENGTH_TOLERANCE_MS) {
      throw new AppError('VOICE_TOO_LONG');
    }
    const month = this.clock.now().toISOString().slice(0, 7).replace('-', '/');
    const storageKey = `voices/${month}/${randomUUID()}.${EXTENSIONS[audio.mime] ?? 'bin'}`;
    const transcript = await this.transcriber.transcribe(audio, data);
    // Stored first: a failed insert leaves an unreferenced file, never a row without its file.
    await this.storage.put(storageKey, data, audio.mime);
    const voice = await this.voices.insert({
      uploaderUserId: actor.userId,
      storageKey,
      mime: audio.mime,
      sizeBytes: data.length,
      durationMs: audio.durationMs,
      transcript,
    });
    return this.viewOf(voice);
  }

  /**
   * Attaches the uploader's own unattached clip to a request being created, inside its
   * transaction; any other id refuses the whole submission.
   */
  async attach(
    manager: EntityManager,
    uploaderUserId: number,
    requestId: number,
    voiceId: number | undefined,
  ): Promise<void> {
    if (voiceId === undefined) return;
    if (!(await this.voices.attachUnattached(manager, requestId, uploaderUserId, voiceId))) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'voiceId', message: '录音已失效，请重新录一段' },
      ]);
    }
  }

  /** The recording of a request, with a fresh signed link; null when it was written, not said. */
  async viewFor(requestId: number): Promise<VoiceView | null> {
    const voice = await this.voices.findByRequest(requestId);
    return voice ? this.viewOf(voice) : null;
  }

  /** A signed link to one recording (relative: prefix the public origin for someone outside). */
  linkOf(id: number): string {
    return this.signer.urlOf(id, this.clock.now());
  }

  /** The file behind a signed link. */
  async readSigned(id: number, exp: unknown, sig: unknown): Promise<VoiceFile> {
    if (this.signer.check(id, exp, sig, this.clock.now()) !== 'ok') {
      throw new AppError('FORBIDDEN');
    }
    const voice = await this.voices.findById(id);
    const data = voice ? await this.storage.get(voice.storageKey) : null;
    if (!voice || !data) throw new AppError('NOT_FOUND');
    return { data, mime: voice.mime };
  }

  private viewOf(voice: Pick<VoiceRow, 'id' | 'mime' | 'durationMs' | 'transcript'>): VoiceView {
    return {
      id: voice.id,
      url: this.signer.urlOf(voice.id, this.clock.now()),
      mime: voice.mime,
      durationMs: voice.durationMs,
      transcript: voice.transcript,
    };
  }
}
