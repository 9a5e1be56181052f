import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type DispatchReport,
  localDateOf,
  MAX_DELIVERY_ATTEMPTS,
  NOTICE_KIND_TEMPLATE,
  NOTICE_PHRASES,
  RESIDENT_NOTICE_KINDS,
  retryDelaySeconds,
  smsNoticeText,
  startOfLocalDay,
} from '@mqlk/shared';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { SerialPasses } from '../../common/serial-passes';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { ChannelError, SMS_SENDER, type SmsSender } from '../auth/external-services';
import { CadreRepository } from '../cadre/cadre.repository';
import { type UserContact, UserRepository } from '../user/user.repository';
import type { NoticeEntity } from './notice.entity';
import type { NoticeDeliveryEntity } from './notice-delivery.entity';
import {
  type ClaimedDelivery,
  type DeliveryEnd,
  NoticeRepository,
  SMS_AFTER_WECHAT_MS,
} from './notice.repository';
import { fitField } from './wechat-fields';
import { WECHAT_MESSENGER, type WechatMessenger } from './wechat-messenger';

const BATCH = 20;
/** Sends in flight at once per instance: enough to keep up, few enough for a cheap gateway. */
const CONCURRENCY = 4;
/** A claimed delivery not finished within this time is taken up again (its instance died). */
export const DELIVERY_LEASE_MS = 60_000;
/** At most this many batches per pass, so that one pass ends and the loop can be stopped. */
const MAX_BATCHES = 50;

/** The mini-program page a tapped WeChat message opens (miniapp/src/constants/routes.ts). */
export const MESSAGE_PAGES = {
  resident: 'packages/resident/request/index',
  work: 'packages/work/request/index',
} as const;

interface Recipient extends UserContact {
  /** a cadre's own phone (cards print it), for their SMS */
  cadrePhoneEnc: string | null;
}

/**
 * Delivers the outbox: claims due deliveries (several instances share the work without sending
 * anything twice), sends each on its channel, and records the outcome. Failures are retried with
 * growing delays and, after the last attempt, kept for staff in the 发送失败 list.
 */
@Injectable()
export class NoticeDispatcher {
  private readonly logger = new Logger('NoticeDispatcher');

