import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { PhotoModule } from '../photo/photo.module';
import { UserModule } from '../user/user.module';
import { VoiceModule } from '../voice/voice.module';
import { ContentCheckEntity } from './content-check.entity';
import { ContentCheckRepository } from './content-check.repository';
import { ContentChecker } from './content-checker';
import { WechatPushController } from './wechat-push.controller';

/**
 * 内容安全: a resident's words, photos and recording checked by WeChat; flagged items held for
 * staff (the review itself is a request's, in RequestModule).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ContentCheckEntity]),
    AuthModule,
    PhotoModule,
    UserModule,
    VoiceModule,
  ],
  controllers: [WechatPushController],
  providers: [ContentCheckRepository, ContentChecker],
  exports: [ContentCheckRepository, ContentChecker],
})
export class ContentModule {}
