import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsPost {
  phone: string;
  template: string;
  params: Record<string, string>;
  ref?: string;
}

export interface WechatPost {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  access_token: string;
}

/**
 * The outside world the server talks to, on a local port: an SMS gateway (POST /sms) and the
 * WeChat API (stable_token, subscribe/send, jscode2session). It records what it receives, so a
 * test can count every message the real HTTP clients sent, and can be told to fail or be slow.
 */
export class FakeServices {
  readonly sms: SmsPost[] = [];
  readonly wechat: WechatPost[] = [];
  tokenFetches = 0;
  /** what the SMS gateway answers: 200, or an error status */
  smsStatus = 200;
  /** milliseconds each send takes (to be caught in flight) */
  delayMs = 0;
  /** openids that refused or used up their subscription (43101) */
  readonly refused = new Set<string>();
  /** openids whose messages WeChat refuses as malformed (47003): a failure for good */
  readonly failing = new Set<string>();
  /** what msg_sec_check was asked (content, openid, scene, version) */
  readonly textChecks: Record<string, unknown>[] = [];
  /** what media_check_async was asked (media_url, media_type, openid…) and the trace id given */
  readonly mediaChecks: (Record<string, unknown> & { trace_id: string })[] = [];
  /** words the fake content security finds risky (label 20003, 辱骂) */
  readonly riskyWords = new Set(['违规样例']);
  /** content security answers a system error (-1), as WeChat does when busy */
  secFailing = false;
  private tokens = new Set<string>();
  private server: http.Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** WeChat forgets every token it gave out (as when another party refreshed it). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** The openid the fake WeChat gives for a wx.login code. */
  static openidOf(code: string): string {
    return `o_${createHash('sha256').update(code).digest('hex').slice(0, 20)}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown)
      : null;
    const url = new URL(req.url ?? '/', 'http://fake');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (url.pathname === '/sms') {
      if (this.smsStatus !== 200) return json(this.smsStatus, { error: 'gateway says no' });
      this.sms.push(body as SmsPost);
      return json(200, { ok: true });
    }
    if (url.pathname === '/cgi-bin/stable_token') {
      this.tokenFetches += 1;
      const token = `token-${this.tokenFetches}`;
      this.tokens.add(token);
      return json(200, { access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      const token = url.searchParams.get('access_token') ?? '';
      if (!this.tokens.has(token))
        return json(200, { errcode: 40001, errmsg: 'invalid credential' });
      const msg = body as Omit<WechatPost, 'access_token'>;
      if (this.failing.has(msg.touser)) {
        return json(200, { errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' });
      }
      if (this.refused.has(msg.touser)) {
        return json(200, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
      }
      this.wechat.push({ ...msg, access_token: token });
      return json(200, { errcode: 0, errmsg: 'ok' });
    }
    if (url.pathname === '/wxa/msg_sec_check' || url.pathname === '/wxa/media_check_async') {
      if (!this.tokens.has(url.searchParams.get('access_token') ?? '')) {
        return json(200, { errcode: 40001, errmsg: 'invalid credential' });
      }
      if (this.secFailing) return json(200, { errcode: -1, errmsg: 'system error' });
      const asked = body as Record<string, unknown>;
      const trace_id = `trace-${this.textChecks.length + this.mediaChecks.length + 1}-${Date.now()}`;
      if (url.pathname === '/wxa/media_check_async') {
        this.mediaChecks.push({ ...asked, trace_id });
        return json(200, { errcode: 0, errmsg: 'ok', trace_id });
      }
      this.textChecks.push(asked);
      const risky = [...this.riskyWords].some((w) => String(asked.content).includes(w));
      const result = risky ? { suggest: 'risky', label: 20003 } : { suggest: 'pass', label: 100 };
      return json(200, {
        errcode: 0,
        errmsg: 'ok',
        result,
        detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90 }],
        trace_id,
      });
    }
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? '';
      return json(200, { openid: FakeServices.openidOf(code), session_key: 'k' });
    }
    return json(404, { error: 'not faked' });
  }
}
