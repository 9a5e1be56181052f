import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { CadreModule } from '../cadre/cadre.module';
import { CardModule } from '../card/card.module';
import { HouseholdModule } from '../household/household.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { OrgModule } from '../org/org.module';
import { PhotoModule } from '../photo/photo.module';
import { RequestModule } from '../request/request.module';
import { FieldworkController } from './fieldwork.controller';
import { FieldworkService } from './fieldwork.service';
import { HouseholdPresenter } from './household-presenter';
import { VisitPresenter } from './visit-presenter';

/**
 * The cadre's work with households (联户) and visits (走访日记). Apart from `household/`, the table's
 * import-free home, because it reads requests too, and the request module will import
 * `household/` for the 民困帮扶卡: one module doing both would make the modules cycle.
 */
@Module({
  imports: [
    AccessModule,
    CadreModule,
    CardModule,
    CryptoModule,
    HouseholdModule,
    IdempotencyModule,
    OrgModule,
    PhotoModule,
    RequestModule,
  ],
  controllers: [FieldworkController],
  providers: [FieldworkService, HouseholdPresenter, VisitPresenter],
  exports: [HouseholdPresenter],
})
export class FieldworkModule {}
