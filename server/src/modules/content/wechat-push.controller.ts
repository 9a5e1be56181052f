import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WechatPushQuery } from '@mqlk/shared/server';
import { Endpoint, ValidBody, ValidQuery } from '../../common/contract/endpoint';
import { ContentChecker } from './content-checker';

/** WeChat's message push (消息推送): its address check, and its events. */
@ApiTags('wechat')
@Controller()
export class WechatPushController {
  constructor(private readonly checker: ContentChecker) {}

  @Endpoint('wechatPushCheck')
  check(@ValidQuery() query: WechatPushQuery): string {
    return this.checker.verifyAddress(query);
  }

  /** Answered `success` as WeChat asks, or an error, after which WeChat sends it again. */
  @Endpoint('wechatPush')
  push(@ValidQuery() query: WechatPushQuery, @ValidBody() body: Record<string, unknown>) {
    return this.checker.onPush(query, body);
  }
}
