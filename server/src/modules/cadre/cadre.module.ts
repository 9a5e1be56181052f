import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CadreEntity } from './cadre.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CadreEntity])],
  exports: [TypeOrmModule],
})
export class CadreModule {}
