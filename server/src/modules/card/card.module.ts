import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CardEntity } from './card.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CardEntity])],
  exports: [TypeOrmModule],
})
export class CardModule {}
