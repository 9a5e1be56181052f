import { Module } from '@nestjs/common';
import { AccessModule } from '../../common/access/access.module';
import { AuditModule } from '../audit/audit.module';
import { CadreModule } from '../cadre/cadre.module';
import { OrgModule } from '../org/org.module';
import { RatingModule } from '../rating/rating.module';
import { RequestModule } from '../request/request.module';
import { UserModule } from '../user/user.module';
import { VoiceModule } from '../voice/voice.module';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

/** 民情台账: the township office's Excel export of the requests in its scope. */
@Module({
  imports: [
    AccessModule,
    AuditModule,
    CadreModule,
    OrgModule,
    RatingModule,
    RequestModule,
    UserModule,
    VoiceModule,
  ],
  controllers: [LedgerController],
  providers: [LedgerService],
  exports: [LedgerService],
})
export class LedgerModule {}
