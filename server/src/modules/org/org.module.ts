import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnitEntity } from './org-unit.entity';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnitEntity])],
  exports: [TypeOrmModule],
})
export class OrgModule {}
