import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RequestPhotoEntity } from './request-photo.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RequestPhotoEntity])],
  exports: [TypeOrmModule],
})
export class PhotoModule {}
