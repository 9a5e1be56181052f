import {
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { PhotoView } from '@mqlk/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor, Public } from '../../common/auth/decorators';
import { PHOTO_FIELD, readPhotoUpload } from './photo-upload';
import { PhotoService } from './photo.service';

@ApiTags('photos')
@Controller('photos')
export class PhotoController {
  constructor(private readonly photos: PhotoService) {}

  /** One photo per call (JPEG, PNG or WebP, at most 5 MB); stored re-encoded, without EXIF. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { [PHOTO_FIELD]: { type: 'string', format: 'binary' } },
      required: [PHOTO_FIELD],
    },
  })
  async upload(
    @CurrentActor() actor: RequestActor,
    @Req() request: FastifyRequest,
  ): Promise<PhotoView> {
    return this.photos.upload(actor, await readPhotoUpload(request));
  }

  /** The image behind a signed link from a PhotoView; `<Image>` cannot send a token. */
  @Public()
  @Get(':id/raw')
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
}
