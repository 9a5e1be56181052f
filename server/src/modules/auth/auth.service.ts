import { createHmac, randomInt } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  ChangePasswordInput,
  SessionUser,
  SignInResult,
  SmsSent,
  StaffSignInInput,
} from '@mqlk/shared';
import { IsNull, type Repository } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { issueToken } from '../../common/auth/token';
import { hashPassword, verifyPassword } from '../../common/crypto/password';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { CadreRepository } from '../cadre/cadre.repository';
import { OrgRepository } from '../org/org.repository';
import type { UserAccountEntity } from '../user/user-account.entity';
import { ResidentAccounts } from '../user/resident-accounts';
import { UserRepository } from '../user/user.repository';
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
  private readonly logger = new Logger('AuthService');

  /** Compared against when the account does not exist, so timing does not reveal which accounts do. */
  private readonly decoyHash = hashPassword('decoy-password-for-timing');

  constructor(
    private readonly users: UserRepository,
    private readonly residents: ResidentAccounts,
    private readonly cadres: CadreRepository,
    private readonly org: OrgRepository,
    @InjectRepository(OtpCodeEntity) private readonly otps: Repository<OtpCodeEntity>,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient,
    private readonly phones: PhoneCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditRepository,
  ) {}

  /** Cadres', staff's and admins' sign-in; every attempt, right or wrong, is on the audit log. */
  async staffSignIn(input: StaffSignInInput, now = this.clock.now()): Promise<SignInResult> {
    const user = await this.users.findByUsername(input.username);
    if (!user || user.role === 'resident' || !user.passwordHash) {
      await verifyPassword(input.password, await this.decoyHash);
      await this.auditSignIn(null, input.username, 'no_account', now);
      throw new AppError('LOGIN_FAILED');
    }
    try {
      return await this.checkPassword(user, input, now);
    } catch (err) {
      if (err instanceof AppError) await this.auditSignIn(user, input.username, err.code, now);
      throw err;
    }
  }

  private async checkPassword(
    user: UserAccountEntity,
    input: StaffSignInInput,
    now: Date,
  ): Promise<SignInResult> {
    if (!(await this.users.reserveLoginAttempt(user.id, MAX_FAILED_LOGINS, now))) {
      throw new AppError('ACCOUNT_LOCKED');
    }
    if (await verifyPassword(input.password, user.passwordHash!)) {
      await this.users.clearLoginFailures(user.id);
      // Said only to whoever knows the password, so it gives nothing away.
      if (!user.active) throw new AppError('ACCOUNT_DISABLED');
      if (input.wechatCode) await this.bindWechat(user, input.wechatCode);
      await this.auditSignIn(user, input.username, null, now);
      return this.signIn(user, WORK_TOKEN_TTL, now);
    }
    if ((await this.users.failedLoginsOf(user.id)) < MAX_FAILED_LOGINS) {
      throw new AppError('LOGIN_FAILED');
    }
    await this.users.lockUntil(user.id, new Date(now.getTime() + LOCKOUT_MS));
    throw new AppError('ACCOUNT_LOCKED');
  }

  private async auditSignIn(
    user: UserAccountEntity | null,
    username: string,
    failure: string | null,
    now: Date,
  ): Promise<void> {
    const unitPath = user?.orgUnitId ? await this.org.pathOf(user.orgUnitId) : null;
    await this.audit.recordNow({
      actorUserId: user?.id ?? null,
      actorName: (user?.displayName ?? username).slice(0, 64),
      action: failure ? 'auth.sign_in_failed' : 'auth.sign_in',
      targetType: 'user_account',
      targetId: user?.id ?? null,
      unitPath: unitPath ?? '/',
      detail: failure ? { username: username.slice(0, 64), reason: failure } : { role: user!.role },
      at: now,
    });
  }

  /**
   * A work account changes its own password: the old one must be right. Every other session
   * ends, and this one goes on with a fresh token.
   */
  async changePassword(
    actor: RequestActor,
    input: ChangePasswordInput,
    now = this.clock.now(),
  ): Promise<SignInResult> {
    const user = await this.users.findById(actor.userId);
    if (!user?.passwordHash) throw new AppError('FORBIDDEN');
    if (!(await verifyPassword(input.oldPassword, user.passwordHash))) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'oldPassword', message: '原密码不正确' }]);
    }
    await this.users.setPassword(user.id, await hashPassword(input.newPassword), false, now);
    await this.audit.recordNow({
      ...auditActor(actor),
      action: 'auth.password_changed',
      targetType: 'user_account',
      targetId: user.id,
      unitPath: actor.orgUnitPath ?? '/',
      at: now,
    });
    const fresh = await this.users.findById(user.id);
    return this.signIn(fresh!, WORK_TOKEN_TTL, now);
  }

  async sendSmsCode(phone: string, now = this.clock.now()): Promise<SmsSent> {
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

  async smsSignIn(phone: string, code: string, now = this.clock.now()): Promise<SignInResult> {
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
    return this.signIn(await this.residents.byPhone(phone), RESIDENT_TOKEN_TTL, now);
  }

  async wechatSignIn(code: string, now = this.clock.now()): Promise<SignInResult> {
    const { openid } = await this.wechat.codeToSession(code);
    const user = await this.users.findOrCreateResident({ wechatOpenid: openid }, () => ({
      displayName: '微信用户',
    }));
    return this.signIn(user, RESIDENT_TOKEN_TTL, now);
  }

  /** A resident's session, for a sign-in made elsewhere (微信手机号登录). */
  residentSession(user: UserAccountEntity, now = this.clock.now()): Promise<SignInResult> {
    return this.signIn(user, RESIDENT_TOKEN_TTL, now);
  }

  /**
   * A cadre signing in inside WeChat: their WeChat becomes where their reminders go. Best effort:
   * a failed code exchange never stands in the way of signing in.
   */
  private async bindWechat(user: UserAccountEntity, code: string): Promise<void> {
    try {
      const { openid } = await this.wechat.codeToSession(code);
      if (user.workWechatOpenid !== openid) await this.users.bindWorkOpenid(user.id, openid);
    } catch (err) {
      this.logger.warn(`WeChat binding for account ${user.id} failed: ${(err as Error).message}`);
    }
  }

  async me(actor: RequestActor): Promise<SessionUser> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return this.sessionUser(user, actor.cadreId);
  }

  private async signIn(user: UserAccountEntity, ttl: number, now: Date): Promise<SignInResult> {
    const { token, expiresAt } = issueToken(user.id, ttl, this.config.tokenSecret, now);
    const cadre = user.role === 'resident' ? null : await this.cadres.findActiveByUserId(user.id);
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: await this.sessionUser(user, cadre?.id ?? null),
    };
  }

  private async sessionUser(user: UserAccountEntity, cadreId: number | null): Promise<SessionUser> {
    const unit = user.orgUnitId === null ? null : await this.org.findById(user.orgUnitId);
    return {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      phoneMasked: user.phoneMasked,
      orgUnitId: user.orgUnitId,
      orgUnitName: unit?.name ?? null,
      cadreId,
      mustChangePassword: user.mustChangePassword,
    };
  }

  private codeHash(phone: string, code: string): string {
    return createHmac('sha256', this.config.tokenSecret)
      .update(`otp:${phone}:${code}`)
      .digest('hex');
  }
}
