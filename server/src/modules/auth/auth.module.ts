import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from '../../common/auth/auth.guard';
import { CryptoModule } from '../../common/crypto/crypto.module';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditModule } from '../audit/audit.module';
import { CadreModule } from '../cadre/cadre.module';
import { OrgModule } from '../org/org.module';
import { UserModule } from '../user/user.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CLOCK, type Clock } from '../../common/clock/clock';
import {
  SMS_SENDER,
  smsSenderFor,
  WECHAT_ACCESS_TOKEN,
  WECHAT_CLIENT,
  wechatClientFor,
} from './external-services';
import { ServiceTokenEntity } from './service-token.entity';
import { ServiceTokenRepository } from './service-token.repository';
import { WechatAccessToken } from './wechat-access-token';
import { OtpCodeEntity } from './otp-code.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([OtpCodeEntity, ServiceTokenEntity]),
    UserModule,
    CadreModule,
    OrgModule,
    CryptoModule,
    AuditModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    { provide: SMS_SENDER, inject: [APP_CONFIG], useFactory: (c: AppConfig) => smsSenderFor(c) },
    ServiceTokenRepository,
    {
      provide: WECHAT_ACCESS_TOKEN,
      inject: [APP_CONFIG, ServiceTokenRepository, CLOCK],
      useFactory: (c: AppConfig, tokens: ServiceTokenRepository, clock: Clock) =>
        c.wechat
          ? new WechatAccessToken(c.wechat.appId, c.wechat.secret, c.wechatApiBase, tokens, () =>
              clock.now(),
            )
          : null,
    },
    {
      provide: WECHAT_CLIENT,
      inject: [APP_CONFIG, WECHAT_ACCESS_TOKEN],
      useFactory: wechatClientFor,
    },
    // Every route requires a signed-in actor unless its contract says it is public.
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SMS_SENDER, WECHAT_CLIENT, WECHAT_ACCESS_TOKEN],
})
export class AuthModule {}
