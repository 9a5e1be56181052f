import { Module } from '@nestjs/common';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { AuthModule } from '../auth/auth.module';
import { NoticeModule } from '../notice/notice.module';
import { RequestModule } from '../request/request.module';
import { UserModule } from '../user/user.module';
import { PhoneLinkController } from './phone-link.controller';
import { PhoneLinkService } from './phone-link.service';

/**
 * 微信手机号登录. Apart from auth because it moves requests between a person's two accounts, and
 * the request module already depends on auth.
 */
@Module({
  imports: [AuthModule, RequestModule, UserModule, CryptoModule, NoticeModule],
  controllers: [PhoneLinkController],
  providers: [PhoneLinkService],
})
export class PhoneLinkModule {}
