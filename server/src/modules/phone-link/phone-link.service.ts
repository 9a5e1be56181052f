import { Inject, Injectable } from '@nestjs/common';
import { normalizePhone, type SignInResult, type WechatPhoneSignInInput } from '@mqlk/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import { AuthService } from '../auth/auth.service';
import { WECHAT_CLIENT, type WechatClient } from '../auth/external-services';
import { NoticeRepository } from '../notice/notice.repository';
import { RequestRepository } from '../request/request.repository';
import type { UserAccountEntity } from '../user/user-account.entity';
import { UserRepository } from '../user/user.repository';

/**
 * 微信手机号登录: the phone WeChat vouches for (getPhoneNumber) becomes the resident's. A cadre
 * who filed a request for that phone (代填, 当场解决) made an account of the phone; from now on this
 * WeChat signs in to that account, so the request is in 我反映的事情 at once. A WeChat account used
 * before, without a phone, joins it with its own requests.
 */
@Injectable()
export class PhoneLinkService {
  constructor(
    private readonly db: DataSource,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly phones: PhoneCipher,
    private readonly users: UserRepository,
    private readonly requests: RequestRepository,
    private readonly notices: NoticeRepository,
    private readonly auth: AuthService,
  ) {}

  async signIn(input: WechatPhoneSignInInput): Promise<SignInResult> {
    const { openid } = await this.wechat.codeToSession(input.code);
    const phone = normalizePhone(await this.wechat.phoneNumber(input.phoneCode));
    if (!phone) throw new AppError('WECHAT_PHONE_FAILED');
    const userId = await this.db.transaction((m) => this.link(m, openid, phone));
    const user = await this.users.findById(userId);
    return this.auth.residentSession(user!, this.clock.now());
  }

  /** The account this WeChat and this phone sign in to from now on. */
  private async link(m: EntityManager, openid: string, phone: string): Promise<number> {
    const stored = this.phones.protect(phone);
    const byPhone = await this.users.findResident({ phoneHash: stored.hash }, m);
    const byOpenid = await this.users.findResident({ wechatOpenid: openid }, m);
    // Another WeChat already holds this phone: a recycled number must not hand over its requests.
    if (byPhone?.wechatOpenid && byPhone.wechatOpenid !== openid) {
      throw new AppError('PHONE_LINKED_ELSEWHERE');
    }
    const phoneKeys = {
      phoneHash: stored.hash,
      phoneEnc: stored.enc,
      phoneMasked: stored.masked,
    };
    if (!byPhone && !byOpenid) {
      return this.users.insertResident(m, {
        ...phoneKeys,
        wechatOpenid: openid,
        displayName: `群众${stored.masked.slice(-4)}`,
      });
    }
    if (!byPhone) {
      await this.users.setResidentKeys(m, byOpenid!.id, phoneKeys);
      return byOpenid!.id;
    }
    if (byOpenid && byOpenid.id !== byPhone.id) await this.join(m, byOpenid, byPhone);
    if (byPhone.wechatOpenid !== openid) {
      await this.users.setResidentKeys(m, byPhone.id, { wechatOpenid: openid });
    }
    return byPhone.id;
  }

  /** The WeChat account's requests and 消息 go to the phone's account; its openid is freed for it. */
  private async join(
    m: EntityManager,
    from: UserAccountEntity,
    into: UserAccountEntity,
  ): Promise<void> {
    await this.requests.moveRequester(m, from.id, into.id);
    await this.notices.moveRecipient(m, from.id, into.id);
    await this.users.setResidentKeys(m, from.id, { wechatOpenid: null });
  }
}
