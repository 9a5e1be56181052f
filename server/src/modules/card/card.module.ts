import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { CadreModule } from '../cadre/cadre.module';
import { HouseholdModule } from '../household/household.module';
import { OrgModule } from '../org/org.module';
import { CardController } from './card.controller';
import { CardEntity, CardScanDayEntity } from './card.entity';
import { CardRepository } from './card.repository';
import { CardService } from './card.service';
import { CardViewRepository } from './card-view.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([CardEntity, CardScanDayEntity]),
    CadreModule,
    HouseholdModule,
    OrgModule,
    CryptoModule,
  ],
  controllers: [CardController],
  providers: [CardService, CardRepository, CardViewRepository],
  exports: [CardService, CardRepository],
})
export class CardModule {}
