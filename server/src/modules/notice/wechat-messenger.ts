import { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/config';
import {
  ChannelError,
  keepLocal,
  type LocalSent,
  refuseInProduction,
} from '../auth/external-services';
import type { ServiceTokenRepository } from './service-token.repository';

/** One subscribe message, its values already fitted to WeChat's field rules. */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** the mini-program page a tap opens, e.g. packages/resident/request/index?id=12 */
  page: string;
  data: Record<string, string>;
  /** names the delivery (local stand-in and logs) */
  ref: string;
}

/** Sent, or a normal reason not to (the person refused, or used up their subscriptions). */
export type SubscribeOutcome = { sent: true } | { sent: false; reason: string };

/**
 * WeChat subscribe messages (订阅消息). Throws `ChannelError` for a failure worth retrying or
 * showing to staff; a refusal is an outcome, not a failure.
 */
export interface WechatMessenger {
  send(message: SubscribeMessage): Promise<SubscribeOutcome>;
}

export const WECHAT_MESSENGER = Symbol('WECHAT_MESSENGER');

/** Records what it would send (development, tests); refused in production like every stand-in. */
export class LocalWechatMessenger implements WechatMessenger {
  readonly sent: (LocalSent & { templateId: string; page: string })[] = [];

  async send(message: SubscribeMessage): Promise<SubscribeOutcome> {
    const item = {
      to: message.openid,
      text: Object.values(message.data).join(' / '),
      ref: message.ref,
      templateId: message.templateId,
      page: message.page,
    };
    keepLocal(this.sent as LocalSent[], item);
    return { sent: true };
  }
}

const TOKEN_NAME = 'wechat_access_token';
/** Renew a token this long before WeChat says it ends, so none is used in its last minutes. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
/** access_token invalid (40001), expired (42001), or not a token (40014). */
const TOKEN_ERRORS = new Set([40001, 42001, 40014]);
/** the person refused, cancelled, or has no subscription left for this template */
const REFUSED = 43101;
/** WeChat is busy (-1) or throttling (45009: the daily limit): later may work. */
const RETRYABLE = new Set([-1, 45009, 45011]);

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/**
 * The real client: one access_token for all instances, kept in the database until shortly before
 * it expires (`stable_token`, which hands every caller the same token while it is valid), and a
 * fresh one fetched under the token row's lock when WeChat says ours is no longer good.
 */
export class HttpsWechatMessenger implements WechatMessenger {
  private readonly logger = new Logger('WechatMessenger');
  /** A renewal in flight in this instance: concurrent sends wait for it instead of starting their own. */
  private renewing: Promise<string> | null = null;

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly apiBase: string,
    private readonly miniprogramState: 'formal' | 'trial' | 'developer',
    private readonly tokens: ServiceTokenRepository,
    private readonly now: () => Date,
  ) {}

  async send(message: SubscribeMessage): Promise<SubscribeOutcome> {
    let token = await this.accessToken(null);
    let answer = await this.post(token, message);
    if (answer.errcode !== undefined && TOKEN_ERRORS.has(answer.errcode)) {
      token = await this.accessToken(token);
      answer = await this.post(token, message);
    }
    const code = answer.errcode ?? 0;
    if (code === 0) return { sent: true };
    if (code === REFUSED) return { sent: false, reason: '对方未订阅或订阅次数已用完' };
    // A token refused twice is WeChat's or our clock's trouble for a while, not this message's.
    const retry = RETRYABLE.has(code) || TOKEN_ERRORS.has(code);
    throw new ChannelError(`微信订阅消息发送失败：${code} ${answer.errmsg ?? ''}`.trim(), retry);
  }

  /** The shared token; `rejected` is one WeChat just refused, to be replaced whatever its expiry. */
  private async accessToken(rejected: string | null): Promise<string> {
    const now = this.now();
    const cached = await this.tokens.read(TOKEN_NAME);
    if (cached && cached.value && cached.value !== rejected && fresh(cached.expiresAt, now)) {
      return cached.value;
    }
    this.renewing ??= this.renew(rejected).finally(() => {
      this.renewing = null;
    });
    const token = await this.renewing;
    // A renewal already under way may have started before WeChat refused ours: ask again.
    return rejected !== null && token === rejected ? this.renew(rejected) : token;
  }

  private renew(rejected: string | null): Promise<string> {
    return this.tokens.whileHeld(TOKEN_NAME, async (current, m) => {
      // Another instance may have renewed it while we waited for the row.
      if (current.value && current.value !== rejected && fresh(current.expiresAt, this.now())) {
        return current.value;
      }
      const got = await this.call('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: this.appId,
        secret: this.secret,
        force_refresh: rejected !== null,
      });
      if (!got.access_token || !got.expires_in) {
        throw new ChannelError(
          `获取微信 access_token 失败：${got.errcode} ${got.errmsg ?? ''}`,
          true,
        );
      }
      const expiresAt = new Date(this.now().getTime() + got.expires_in * 1000);
      await this.tokens.store(m, TOKEN_NAME, got.access_token, expiresAt);
      this.logger.log(`WeChat access_token renewed, valid until ${expiresAt.toISOString()}`);
      return got.access_token;
    });
  }

  private post(token: string, message: SubscribeMessage): Promise<WechatAnswer> {
    return this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      data: Object.fromEntries(
        Object.entries(message.data).map(([key, value]) => [key, { value }]),
      ),
      miniprogram_state: this.miniprogramState,
      lang: 'zh_CN',
    });
  }

  private async call(path: string, body: unknown): Promise<WechatAnswer> {
    let res: Response;
    try {
      res = await fetch(`${this.apiBase}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
    } catch (err) {
      throw new ChannelError(`微信接口无法连接：${(err as Error).message}`, true);
    }
    if (!res.ok) throw new ChannelError(`微信接口出错（HTTP ${res.status}）`, true);
    return (await res.json()) as WechatAnswer;
  }
}

function fresh(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - TOKEN_MARGIN_MS > now.getTime();
}

/** The real messenger when WeChat is configured; the local stand-in otherwise (never in production). */
export function wechatMessengerFor(
  config: AppConfig,
  tokens: ServiceTokenRepository,
  clock: Clock,
): WechatMessenger {
  if (config.wechat) {
    return new HttpsWechatMessenger(
      config.wechat.appId,
      config.wechat.secret,
      config.wechatApiBase,
      config.wechatMiniprogramState,
      tokens,
      () => clock.now(),
    );
  }
  refuseInProduction(config, 'WeChat subscribe messages (WECHAT_APPID/WECHAT_SECRET unset)');
  return new LocalWechatMessenger();
}
