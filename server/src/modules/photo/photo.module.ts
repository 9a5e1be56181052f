import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../../config/config.module';
import { CadreModule } from '../cadre/cadre.module';
import { PhotoController } from './photo.controller';
import { PhotoRepository } from './photo.repository';
import { PhotoService } from './photo.service';
import { PHOTO_STORAGE, createPhotoStorage } from './photo-storage';
import { RequestPhotoEntity } from './request-photo.entity';

/** Photo upload and signed links; other modules use PhotoService to attach and show photos. */
@Module({
  imports: [TypeOrmModule.forFeature([RequestPhotoEntity]), CadreModule],
  controllers: [PhotoController],
  providers: [
    PhotoRepository,
    PhotoService,
    // Built at start: local disk refuses to run with NODE_ENV=production.
    { provide: PHOTO_STORAGE, inject: [APP_CONFIG], useFactory: createPhotoStorage },
  ],
  // The storage too: voice clips are kept in the same place as photos.
  exports: [PhotoService, PHOTO_STORAGE],
})
export class PhotoModule {}
