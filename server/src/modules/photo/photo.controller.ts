import { Controller, Param, ParseIntPipe, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint } from '../../common/contract/endpoint';
import { readPhotoUpload } from './photo-upload';
import { PhotoService } from './photo.service';

@ApiTags('photos')
@Controller()
export class PhotoController {
  constructor(private readonly photos: PhotoService) {}

  /** One photo per call (JPEG, PNG or WebP, at most 5 MB); stored re-encoded, without EXIF. */
  @Endpoint('uploadPhoto')
  async upload(@CurrentActor() actor: RequestActor, @Req() request: FastifyRequest) {
    return this.photos.upload(actor, await readPhotoUpload(request));
  }

  /** The image behind a signed link from a PhotoView; `<Image>` cannot send a token. */
  @Endpoint('photoFile')
  async raw(
    @Param('id', ParseIntPipe) id: number,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.photos.readSigned(id, exp, sig);
    // Photos of residents' matters are personal data: no cache keeps them, the browser's neither.
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(file.data, { type: file.mime, length: file.data.length });
  }

  /** A cadre's portrait, public like the card; its name changes whenever the photo does. */
  @Endpoint('cadrePhoto')
  async cadrePhoto(
    @Param('name') name: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.photos.readCadrePhoto(name);
    // An hour, not forever: a removed photo should stop showing on the same day.
    void reply.header('cache-control', 'public, max-age=3600');
    return new StreamableFile(file.data, { type: file.mime, length: file.data.length });
  }
}
