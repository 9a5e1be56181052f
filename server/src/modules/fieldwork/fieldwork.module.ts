import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { CadreModule } from '../cadre/cadre.module';
import { HouseholdModule } from '../household/household.module';
import { OrgModule } from '../org/org.module';
import { RequestModule } from '../request/request.module';
import { FieldworkController } from './fieldwork.controller';
import { FieldworkService } from './fieldwork.service';
import { HouseholdPresenter } from './household-presenter';

/**
 * The cadre's work with households (联户; visits later). Apart from `household/`, the table's
 * import-free home, because it reads requests too, and the request module will import
 * `household/` for the 民困帮扶卡: one module doing both would make the modules cycle.
 */
@Module({
  imports: [AccessModule, CadreModule, CryptoModule, HouseholdModule, OrgModule, RequestModule],
  controllers: [FieldworkController],
  providers: [FieldworkService, HouseholdPresenter],
  exports: [HouseholdPresenter],
})
export class FieldworkModule {}
