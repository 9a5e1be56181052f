import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { maskPhone } from '@mqlk/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';

export interface StoredPhone {
  enc: string;
  hash: string;
  masked: string;
}

/**
 * Phone numbers at rest: AES-256-GCM (random IV, authenticated) for reading back, an HMAC for
 * finding an account by phone without decrypting every row, and the mask for every list.
 */
@Injectable()
export class PhoneCipher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  protect(phone: string): StoredPhone {
    return { enc: this.encrypt(phone), hash: this.hash(phone), masked: maskPhone(phone) };
  }

  hash(phone: string): string {
    return createHmac('sha256', this.config.phoneEncKey).update(`phone:${phone}`).digest('hex');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.phoneEncKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split(':');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown phone cipher format');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.config.phoneEncKey,
      Buffer.from(iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }
}
