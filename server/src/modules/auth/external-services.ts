import { createHash, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { AppConfig } from '../../config/config';

/**
 * External services behind interfaces. The local stand-ins make the product run and test offline;
 * they are refused when NODE_ENV=production, so a misconfigured production server does not start.
 */
export interface SmsSender {
  /** Sends a sign-in code. The local stand-in hands the code back so a developer can sign in. */
  sendCode(phone: string, code: string): Promise<{ devCode?: string }>;
  /** Sends the link a resident opens to confirm a matter solved on the spot (当场解决). */
  sendConfirmationLink(phone: string, link: string): Promise<{ devSms?: string }>;
  /**
   * Sends a notice's words. `ref` names the delivery, so a gateway can drop a repeat (a send whose
   * answer was lost when the process died). Throws `ChannelError` when it did not go.
   */
  sendNotice(phone: string, text: string, ref: string): Promise<void>;
}

/** A send that did not go: `retry` when trying again later may work (network, 5xx, throttling). */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** What the local stand-ins were asked to send, newest last (kept in memory for tests and trials). */
export interface LocalSent {
  to: string;
  text: string;
  ref: string;
}
const LOCAL_SENT_KEPT = 1000;

export function keepLocal(list: LocalSent[], item: LocalSent): void {
  list.push(item);
  if (list.length > LOCAL_SENT_KEPT) list.splice(0, list.length - LOCAL_SENT_KEPT);
}

export interface WechatClient {
  /** wx.login's code → the user's openid for this mini-program (code2Session). */
  codeToSession(code: string): Promise<{ openid: string }>;
  /**
   * The getPhoneNumber button's code → the phone number WeChat vouches for
   * (phonenumber.getPhoneNumber), or null when WeChat refuses the code.
   */
  phoneNumber(code: string): Promise<string | null>;
  /**
   * A mini-program code (小程序码, wxacode.getUnlimited) that opens `page` with `scene`: a PNG or
   * JPEG image. Fails with an Error when WeChat refuses.
   */
  miniProgramCode(scene: string, page: string): Promise<Buffer>;
  /**
   * 内容安全 for words (msgSecCheck, version 2), asked under the writer's openid (WeChat wants
   * one that used the mini-program lately). Fails with an Error when WeChat does not answer.
   */
  textCheck(content: string, openid: string): Promise<ContentVerdict>;
  /**
   * 内容安全 for a photo or a recording (mediaCheckAsync, version 2): WeChat fetches `url` and
   * pushes its verdict later (`wxa_media_check`, matched by the trace id returned here).
   */
  mediaCheck(url: string, kind: 'image' | 'audio', openid: string): Promise<{ traceId: string }>;
}

/** WeChat's verdict on one item: `result.suggest` (pass, risky, review) and `result.label`. */
export interface ContentVerdict {
  suggest: string;
  label: number;
  traceId: string | null;
}

/**
 * 内容安全's scene (场景值) for what a resident writes to a cadre: 2, 评论 (a comment addressed to
 * someone); 1 is a profile, 3 a forum post, 4 a social log.
 */
export const CONTENT_CHECK_SCENE = 2;

/**
 * The local stand-in flags words containing one of these (a marked sample, not a word list: the
 * real checks are WeChat's), so development and tests can produce a hold.
 */
export const LOCAL_FLAGGED_SAMPLES: Readonly<Record<string, number>> = {
  违规样例: 20003,
  待复核样例: 21000,
};

export const SMS_SENDER = Symbol('SMS_SENDER');
export const WECHAT_CLIENT = Symbol('WECHAT_CLIENT');
/** The shared `WechatAccessToken`, or null when WeChat is not configured. */
export const WECHAT_ACCESS_TOKEN = Symbol('WECHAT_ACCESS_TOKEN');

export class LocalSmsSender implements SmsSender {
  readonly notices: LocalSent[] = [];

  async sendNotice(phone: string, text: string, ref: string) {
    keepLocal(this.notices, { to: phone, text, ref });
  }

  async sendCode(_phone: string, code: string) {
    return { devCode: code };
  }

  async sendConfirmationLink(_phone: string, link: string) {
    return { devSms: `【民情联系卡】干部已登记为您当场解决的事情，请打开链接确认：${link}` };
  }
}

/** Posts `{ phone, template, params }` to an SMS gateway (the county's or a cloud provider's relay). */
export class HttpSmsSender implements SmsSender {
  constructor(private readonly gatewayUrl: string) {}

  async sendCode(phone: string, code: string) {
    await this.send(phone, 'sign_in_code', { code });
    return {};
  }

  async sendConfirmationLink(phone: string, link: string) {
    await this.send(phone, 'on_spot_confirmation', { link });
    return {};
  }

  async sendNotice(phone: string, text: string, ref: string) {
    let res: Response;
    try {
      res = await this.post(phone, 'notice', { text }, ref);
    } catch (err) {
      throw new ChannelError(`短信网关无法连接：${(err as Error).message}`, true);
    }
    // 4xx: the gateway refuses this message (a bad number, a blocked phone); retrying will not help.
    if (res.status >= 400 && res.status < 500 && res.status !== 429) {
      throw new ChannelError(`短信网关拒绝发送（HTTP ${res.status}）`, false);
    }
    if (!res.ok) throw new ChannelError(`短信网关出错（HTTP ${res.status}）`, true);
  }

  private async send(phone: string, template: string, params: Record<string, string>) {
    const res = await this.post(phone, template, params);
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }

  private post(phone: string, template: string, params: Record<string, string>, ref?: string) {
    return fetch(this.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, template, params, ...(ref ? { ref } : {}) }),
      signal: AbortSignal.timeout(5000),
    });
  }
}

