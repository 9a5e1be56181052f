import { createHmac, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SessionUser, SignInResult, SmsSent, StaffSignInInput } from '@mqlk/shared';
import { IsNull, type Repository } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { issueToken } from '../../common/auth/token';
import { hashPassword, verifyPassword } from '../../common/crypto/password';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/errors';
import { UserAccountEntity } from '../user/user-account.entity';
import { SMS_SENDER, type SmsSender, WECHAT_CLIENT, type WechatClient } from './external-services';
import { OtpCodeEntity } from './otp-code.entity';

const RESIDENT_TOKEN_TTL = 30 * 24 * 3600;
const WORK_TOKEN_TTL = 12 * 3600;
const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60 * 1000;
const OTP_TTL_MS = 5 * 60 * 1000;
const OTP_RESEND_SECONDS = 60;
const OTP_MAX_ATTEMPTS = 5;

@Injectable()
export class AuthService {
  /** Compared against when the account does not exist, so timing does not reveal which accounts do. */
  private readonly decoyHash = hashPassword('decoy-password-for-timing');

  constructor(
    @InjectRepository(UserAccountEntity) private readonly users: Repository<UserAccountEntity>,
    @InjectRepository(OtpCodeEntity) private readonly otps: Repository<OtpCodeEntity>,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient,
    private readonly phones: PhoneCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async staffSignIn(input: StaffSignInInput, now = new Date()): Promise<SignInResult> {
    const user = await this.users.findOne({ where: { username: input.username } });
    if (!user || user.role === 'resident' || !user.passwordHash) {
      await verifyPassword(input.password, await this.decoyHash);
      throw new AppError('LOGIN_FAILED');
    }
    // Reserve the attempt before the slow hash check, so parallel guesses cannot outrun the count.
    const reserved = await this.users
      .createQueryBuilder()
      .update()
      .set({ failedLogins: () => 'failed_logins + 1' })
      .where(
        'id = :id AND failed_logins < :max AND (locked_until IS NULL OR locked_until <= :now)',
        {
          id: user.id,
          max: MAX_FAILED_LOGINS,
          now,
        },
      )
      .execute();
    if (reserved.affected !== 1) throw new AppError('ACCOUNT_LOCKED');
    if (await verifyPassword(input.password, user.passwordHash)) {
      await this.users.update(user.id, { failedLogins: 0, lockedUntil: null });
      return this.signIn(user, WORK_TOKEN_TTL, now);
    }
    const after = await this.users.findOneOrFail({ where: { id: user.id } });
    if (after.failedLogins < MAX_FAILED_LOGINS) throw new AppError('LOGIN_FAILED');
    await this.users.update(user.id, {
      failedLogins: 0,
      lockedUntil: new Date(now.getTime() + LOCKOUT_MS),
    });
    throw new AppError('ACCOUNT_LOCKED');
  }

  async sendSmsCode(phone: string, now = new Date()): Promise<SmsSent> {
    const phoneHash = this.phones.hash(phone);
    const last = await this.otps.findOne({ where: { phoneHash }, order: { id: 'DESC' } });
    if (last && now.getTime() - last.createdAt.getTime() < OTP_RESEND_SECONDS * 1000) {
      throw new AppError('RATE_LIMITED');
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.otps.insert({
      phoneHash,
      codeHash: this.codeHash(phone, code),
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
      attempts: 0,
      consumedAt: null,
    });
    const sent = await this.sms.sendCode(phone, code);
    return {
      phoneMasked: this.phones.protect(phone).masked,
      resendAfterSeconds: OTP_RESEND_SECONDS,
      ...sent,
    };
  }

  async smsSignIn(phone: string, code: string, now = new Date()): Promise<SignInResult> {
    const phoneHash = this.phones.hash(phone);
    const otp = await this.otps.findOne({
      where: { phoneHash, consumedAt: IsNull() },
      order: { id: 'DESC' },
    });
    if (!otp || otp.expiresAt.getTime() < now.getTime()) throw new AppError('OTP_INVALID');
    // Each guess takes an attempt atomically, and a right code is used up exactly once.
    const attempt = await this.otps
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :max AND consumed_at IS NULL', {
        id: otp.id,
        max: OTP_MAX_ATTEMPTS,
      })
      .execute();
    if (attempt.affected !== 1 || otp.codeHash !== this.codeHash(phone, code)) {
      throw new AppError('OTP_INVALID');
    }
    const used = await this.otps
      .createQueryBuilder()
      .update()
      .set({ consumedAt: now })
      .where('id = :id AND consumed_at IS NULL', { id: otp.id })
      .execute();
    if (used.affected !== 1) throw new AppError('OTP_INVALID');
    const user = await this.findOrCreateResident({ phoneHash }, () => {
      const stored = this.phones.protect(phone);
      return {
        displayName: `群众${stored.masked.slice(-4)}`,
        phoneHash: stored.hash,
        phoneEnc: stored.enc,
        phoneMasked: stored.masked,
      };
    });
    return this.signIn(user, RESIDENT_TOKEN_TTL, now);
  }

  async wechatSignIn(code: string, now = new Date()): Promise<SignInResult> {
    const { openid } = await this.wechat.codeToSession(code);
    const user = await this.findOrCreateResident({ wechatOpenid: openid }, () => ({
      displayName: '微信用户',
      wechatOpenid: openid,
    }));
    return this.signIn(user, RESIDENT_TOKEN_TTL, now);
  }

  /** One account per phone or openid, even when two sign-ins race (the unique index decides). */
  private async findOrCreateResident(
    where: { phoneHash: string } | { wechatOpenid: string },
    fields: () => Partial<UserAccountEntity>,
  ): Promise<UserAccountEntity> {
    const existing = await this.users.findOne({ where });
    if (existing) return existing;
    try {
      return await this.users.save(this.users.create({ role: 'resident', ...fields() }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.users.findOneOrFail({ where });
    }
  }

  async me(actor: RequestActor): Promise<SessionUser> {
    const user = await this.users.findOneOrFail({ where: { id: actor.userId } });
    return this.sessionUser(user, actor.cadreId);
  }

  private async signIn(user: UserAccountEntity, ttl: number, now: Date): Promise<SignInResult> {
    const { token, expiresAt } = issueToken(user.id, ttl, this.config.tokenSecret, now);
    const cadre: { id: number }[] = await this.users.query(
      'SELECT id FROM cadre WHERE user_id = ? AND active = 1',
      [user.id],
    );
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: await this.sessionUser(user, cadre[0]?.id ?? null),
    };
  }

  private async sessionUser(user: UserAccountEntity, cadreId: number | null): Promise<SessionUser> {
    const unit: { name: string }[] = user.orgUnitId
      ? await this.users.query('SELECT name FROM org_unit WHERE id = ?', [user.orgUnitId])
      : [];
    return {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      phoneMasked: user.phoneMasked,
      orgUnitId: user.orgUnitId,
      orgUnitName: unit[0]?.name ?? null,
      cadreId,
    };
  }

  private codeHash(phone: string, code: string): string {
    return createHmac('sha256', this.config.tokenSecret)
      .update(`otp:${phone}:${code}`)
      .digest('hex');
  }
}
