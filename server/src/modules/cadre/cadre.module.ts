import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CadreEntity } from './cadre.entity';
import { CadreRepository } from './cadre.repository';

@Module({
  imports: [TypeOrmModule.forFeature([CadreEntity])],
  providers: [CadreRepository],
  exports: [CadreRepository],
})
export class CadreModule {}
