import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { OrgRepository } from './org.repository';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnitEntity])],
  providers: [OrgRepository],
  exports: [OrgRepository],
})
export class OrgModule {}
