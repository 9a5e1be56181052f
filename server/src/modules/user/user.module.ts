import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { ResidentAccounts } from './resident-accounts';
import { UserAccountEntity } from './user-account.entity';
import { UserRepository } from './user.repository';

@Module({
  imports: [TypeOrmModule.forFeature([UserAccountEntity]), CryptoModule],
  providers: [UserRepository, ResidentAccounts],
  exports: [UserRepository, ResidentAccounts],
})
export class UserModule {}