  constructor(
    private readonly notices: NoticeRepository,
    private readonly users: UserRepository,
    private readonly cadres: CadreRepository,
    private readonly phones: PhoneCipher,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(WECHAT_MESSENGER) private readonly wechat: WechatMessenger,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Set when the process shuts down: a pass ends after the batch in hand. */
  private stopping = false;

  stop(): void {
    this.stopping = true;
  }

  /** Passes in this instance run one after another, never side by side. */
  private readonly passes = new SerialPasses(() => this.pass());

  /**
   * One pass: claims and sends due deliveries until none is left. A pass asked for while one runs
   * (the loop's and the development clock's) starts after it, so an instance never has more than
   * CONCURRENCY sends in flight: all a crash can leave sent but unmarked.
   */
  runOnce(): Promise<DispatchReport> {
    return this.passes.run();
  }

  private async pass(): Promise<DispatchReport> {
    const report: DispatchReport = { delivered: 0, skipped: 0, retrying: 0, failed: 0 };
    for (let i = 0; i < MAX_BATCHES && !this.stopping; i++) {
      const claimed = await this.notices.claimDue(this.clock.now(), BATCH, DELIVERY_LEASE_MS);
      if (claimed.length === 0) break;
      const recipients = await this.recipients(claimed);
      const queue = [...claimed];
      const worker = async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const end = await this.deliver(c, recipients.get(c.notice.recipientUserId));
          const finished = await this.notices.finish(c.delivery, end, this.clock.now());
          if (finished && end.status !== 'waiting') {
            report[end.status === 'pending' ? 'retrying' : end.status] += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    }
    return report;
  }

  private async deliver(c: ClaimedDelivery, who: Recipient | undefined): Promise<DeliveryEnd> {
    const { delivery, notice } = c;
    if (!who) return { status: 'skipped', reason: '收件人账号不存在' };
    try {
      return delivery.channel === 'wechat'
        ? await this.viaWechat(notice, who, delivery)
        : await this.viaSms(notice, who, delivery);
    } catch (err) {
      const retry = err instanceof ChannelError ? err.retry : true;
      const reason = err instanceof Error ? err.message : String(err);
      if (!(err instanceof ChannelError)) this.logger.warn(`delivery ${delivery.id}: ${reason}`);
      if (retry && delivery.attempts < MAX_DELIVERY_ATTEMPTS) {
        const delay = retryDelaySeconds(delivery.attempts) * 1000;
        return {
          status: 'pending',
          reason,
          nextAttemptAt: new Date(this.clock.now().getTime() + delay),
        };
      }
      return { status: 'failed', reason };
    }
  }

  private async viaWechat(
    n: NoticeEntity,
    who: Recipient,
    d: NoticeDeliveryEntity,
  ): Promise<DeliveryEnd> {
    // Residents by the WeChat they signed in with; cadres and staff by the one bound at sign-in.
    const openid = who.role === 'resident' ? who.wechatOpenid : who.workWechatOpenid;
    if (!openid) return { status: 'skipped', reason: '对方没有在微信里登录过小程序' };
    const kind = NOTICE_KIND_TEMPLATE[n.kind];
    const template = this.config.wechatTemplates[kind];
    if (!template) return { status: 'skipped', reason: '没有配置这类订阅消息的模板' };
    const slots = {
      matter: n.detail.matter,
      status: NOTICE_PHRASES[n.kind],
      time: n.detail.time,
      note: n.body,
    };
    const data: Record<string, string> = {};
    for (const [slot, key] of Object.entries(template.fields)) {
      data[key] = fitField(key, slots[slot as keyof typeof slots]);
    }
    const page = who.role === 'resident' ? MESSAGE_PAGES.resident : MESSAGE_PAGES.work;
    const outcome = await this.wechat.send({
      openid,
      templateId: template.id,
      page: n.requestId ? `${page}?id=${n.requestId}` : page,
      data,
      ref: `d${d.id}`,
    });
    return outcome.sent ? { status: 'delivered' } : { status: 'skipped', reason: outcome.reason };
  }

  private async viaSms(
    n: NoticeEntity,
    who: Recipient,
    d: NoticeDeliveryEntity,
  ): Promise<DeliveryEnd> {
    // A resident in WeChat hears from WeChat; the SMS goes only if that message did not.
    if (who.role === 'resident' && who.wechatOpenid && RESIDENT_NOTICE_KINDS.includes(n.kind)) {
      const wechat = await this.notices.channelStatus(n.id, 'wechat');
      if (wechat === 'delivered') return { status: 'skipped', reason: '已通过微信通知' };
      if (wechat === 'pending' || wechat === 'sending') {
        const later = new Date(this.clock.now().getTime() + SMS_AFTER_WECHAT_MS);
        return { status: 'waiting', reason: '等微信通知的结果', nextAttemptAt: later };
      }
    }
    const phoneEnc = who.cadrePhoneEnc ?? who.phoneEnc;
    if (!phoneEnc) return { status: 'skipped', reason: '没有手机号' };
    const now = this.clock.now();
    const cap = this.config.smsNoticesPerPhonePerDay;
    const today = startOfLocalDay(localDateOf(now));
    // Sends in flight together are not counted yet: a burst may pass the cap by a few.
    if ((await this.notices.smsDeliveredSince(who.id, today)) >= cap) {
      return { status: 'skipped', reason: `今天的短信通知已达上限（${cap}条），消息留在小程序里` };
    }
    await this.sms.sendNotice(this.phones.decrypt(phoneEnc), smsNoticeText(n), `d${d.id}`);
    return { status: 'delivered' };
  }

  private async recipients(claimed: ClaimedDelivery[]): Promise<Map<number, Recipient>> {
    const ids = claimed.map((c) => c.notice.recipientUserId);
    const [contacts, cadres] = await Promise.all([
      this.users.contactsOf(ids),
      this.cadres.activeByUserIds(ids),
    ]);
    const out = new Map<number, Recipient>();
    for (const [id, contact] of contacts) {
      out.set(id, { ...contact, cadrePhoneEnc: cadres.get(id)?.phoneEnc ?? null });
    }
    return out;
  }
}
