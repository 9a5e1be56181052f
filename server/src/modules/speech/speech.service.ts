import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { cardAloud, requestDetailAloud, type SpeechView } from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { AppError } from '../../common/app-error';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CardService } from '../card/card.service';
import type { PhotoStorage } from '../photo/photo-storage';
import { RequestQueries } from '../request/request-query.service';
import { SPEECH_SYNTHESIZER, type SpeechSynthesizer } from './speech-synthesizer';

/** Where the audio is kept: beside the photos, in the same store. */
export const SPEECH_STORAGE = Symbol('SPEECH_STORAGE');

const AUDIO_NAME = /^[0-9a-f]{40}\.wav$/;

/**
 * 读给我听 for the weapp: the words come from the shared rules (the same as H5 speaks), the audio
 * from the text-to-speech service once per distinct text, kept in storage under a keyed hash of
 * the words, so every instance finds it and nobody can name audio for words of their own.
 */
@Injectable()
export class SpeechService {
  /** Texts being spoken now, so that two taps at once cost one synthesis. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SPEECH_SYNTHESIZER) private readonly synthesizer: SpeechSynthesizer,
    @Inject(SPEECH_STORAGE) private readonly storage: PhotoStorage,
    private readonly cards: CardService,
    private readonly phones: PhoneCipher,
    private readonly requests: RequestQueries,
  ) {}

  /** The cadre who answers the card today; not counted as an opening of the card (a scan). */
  async card(code: string): Promise<SpeechView> {
    const { cadre } = await this.cards.resolve(code);
    return this.speak(
      cardAloud({
        name: cadre.name,
        post: cadre.post,
        phone: this.phones.decrypt(cadre.phoneEnc),
        duties: cadre.duties,
      }),
    );
  }

  /** As the resident sees their request: its access rules are the request's own. */
  async request(actor: RequestActor, id: number): Promise<SpeechView> {
    const request = await this.requests.detail(actor, id);
    return this.speak(requestDetailAloud(request, this.clock.now()));
  }

  async audio(name: string): Promise<Buffer> {
    if (!AUDIO_NAME.test(name)) throw new AppError('NOT_FOUND');
    const data = await this.storage.get(keyOf(name));
    if (!data) throw new AppError('NOT_FOUND');
    return data;
  }

  private async speak(text: string): Promise<SpeechView> {
    const name = `${createHmac('sha256', this.config.tokenSecret)
      .update(`speech:${text}`)
      .digest('hex')
      .slice(0, 40)}.wav`;
    let making = this.pending.get(name);
    if (!making) {
      making = this.ensure(name, text).finally(() => this.pending.delete(name));
      this.pending.set(name, making);
    }
    await making;
    return { text, audioUrl: `/api/speech/audio/${name}` };
  }

  private async ensure(name: string, text: string): Promise<void> {
    if (await this.storage.get(keyOf(name))) return;
    await this.storage.put(keyOf(name), await this.synthesizer.synthesize(text), 'audio/wav');
  }
}

const keyOf = (name: string) => `speech/${name}`;
