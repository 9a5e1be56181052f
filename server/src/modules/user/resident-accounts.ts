import { Injectable } from '@nestjs/common';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { UserAccountEntity } from './user-account.entity';
import { UserRepository } from './user.repository';

/**
 * The resident account of a phone number, created on first use: by an SMS sign-in, or by a cadre
 * filing a request for the resident (代填, 当场解决), which is then theirs once they sign in with it.
 */
@Injectable()
export class ResidentAccounts {
  constructor(
    private readonly users: UserRepository,
    private readonly phones: PhoneCipher,
  ) {}

  byPhone(phone: string): Promise<UserAccountEntity> {
    const stored = this.phones.protect(phone);
    return this.users.findOrCreateResident({ phoneHash: stored.hash }, () => ({
      displayName: `群众${stored.masked.slice(-4)}`,
      phoneEnc: stored.enc,
      phoneMasked: stored.masked,
    }));
  }
}
