import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CadreEntity } from '../cadre/cadre.entity';
import { OrgModule } from '../org/org.module';
import { CardController } from './card.controller';
import { CardEntity } from './card.entity';
import { CardService } from './card.service';

@Module({
  imports: [TypeOrmModule.forFeature([CardEntity, CadreEntity]), OrgModule, AuthModule],
  controllers: [CardController],
  providers: [CardService],
  exports: [TypeOrmModule, CardService],
})
export class CardModule {}
