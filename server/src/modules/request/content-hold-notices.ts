import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContentChecker } from '../content/content-checker';
import { RequestNotices } from './request-notices';
import { RequestRepository } from './request.repository';

/**
 * When WeChat's content security holds an item, the staff of the request's township hear of it
 * (消息, and WeChat when bound), in the transaction that holds it.
 */
@Injectable()
export class ContentHoldNotices implements OnModuleInit {
  constructor(
    private readonly checker: ContentChecker,
    private readonly requests: RequestRepository,
    private readonly notices: RequestNotices,
  ) {}

  onModuleInit(): void {
    this.checker.whenHeld(async (m, check, now) => {
      const r = await this.requests.findById(check.requestId, m);
      if (r) await this.notices.contentHeld(m, r, check.id, now);
    });
  }
}
