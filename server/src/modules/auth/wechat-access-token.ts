import { Logger } from '@nestjs/common';
import { ChannelError } from './external-services';
import type { ServiceTokenRepository } from './service-token.repository';

const TOKEN_NAME = 'wechat_access_token';
/** Renew this long before WeChat says the token expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
/** WeChat's answers that the token is no longer good (invalid, expired, not the latest). */
export const TOKEN_ERRORS = new Set([40001, 42001, 40014]);

/**
 * WeChat's access_token, one for every instance and every call that needs it (subscribe
 * messages, phone numbers, 小程序码, content security): kept in the database until shortly before
 * it expires (`stable_token` hands every caller the same token while it is valid), and a fresh one
 * fetched under the token row's lock when WeChat says ours is no longer good.
 */
export class WechatAccessToken {
  private readonly logger = new Logger('WechatAccessToken');
  /** A renewal in flight in this instance: concurrent calls wait for it instead of starting their own. */
  private renewing: Promise<string> | null = null;

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly apiBase: string,
    private readonly tokens: ServiceTokenRepository,
    private readonly now: () => Date,
  ) {}

  /** The shared token; `rejected` is one WeChat just refused, to be replaced whatever its expiry. */
  async get(rejected: string | null = null): Promise<string> {
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
      const got = await this.fetchToken(rejected !== null);
      const expiresAt = new Date(this.now().getTime() + got.expiresIn * 1000);
      await this.tokens.store(m, TOKEN_NAME, got.token, expiresAt);
      this.logger.log(`WeChat access_token renewed, valid until ${expiresAt.toISOString()}`);
      return got.token;
    });
  }

  private async fetchToken(force: boolean): Promise<{ token: string; expiresIn: number }> {
    let res: Response;
    try {
      res = await fetch(`${this.apiBase}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credential',
          appid: this.appId,
          secret: this.secret,
          force_refresh: force,
        }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (err) {
      throw new ChannelError(`微信接口无法连接：${(err as Error).message}`, true);
    }
    if (!res.ok) throw new ChannelError(`微信接口出错（HTTP ${res.status}）`, true);
    const got = (await res.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!got.access_token || !got.expires_in) {
      throw new ChannelError(
        `获取微信 access_token 失败：${got.errcode} ${got.errmsg ?? ''}`,
        true,
      );
    }
    return { token: got.access_token, expiresIn: got.expires_in };
  }
}

function fresh(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - TOKEN_MARGIN_MS > now.getTime();
}
