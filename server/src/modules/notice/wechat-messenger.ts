import type { AppConfig } from '../../config/config';
import {
  ChannelError,
  keepLocal,
  type LocalSent,
  refuseInProduction,
} from '../auth/external-services';
import { TOKEN_ERRORS, type WechatAccessToken } from '../auth/wechat-access-token';

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

/** the person refused, cancelled, or has no subscription left for this template */
const REFUSED = 43101;
/** WeChat is busy (-1) or throttling (45009: the daily limit): later may work. */
const RETRYABLE = new Set([-1, 45009, 45011]);

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
}

/** The real client, with the one access_token every instance shares (`WechatAccessToken`). */
export class HttpsWechatMessenger implements WechatMessenger {
  constructor(
    private readonly apiBase: string,
    private readonly miniprogramState: 'formal' | 'trial' | 'developer',
    private readonly token: WechatAccessToken,
  ) {}

  async send(message: SubscribeMessage): Promise<SubscribeOutcome> {
    let token = await this.token.get();
    let answer = await this.post(token, message);
    if (answer.errcode !== undefined && TOKEN_ERRORS.has(answer.errcode)) {
      token = await this.token.get(token);
      answer = await this.post(token, message);
    }
    const code = answer.errcode ?? 0;
    if (code === 0) return { sent: true };
    if (code === REFUSED) return { sent: false, reason: '对方未订阅或订阅次数已用完' };
    // A token refused twice is WeChat's or our clock's trouble for a while, not this message's.
    const retry = RETRYABLE.has(code) || TOKEN_ERRORS.has(code);
    throw new ChannelError(`微信订阅消息发送失败：${code} ${answer.errmsg ?? ''}`.trim(), retry);
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

/** The real messenger when WeChat is configured; the local stand-in otherwise (never in production). */
export function wechatMessengerFor(
  config: AppConfig,
  token: WechatAccessToken | null,
): WechatMessenger {
  if (config.wechat && token) {
    return new HttpsWechatMessenger(config.wechatApiBase, config.wechatMiniprogramState, token);
  }
  refuseInProduction(config, 'WeChat subscribe messages (WECHAT_APPID/WECHAT_SECRET unset)');
  return new LocalWechatMessenger();
}