/** A phone code the local stand-in reads as it is: `local-phone:13812345678` (tests, trials). */
const LOCAL_PHONE_CODE = /^local-phone:(1[3-9]\d{9})$/;

/** A photo or recording the local stand-in was asked to check; its verdict is pushed by hand. */
export interface LocalMediaCheck {
  url: string;
  kind: 'image' | 'audio';
  openid: string;
  traceId: string;
}

/** Stable per code: enough to tell local test residents apart. */
export class LocalWechatClient implements WechatClient {
  /** What mediaCheck was asked, newest last. Nothing is pushed: as with WeChat, the verdict comes
   * by POST /api/wechat/push, signed with WECHAT_PUSH_TOKEN (docs/operations.md shows how). */
  readonly mediaChecks: LocalMediaCheck[] = [];

  /** 违规样例 is risky (辱骂), 待复核样例 is for review; anything else passes. */
  async textCheck(content: string) {
    for (const [sample, label] of Object.entries(LOCAL_FLAGGED_SAMPLES)) {
      if (content.includes(sample)) {
        return { suggest: label === 21000 ? 'review' : 'risky', label, traceId: null };
      }
    }
    return { suggest: 'pass', label: 100, traceId: null };
  }

  async mediaCheck(url: string, kind: 'image' | 'audio', openid: string) {
    const traceId = `local-${randomUUID()}`;
    this.mediaChecks.push({ url, kind, openid, traceId });
    if (this.mediaChecks.length > LOCAL_SENT_KEPT) this.mediaChecks.shift();
    return { traceId };
  }

  async codeToSession(code: string) {
    return { openid: `local_${createHash('sha256').update(code).digest('hex').slice(0, 24)}` };
  }

  /**
   * `local-phone:<number>` is that number; any other code (WeChat DevTools hands out random ones)
   * a made-up 199 number, stable per code; `refuse` is refused, as WeChat refuses a spent code.
   */
  async phoneNumber(code: string) {
    if (code === 'refuse') return null;
    const given = LOCAL_PHONE_CODE.exec(code)?.[1];
    if (given) return given;
    const digits = BigInt(`0x${createHash('sha256').update(code).digest('hex').slice(0, 12)}`);
    return `199${String(digits % 100_000_000n).padStart(8, '0')}`;
  }

  /** A plain QR code of what the real one would carry, marked as a stand-in: WeChat cannot read it. */
  async miniProgramCode(scene: string, page: string) {
    return QRCode.toBuffer(`wxacode-local:${page}?scene=${scene}`, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 1,
      width: 430,
    });
  }
}

