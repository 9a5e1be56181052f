import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { holdsContent, MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { SerialPasses } from '../../common/serial-passes';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { WECHAT_CLIENT, type WechatClient } from '../auth/external-services';
import { PhotoService } from '../photo/photo.service';
import { UserRepository } from '../user/user.repository';
import { VoiceService } from '../voice/voice.service';
import type { ContentCheckEntity } from './content-check.entity';
import { type CheckEnd, ContentCheckRepository, NO_OPENID } from './content-check.repository';
import { decryptPush, pushSignature, signatureMatches } from './wechat-push';

const BATCH = 20;
/** A claimed check not finished within this time is taken up again (its instance died). */
const LEASE_MS = 60_000;
const MAX_BATCHES = 50;

/**
 * Told, in the transaction that holds an item, so that whoever reviews it hears of it with the
 * hold itself (the request module writes the staff's notice: the request is its table).
 */
export type HoldListener = (
  m: EntityManager,
  check: ContentCheckEntity,
  now: Date,
) => Promise<void>;

/** A pushed event's fields that matter here (JSON 数据格式). */
interface PushEvent {
  Event?: unknown;
  trace_id?: unknown;
  errcode?: unknown;
  errmsg?: unknown;
  result?: { suggest?: unknown; label?: unknown };
  Encrypt?: unknown;
}

/**
 * Sends a resident's words, photos and recording to WeChat's content security, from the outbox
 * their request wrote (content_check, state pending), and records the verdicts: the words' at
 * once (msgSecCheck), the media's when WeChat pushes them (mediaCheckAsync). Several instances
 * share the work: each check is claimed by one conditional update before it is sent.
 */
@Injectable()
export class ContentChecker {
  private readonly logger = new Logger('ContentChecker');
  private stopping = false;
  private readonly passes = new SerialPasses(() => this.pass());

  private holdListener: HoldListener | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly checks: ContentCheckRepository,
    private readonly users: UserRepository,
    private readonly photos: PhotoService,
    private readonly voices: VoiceService,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  stop(): void {
    this.stopping = true;
  }

  /** Who is told of a hold (one listener: RequestModule's staff notice). */
  whenHeld(listener: HoldListener): void {
    this.holdListener = listener;
  }

  /** Records an end; a hold is recorded with what it sets off, in one transaction. */
  private async record(
    check: ContentCheckEntity,
    end: CheckEnd,
    write: (m: EntityManager | undefined) => Promise<boolean>,
  ): Promise<void> {
    const listener = this.holdListener;
    if (end.state !== 'held' || !listener) {
      await write(undefined);
      return;
    }
    await this.db.transaction(async (m) => {
      if (await write(m)) await listener(m, check, this.clock.now());
    });
  }

  /** One pass over what is due (SerialPasses: never two at once in an instance). */
  runOnce(): Promise<{ checked: number }> {
    return this.passes.run();
  }

  /** A pass right after a submission, so its words are checked within moments; errors are logged. */
  soon(): void {
    this.runOnce().catch((err: unknown) =>
      this.logger.warn(`content check pass failed: ${(err as Error).message}`),
    );
  }

  private async pass(): Promise<{ checked: number }> {
    let checked = 0;
    for (let i = 0; i < MAX_BATCHES && !this.stopping; i++) {
      const now = this.clock.now();
      const ids = await this.checks.dueIds(now, BATCH);
      if (ids.length === 0) break;
      for (const id of ids) {
        const claimed = await this.checks.claim(id, now, new Date(now.getTime() + LEASE_MS));
        if (!claimed) continue;
        const end = await this.send(claimed);
        await this.record(claimed, end, (m) => this.checks.finish(id, end, this.clock.now(), m));
        checked += 1;
      }
    }
    return { checked };
  }

  private async send(c: ContentCheckEntity): Promise<CheckEnd> {
    const openid = (await this.users.contactsOf([c.authorUserId])).get(
      c.authorUserId,
    )?.wechatOpenid;
    if (!openid) return { state: 'unchecked', failure: NO_OPENID };
    try {
      if (c.item === 'text') {
        const verdict = await this.wechat.textCheck(c.content ?? '', openid);
        return { state: holdsContent(verdict.suggest) ? 'held' : 'passed', ...verdict };
      }
      const link =
        c.item === 'photo' ? this.photos.linkOf(c.photoId!) : this.voices.linkOf(c.voiceId!);
      const { traceId } = await this.wechat.mediaCheck(
        `${this.config.publicBaseUrl}${link}`,
        c.item === 'photo' ? 'image' : 'audio',
        openid,
      );
      return { state: 'awaiting', traceId };
    } catch (err) {
      const failure = `微信内容安全检测没有成功：${(err as Error).message}`.slice(0, 200);
      if (c.attempts < MAX_DELIVERY_ATTEMPTS) {
        const delay = retryDelaySeconds(c.attempts) * 1000;
        return {
          state: 'pending',
          failure,
          nextAttemptAt: new Date(this.clock.now().getTime() + delay),
        };
      }
      this.logger.warn(`content check ${c.id} given up: ${failure}`);
      return { state: 'unchecked', failure };
    }
  }

  /** The address check of 消息推送: the echo string, when the signature is the token's. */
  verifyAddress(query: {
    signature?: string;
    timestamp: string;
    nonce: string;
    echostr?: string;
  }): string {
    this.requireSigned(query.signature, [query.timestamp, query.nonce]);
    return query.echostr ?? '';
  }

  /**
   * A push from WeChat. A mediaCheckAsync verdict settles its check; any other event is
   * acknowledged and left alone. A verdict whose check is not known yet (the push overtook the
   * send's own record) is answered NOT_FOUND, so WeChat sends it again.
   */
  async onPush(
    query: { signature?: string; msg_signature?: string; timestamp: string; nonce: string },
    body: PushEvent,
  ): Promise<'success'> {
    const event = this.opened(query, body);
    if (event.Event !== 'wxa_media_check' || typeof event.trace_id !== 'string') return 'success';
    const check = await this.checks.findByTraceId(event.trace_id);
    if (!check) throw new AppError('NOT_FOUND');
    const suggest = event.result?.suggest;
    const end: Extract<CheckEnd, { state: 'passed' | 'held' | 'unchecked' }> =
      Number(event.errcode ?? 0) !== 0 || typeof suggest !== 'string'
        ? {
            state: 'unchecked',
            failure: `微信检测失败：${String(event.errcode)} ${String(event.errmsg)}`.slice(0, 200),
          }
        : {
            state: holdsContent(suggest) ? 'held' : 'passed',
            suggest,
            label: Number(event.result?.label ?? 0),
            traceId: event.trace_id,
          };
    await this.record(check, end, (m) => this.checks.settle(check.id, end, this.clock.now(), m));
    return 'success';
  }

  /** The event itself: checked against the token, and decrypted in 安全模式. */
  private opened(
    query: { signature?: string; msg_signature?: string; timestamp: string; nonce: string },
    body: PushEvent,
  ): PushEvent {
    if (typeof body.Encrypt !== 'string') {
      this.requireSigned(query.signature, [query.timestamp, query.nonce]);
      return body;
    }
    const aesKey = this.config.wechatPush?.aesKey;
    this.requireSigned(query.msg_signature, [query.timestamp, query.nonce, body.Encrypt]);
    const plain = aesKey
      ? decryptPush(aesKey, this.config.wechat?.appId ?? null, body.Encrypt)
      : null;
    if (plain === null) throw new AppError('FORBIDDEN');
    try {
      return JSON.parse(plain) as PushEvent;
    } catch {
      throw new AppError('FORBIDDEN');
    }
  }

  private requireSigned(given: string | undefined, parts: string[]): void {
    const token = this.config.wechatPush?.token;
    if (!token || !signatureMatches(pushSignature([token, ...parts]), given)) {
      throw new AppError('FORBIDDEN');
    }
  }
}
