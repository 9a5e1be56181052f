import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdTagEntity } from './household-tag.entity';
import { HouseholdEntity } from './household.entity';
import { HouseholdRepository } from './household.repository';
import { VisitEntity } from './visit.entity';
import { VisitRepository } from './visit.repository';

/**
 * The households' table home (and their visits'). It imports no other module: the request module will import it
 * (民困帮扶卡), so counting a household's requests happens in `fieldwork/` and `office/` instead.
 */
@Module({
  imports: [TypeOrmModule.forFeature([HouseholdEntity, HouseholdTagEntity, VisitEntity])],
  providers: [HouseholdRepository, VisitRepository],
  exports: [HouseholdRepository, VisitRepository],
})
export class HouseholdModule {}
