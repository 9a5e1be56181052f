import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OtpCodeEntity } from './otp-code.entity';

@Module({
  imports: [TypeOrmModule.forFeature([OtpCodeEntity])],
  exports: [TypeOrmModule],
})
export class AuthModule {}
