import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RatingEntity } from './rating.entity';
import { RatingRepository } from './rating.repository';

@Module({
  imports: [TypeOrmModule.forFeature([RatingEntity])],
  providers: [RatingRepository],
  exports: [RatingRepository],
})
export class RatingModule {}
