import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../../common/access/access.module';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { APP_CONFIG } from '../../config/config.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { WECHAT_ACCESS_TOKEN } from '../auth/external-services';
import { CadreModule } from '../cadre/cadre.module';
import { UserModule } from '../user/user.module';
import { NoticeController } from './notice.controller';
import { NoticeDeliveryEntity } from './notice-delivery.entity';
import { NoticeDispatcher } from './notice-dispatcher';
import { NoticeEntity } from './notice.entity';
import { NoticeRepository } from './notice.repository';
import { NoticeService } from './notice.service';
import { WECHAT_MESSENGER, wechatMessengerFor } from './wechat-messenger';

/** The outbox: notices written with the moves and sweeps, and their delivery by WeChat and SMS. */
@Module({
  imports: [
    TypeOrmModule.forFeature([NoticeEntity, NoticeDeliveryEntity]),
    AccessModule,
    AuditModule,
    AuthModule,
    CadreModule,
    CryptoModule,
    UserModule,
  ],
  controllers: [NoticeController],
  providers: [
    NoticeRepository,
    NoticeService,
    NoticeDispatcher,
    {
      provide: WECHAT_MESSENGER,
      inject: [APP_CONFIG, WECHAT_ACCESS_TOKEN],
      useFactory: wechatMessengerFor,
    },
  ],
  exports: [NoticeRepository, NoticeService, NoticeDispatcher],
})
export class NoticeModule {}
