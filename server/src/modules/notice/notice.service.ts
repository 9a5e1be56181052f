import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FailedDelivery,
  Notice,
  NoticeQuery,
  NoticeSummary,
  Page,
  PageQuery,
  ReadNoticesInput,
  ReadNoticesResult,
  SubscribeTemplateIds,
} from '@mqlk/shared';
import type { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { pageOf, sliceOf } from '../../common/paging';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { UserRepository } from '../user/user.repository';
import type { NoticeEntity } from './notice.entity';
import { type ClaimedDelivery, type FailureReader, NoticeRepository } from './notice.repository';

/** The reader's 消息, and the staff's 发送失败 list with its retry. */
@Injectable()
export class NoticeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notices: NoticeRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly policy: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: RequestActor, q: NoticeQuery): Promise<Page<Notice>> {
    const slice = sliceOf(q);
    const { rows, total } = await this.notices.listFor(actor.userId, q.unread === true, slice);
    return pageOf(slice, rows.map(noticeView), total);
  }

  async summary(actor: RequestActor): Promise<NoticeSummary> {
    return { unread: await this.notices.unreadCount(actor.userId) };
  }

  async read(actor: RequestActor, input: ReadNoticesInput): Promise<ReadNoticesResult> {
    const marked = await this.notices.markRead(actor.userId, input.ids ?? null, this.clock.now());
    return { marked, unread: await this.notices.unreadCount(actor.userId) };
  }

  templates(): SubscribeTemplateIds {
    const t = this.config.wechatTemplates;
    return {
      progress: t.progress?.id ?? null,
      newRequest: t.newRequest?.id ?? null,
      reminder: t.reminder?.id ?? null,
    };
  }

  async failed(actor: RequestActor, q: PageQuery): Promise<Page<FailedDelivery>> {
    const scope = this.policy.requireStaffScope(actor);
    const slice = sliceOf(q);
    const { rows, total } = await this.notices.failedUnder(scope, actor, slice);
    return pageOf(slice, await this.failedViews(rows), total);
  }

  countFailed(scopePath: string, reader: FailureReader): Promise<number> {
    return this.notices.countFailedUnder(scopePath, reader);
  }

  /** Puts a failed delivery back in the queue; the dispatcher sends it on its next pass. */
  async retry(actor: RequestActor, id: number): Promise<FailedDelivery> {
    const scope = this.policy.requireStaffScope(actor);
    const found = await this.notices.findDelivery(id);
    // One they may not see in the list reads as absent, so nobody can probe for it.
    if (!found || !(await this.notices.deliveryVisible(id, scope, actor))) {
      throw new AppError('NOT_FOUND');
    }
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      if (!(await this.notices.requeue(m, id, now))) throw new AppError('DELIVERY_NOT_FAILED');
      await this.audit.record(m, {
        ...auditActor(actor),
        action: 'notice.retry',
        targetType: 'notice_delivery',
        targetId: id,
        unitPath: found.notice.unitPath,
        detail: { channel: found.delivery.channel, lastError: found.delivery.lastError },
        at: now,
      });
    });
    const [view] = await this.failedViews([(await this.notices.findDelivery(id))!]);
    return view!;
  }

  private async failedViews(rows: ClaimedDelivery[]): Promise<FailedDelivery[]> {
    const names = await this.users.displayNames(rows.map((r) => r.notice.recipientUserId));
    return rows.map(({ delivery: d, notice: n }) => ({
      id: d.id,
      noticeId: n.id,
      kind: n.kind,
      channel: d.channel,
      status: d.status,
      recipientName: names.get(n.recipientUserId) ?? '',
      title: n.title,
      body: n.body,
      requestId: n.requestId,
      requestNumber: n.detail.number,
      attempts: d.attempts,
      lastError: d.lastError ?? '',
      createdAt: d.createdAt.toISOString(),
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    }));
  }
}

function noticeView(n: NoticeEntity): Notice {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    requestId: n.requestId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
