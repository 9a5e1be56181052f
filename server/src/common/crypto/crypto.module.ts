import { Module } from '@nestjs/common';
import { PhoneCipher } from './phone-cipher';

/** Phone numbers at rest, for every module that stores or shows one. */
@Module({ providers: [PhoneCipher], exports: [PhoneCipher] })
export class CryptoModule {}
