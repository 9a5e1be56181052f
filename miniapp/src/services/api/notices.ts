import {
  DEFAULT_PAGE_SIZE,
  type FailedDelivery,
  type Notice,
  type NoticeSummary,
  type Page,
  type ReadNoticesResult,
  type SubscribeTemplateIds,
} from '@mqlk/shared';

import { call } from './call';

/** The signed-in person's notices, newest first. */
export function listNotices(page: number): Promise<Page<Notice>> {
  return call('notices', { query: { page, pageSize: DEFAULT_PAGE_SIZE } });
}

export function getNoticeSummary(): Promise<NoticeSummary> {
  return call('noticeSummary', {});
}

/** Marks these notices read, or every one of the reader's when `ids` is left out. */
export function readNotices(ids?: number[]): Promise<ReadNoticesResult> {
  return call('readNotices', { body: ids ? { ids } : {} });
}

export function getSubscribeTemplates(): Promise<SubscribeTemplateIds> {
  return call('subscribeTemplates', {});
}

/** 发送失败: deliveries in the staff member's scope that ran out of attempts. */
export function listFailedDeliveries(page: number): Promise<Page<FailedDelivery>> {
  return call('failedDeliveries', { query: { page, pageSize: DEFAULT_PAGE_SIZE } });
}

/** Puts a failed delivery back in the queue; the answer says where it stands now. */
export function retryDelivery(id: number): Promise<FailedDelivery> {
  return call('retryDelivery', { params: { id }, body: {} });
}
