import { Controller, Param, ParseIntPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint } from '../../common/contract/endpoint';
import { SpeechService } from './speech.service';

@ApiTags('speech')
@Controller()
export class SpeechController {
  constructor(private readonly speech: SpeechService) {}

  @Endpoint('speakCard')
  card(@Param('code') code: string) {
    return this.speech.card(code);
  }

  @Endpoint('speakRequest')
  request(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.speech.request(actor, id);
  }

  @Endpoint('speechAudio')
  async audio(
    @Param('name') name: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const data = await this.speech.audio(name);
    // The same name is always the same words: a phone may keep it for a day.
    void reply.header('cache-control', 'private, max-age=86400');
    return new StreamableFile(data, { type: 'audio/wav', length: data.length });
  }
}
