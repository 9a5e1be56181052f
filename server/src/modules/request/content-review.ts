import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTENT_DECISION_STATE,
  CONTENT_ITEM_NAMES,
  type ContentReviewInput,
  type RequestDetail,
} from '@mqlk/shared';
import type { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { ContentCheckRepository, HOLD_STATES } from '../content/content-check.repository';
import { RequestQueries } from './request-query.service';
import { RequestRepository } from './request.repository';

/**
 * 内容审核: staff in the request's scope release an item WeChat flagged (the cadre sees it) or
 * withhold it (the cadre never does), once, on the audit log.
 */
@Injectable()
export class ContentReview {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly checks: ContentCheckRepository,
    private readonly requests: RequestRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditRepository,
    private readonly queries: RequestQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async review(actor: RequestActor, id: number, input: ContentReviewInput): Promise<RequestDetail> {
    const hold = await this.checks.findById(id);
    if (!hold || !(HOLD_STATES as readonly string[]).includes(hold.state)) {
      throw new AppError('NOT_FOUND');
    }
    const r = await this.requests.findById(hold.requestId);
    this.policy.requireVisible(actor, r);
    if (hold.state !== 'held') throw new AppError('CONTENT_ALREADY_REVIEWED');
    const now = this.clock.now();
    const note = input.note ?? '';
    await this.db.transaction(async (m) => {
      const decided = await this.checks.review(
        m,
        id,
        { state: CONTENT_DECISION_STATE[input.decision], reviewerUserId: actor.userId, note },
        now,
      );
      if (!decided) throw new AppError('CONTENT_ALREADY_REVIEWED');
      await this.audit.record(m, {
        ...auditActor(actor),
        action: `content.${input.decision}`,
        targetType: 'request',
        targetId: r!.id,
        unitPath: r!.ownerUnitPath,
        detail: {
          number: r!.number,
          item: CONTENT_ITEM_NAMES[hold.item],
          ...(note ? { note } : {}),
        },
        at: now,
      });
    });
    return this.queries.detail(actor, r!.id);
  }
}