export class HttpsWechatClient implements WechatClient {
  constructor(
    private readonly appId: string,
    private readonly secret: string,
    /** the access_token every instance and the subscribe messages share (WechatAccessToken) */
    private readonly token: { get(): Promise<string> },
    private readonly apiBase = 'https://api.weixin.qq.com',
  ) {}

  private accessToken(): Promise<string> {
    return this.token.get();
  }

  async phoneNumber(code: string) {
    const body = await this.post(
      `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(await this.accessToken())}`,
      { code },
    );
    const info = body.phone_info as { purePhoneNumber?: string; countryCode?: string } | undefined;
    if (body.errcode || !info?.purePhoneNumber) return null;
    return info.countryCode && info.countryCode !== '86' ? null : info.purePhoneNumber;
  }

  async miniProgramCode(scene: string, page: string) {
    const res = await fetch(
      `${this.apiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(await this.accessToken())}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // check_path false: the card page exists in every release, and trial builds have it too.
        body: JSON.stringify({ scene, page, check_path: false, width: 430 }),
        signal: AbortSignal.timeout(10_000),
      },
    );
    if (!res.ok) throw new Error(`WeChat answered HTTP ${res.status}`);
    // An image when it worked; a JSON error otherwise.
    if ((res.headers.get('content-type') ?? '').startsWith('image/')) {
      return Buffer.from(await res.arrayBuffer());
    }
    const body = (await res.json()) as { errcode?: number; errmsg?: string };
    throw new Error(`getwxacodeunlimit failed: ${body.errcode} ${body.errmsg}`);
  }

  async textCheck(content: string, openid: string): Promise<ContentVerdict> {
    const body = await this.post(
      `/wxa/msg_sec_check?access_token=${encodeURIComponent(await this.accessToken())}`,
      { content, version: 2, scene: CONTENT_CHECK_SCENE, openid },
    );
    const result = body.result as { suggest?: unknown; label?: unknown } | undefined;
    if (body.errcode || typeof result?.suggest !== 'string') {
      throw new Error(`msg_sec_check failed: ${String(body.errcode)} ${String(body.errmsg)}`);
    }
    return {
      suggest: result.suggest,
      label: Number(result.label ?? 0),
      traceId: typeof body.trace_id === 'string' ? body.trace_id : null,
    };
  }

  async mediaCheck(url: string, kind: 'image' | 'audio', openid: string) {
    const body = await this.post(
      `/wxa/media_check_async?access_token=${encodeURIComponent(await this.accessToken())}`,
      {
        media_url: url,
        media_type: kind === 'audio' ? 1 : 2,
        version: 2,
        scene: CONTENT_CHECK_SCENE,
        openid,
      },
    );
    if (body.errcode || typeof body.trace_id !== 'string') {
      throw new Error(`media_check_async failed: ${String(body.errcode)} ${String(body.errmsg)}`);
    }
    return { traceId: body.trace_id };
  }

  private async post(path: string, payload: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.apiBase}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`WeChat answered HTTP ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  }

  async codeToSession(code: string) {
    const url = new URL(`${this.apiBase}/sns/jscode2session`);
    url.search = new URLSearchParams({
      appid: this.appId,
      secret: this.secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { openid?: string; errcode?: number; errmsg?: string };
    if (!body.openid) throw new Error(`code2Session failed: ${body.errcode} ${body.errmsg}`);
    return { openid: body.openid };
  }
}

export function refuseInProduction(config: AppConfig, what: string): void {
  if (config.nodeEnv === 'production') {
    throw new Error(
      `${what}: the local stand-in cannot run with NODE_ENV=production; configure the real service`,
    );
  }
}

export function smsSenderFor(config: AppConfig): SmsSender {
  if (config.smsGatewayUrl) return new HttpSmsSender(config.smsGatewayUrl);
  refuseInProduction(config, 'SMS (SMS_GATEWAY_URL unset)');
  return new LocalSmsSender();
}

export function wechatClientFor(
  config: AppConfig,
  token: { get(): Promise<string> } | null,
): WechatClient {
  if (config.wechat && token) {
    return new HttpsWechatClient(
      config.wechat.appId,
      config.wechat.secret,
      token,
      config.wechatApiBase,
    );
  }
  refuseInProduction(config, 'WeChat (WECHAT_APPID/WECHAT_SECRET unset)');
  return new LocalWechatClient();
}
