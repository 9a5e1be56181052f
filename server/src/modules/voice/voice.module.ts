import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../../config/config.module';
import { PhotoModule } from '../photo/photo.module';
import { RequestVoiceEntity } from './request-voice.entity';
import { TRANSCRIBER, createTranscriber } from './transcriber';
import { VoiceController } from './voice.controller';
import { VoiceRepository } from './voice.repository';
import { VoiceService } from './voice.service';

/** Voice clips (语音): upload, transcription, signed links; requests attach and show them. */
@Module({
  imports: [TypeOrmModule.forFeature([RequestVoiceEntity]), PhotoModule],
  controllers: [VoiceController],
  providers: [
    VoiceRepository,
    VoiceService,
    // Config refuses the local stand-in with NODE_ENV=production.
    { provide: TRANSCRIBER, inject: [APP_CONFIG], useFactory: createTranscriber },
  ],
  // The repository for the ledger, which writes transcripts where a request has no text.
  exports: [VoiceService, VoiceRepository],
})
export class VoiceModule {}
