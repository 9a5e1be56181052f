import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from '../../common/auth/auth.guard';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { UserAccountEntity } from '../user/user-account.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SMS_SENDER, smsSenderFor, WECHAT_CLIENT, wechatClientFor } from './external-services';
import { OtpCodeEntity } from './otp-code.entity';

@Module({
  imports: [TypeOrmModule.forFeature([OtpCodeEntity, UserAccountEntity])],
  controllers: [AuthController],
  providers: [
    AuthService,
    PhoneCipher,
    { provide: SMS_SENDER, inject: [APP_CONFIG], useFactory: (c: AppConfig) => smsSenderFor(c) },
    {
      provide: WECHAT_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => wechatClientFor(c),
    },
    // Every route requires a signed-in actor unless marked @Public().
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TypeOrmModule, PhoneCipher],
})
export class AuthModule {}
