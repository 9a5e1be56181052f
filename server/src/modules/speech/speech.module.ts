import { Module } from '@nestjs/common';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { APP_CONFIG } from '../../config/config.module';
import { CardModule } from '../card/card.module';
import { createPhotoStorage } from '../photo/photo-storage';
import { RequestModule } from '../request/request.module';
import { SpeechController } from './speech.controller';
import { SPEECH_SYNTHESIZER, speechSynthesizerFor } from './speech-synthesizer';
import { SPEECH_STORAGE, SpeechService } from './speech.service';

/** 读给我听 in the weapp: the server's text-to-speech of a card or a request's status. */
@Module({
  imports: [CardModule, RequestModule, CryptoModule],
  controllers: [SpeechController],
  providers: [
    SpeechService,
    // Built at start: both stand-ins refuse to run with NODE_ENV=production.
    { provide: SPEECH_SYNTHESIZER, inject: [APP_CONFIG], useFactory: speechSynthesizerFor },
    { provide: SPEECH_STORAGE, inject: [APP_CONFIG], useFactory: createPhotoStorage },
  ],
})
export class SpeechModule {}
