import { Controller, Param, ParseIntPipe, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint } from '../../common/contract/endpoint';
import { readVoiceUpload } from './voice-upload';
import { VoiceService } from './voice.service';

@ApiTags('voices')
@Controller()
export class VoiceController {
  constructor(private readonly voices: VoiceService) {}

  /** One recording per call (MP3, AAC, WebM/Opus or MP4 audio, at most 60 s and 2 MB). */
  @Endpoint('uploadVoice')
  async upload(@CurrentActor() actor: RequestActor, @Req() request: FastifyRequest) {
    return this.voices.upload(actor, await readVoiceUpload(request));
  }

  /** The recording behind a signed link from a VoiceView; `<audio>` cannot send a token. */
  @Endpoint('voiceFile')
  async raw(
    @Param('id', ParseIntPipe) id: number,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.voices.readSigned(id, exp, sig);
    // A resident's voice is personal data: no cache keeps it.
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(file.data, { type: file.mime, length: file.data.length });
  }
}
