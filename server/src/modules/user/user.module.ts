import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserAccountEntity } from './user-account.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserAccountEntity])],
  exports: [TypeOrmModule],
})
export class UserModule {}
