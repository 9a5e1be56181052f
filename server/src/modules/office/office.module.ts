import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { AuditModule } from '../audit/audit.module';
import { CadreModule } from '../cadre/cadre.module';
import { CardModule } from '../card/card.module';
import { FieldworkModule } from '../fieldwork/fieldwork.module';
import { HouseholdModule } from '../household/household.module';
import { OrgModule } from '../org/org.module';
import { PhotoModule } from '../photo/photo.module';
import { RequestModule } from '../request/request.module';
import { UserModule } from '../user/user.module';
import { OfficeAccounts } from './office-accounts';
import { OfficeCadres } from './office-cadres';
import { OfficeCards } from './office-cards';
import { OfficeController } from './office.controller';
import { HouseholdPlacement } from './household-placement';
import { OfficeHouseholdImport } from './office-household-import';
import { OfficeHouseholds } from './office-households';
import { OfficeVisits } from './office-visits';
import { OfficeVisitsController } from './office-visits.controller';
import { OfficeHouseholdsController } from './office-households.controller';
import { OfficeImport } from './office-import';
import { OfficeScope } from './office-scope';
import { OfficeUnits } from './office-units';
import { APP_CONFIG } from '../../config/config.module';
import { AuthModule } from '../auth/auth.module';
import { createPhotoStorage } from '../photo/photo-storage';
import { CARD_CODE_STORAGE, CardCodes } from './card-codes';

/**
 * The township office: org tree, cadres, accounts, cards, printing, import, households (联户台账),
 * the audit log.
 */
@Module({
  imports: [
    AccessModule,
    AuditModule,
    AuthModule,
    CadreModule,
    CardModule,
    CryptoModule,
    FieldworkModule,
    HouseholdModule,
    OrgModule,
    PhotoModule,
    RequestModule,
    UserModule,
  ],
  controllers: [OfficeController, OfficeHouseholdsController, OfficeVisitsController],
  providers: [
    CardCodes,
    // Kept with the photos; the local store refuses to run in production.
    { provide: CARD_CODE_STORAGE, inject: [APP_CONFIG], useFactory: createPhotoStorage },
    OfficeScope,
    OfficeUnits,
    OfficeCadres,
    OfficeCards,
    OfficeAccounts,
    OfficeImport,
    OfficeHouseholds,
    OfficeVisits,
    HouseholdPlacement,
    OfficeHouseholdImport,
  ],
})
export class OfficeModule {}
