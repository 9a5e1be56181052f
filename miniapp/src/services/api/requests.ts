import {
  type CancelInput,
  type ContentReviewInput,
  type PublicSummaryEditInput,
  type PublicSummaryState,
  type ConfirmationPreview,
  type ConfirmationTicket,
  DEFAULT_PAGE_SIZE,
  type EscalateInput,
  type HandledItem,
  type InboxFilter,
  type MoveResult,
  type OnBehalfInput,
  type OnSpotInput,
  type OnSpotRecorded,
  type Page,
  type RateInput,
  type RequestDetail,
  type RequestSummary,
  type ResolveInput,
  type StaffQueue,
  type StaffQueueCounts,
  type SubmitRequestInput,
  type SuperviseInput,
  type TransferInput,
  type TransferTargets,
  type VerifyInput,
} from '@mqlk/shared';

import { call } from './call';

export type { InboxFilter, StaffQueue };

/** The same key on a retry makes the server answer with the first result instead of filing twice. */
export function submitRequest(
  input: SubmitRequestInput,
  idempotencyKey: string,
): Promise<RequestDetail> {
  return call('submitRequest', { body: input, idempotencyKey });
}

/** 代填: a cadre files a request for a resident, who finds it in 我的诉求 after signing in. */
export function fileOnBehalf(input: OnBehalfInput, idempotencyKey: string): Promise<RequestDetail> {
  return call('fileOnBehalf', { body: input, idempotencyKey });
}

/** 当场解决: recorded, with a code for the resident to confirm it. */
export function recordOnSpot(input: OnSpotInput, idempotencyKey: string): Promise<OnSpotRecorded> {
  return call('recordOnSpot', { body: input, idempotencyKey });
}

/** A fresh confirmation code (the earlier one stops working), optionally sent by SMS too. */
export function confirmationTicket(id: number, sendSms: boolean): Promise<ConfirmationTicket> {
  return call('confirmationTicket', { params: { id }, body: { sendSms } });
}

export function confirmationPreview(token: string): Promise<ConfirmationPreview> {
  return call('confirmationPreview', { params: { token } });
}

/** The resident confirms a 当场解决 record from their own list (signed in with its phone). */
export function confirmRequest(id: number): Promise<MoveResult> {
  return call('confirmRequest', { params: { id }, body: {} });
}

export function confirmOnSpot(token: string): Promise<RequestDetail> {
  return call('confirm', { params: { token }, body: {} });
}

export function listMyRequests(page: number): Promise<Page<RequestSummary>> {
  return call('myRequests', { query: { page, pageSize: DEFAULT_PAGE_SIZE } });
}

export function getRequest(id: number): Promise<RequestDetail> {
  return call('requestDetail', { params: { id } });
}

export function getTransferTargets(id: number): Promise<TransferTargets> {
  return call('transferTargets', { params: { id } });
}

/* Every move answers with the request as the mover now sees it, or that it moved out of sight. */

export function withdrawRequest(id: number): Promise<MoveResult> {
  return call('withdraw', { params: { id }, body: {} });
}

export function acceptRequest(id: number, version: number): Promise<MoveResult> {
  return call('accept', { params: { id }, body: { version } });
}

export function replyToRequest(id: number, text: string): Promise<MoveResult> {
  return call('reply', { params: { id }, body: { text } });
}

export function resolveRequest(id: number, input: ResolveInput): Promise<MoveResult> {
  return call('resolve', { params: { id }, body: input });
}

export function escalateRequest(id: number, input: EscalateInput): Promise<MoveResult> {
  return call('escalate', { params: { id }, body: input });
}

export function transferRequest(id: number, input: TransferInput): Promise<MoveResult> {
  return call('transfer', { params: { id }, body: input });
}

export function rateRequest(id: number, input: RateInput): Promise<MoveResult> {
  return call('rate', { params: { id }, body: input });
}

export function verifyRequest(id: number, input: VerifyInput): Promise<MoveResult> {
  return call('verify', { params: { id }, body: input });
}

export function superviseRequest(id: number, input: SuperviseInput): Promise<MoveResult> {
  return call('supervise', { params: { id }, body: input });
}

/** 内容审核: release or withhold one held item; `holdId` is the hold's id, not the request's. */
export function reviewContent(holdId: number, input: ContentReviewInput): Promise<RequestDetail> {
  return call('reviewContent', { params: { id: holdId }, body: input });
}

export function cancelOnSpot(id: number, input: CancelInput): Promise<MoveResult> {
  return call('cancel', { params: { id }, body: input });
}

/** Requests the signed-in cadre or staff member owns, by due time. */
export function listInbox(status: InboxFilter, page: number): Promise<Page<RequestSummary>> {
  return call('inbox', { query: { status, page, pageSize: DEFAULT_PAGE_SIZE } });
}

/** 经手: what this cadre first received that now sits with someone else. */
export function listHandled(page: number): Promise<Page<HandledItem>> {
  return call('handled', { query: { page, pageSize: DEFAULT_PAGE_SIZE } });
}

export function listStaffQueue(queue: StaffQueue, page: number): Promise<Page<RequestSummary>> {
  return call('staffQueue', { query: { queue, page, pageSize: DEFAULT_PAGE_SIZE } });
}

/** How many requests wait in each staff queue, and how many notices could not be delivered. */
export function getStaffQueueCounts(): Promise<StaffQueueCounts> {
  return call('staffQueueCounts', {});
}

/** Staff change a request's 公示摘要, or take it off the village board (or put it back). */
export function editPublicSummary(
  id: number,
  input: PublicSummaryEditInput,
): Promise<PublicSummaryState> {
  return call('editPublicSummary', { params: { id }, body: input });
}
