import {
  DEFAULT_PAGE_SIZE,
  type Page,
  type RateInput,
  type RequestDetail,
  type RequestSummary,
  type ResolveInput,
  type SubmitRequestInput,
} from '@mqlk/shared';

import { http } from '../http';

/** The same key on a retry makes the server answer with the first result instead of filing twice. */
export function submitRequest(
  input: SubmitRequestInput,
  idempotencyKey: string,
): Promise<RequestDetail> {
  return http.post<RequestDetail>('/api/requests', input, { idempotencyKey });
}

export function listMyRequests(page: number): Promise<Page<RequestSummary>> {
  return http.get<Page<RequestSummary>>('/api/requests/mine', {
    query: { page, pageSize: DEFAULT_PAGE_SIZE },
  });
}

export function getRequest(id: number): Promise<RequestDetail> {
  return http.get<RequestDetail>(`/api/requests/${id}`);
}

export function withdrawRequest(id: number): Promise<RequestDetail> {
  return http.post<RequestDetail>(`/api/requests/${id}/withdraw`, {});
}

export function acceptRequest(id: number, version: number): Promise<RequestDetail> {
  return http.post<RequestDetail>(`/api/requests/${id}/accept`, { version });
}

export function replyToRequest(id: number, text: string): Promise<RequestDetail> {
  return http.post<RequestDetail>(`/api/requests/${id}/reply`, { text });
}

export function resolveRequest(id: number, input: ResolveInput): Promise<RequestDetail> {
  return http.post<RequestDetail>(`/api/requests/${id}/resolve`, input);
}

export function rateRequest(id: number, input: RateInput): Promise<RequestDetail> {
  return http.post<RequestDetail>(`/api/requests/${id}/rate`, input);
}

export type InboxStatus = 'open' | 'done';

/** Requests the signed-in cadre or staff member owns, by due time. */
export function listInbox(status: InboxStatus, page: number): Promise<Page<RequestSummary>> {
  return http.get<Page<RequestSummary>>('/api/inbox', {
    query: { status, page, pageSize: DEFAULT_PAGE_SIZE },
  });
}

export type StaffQueue = 'conduct' | 'overdue' | 'all';

export function listStaffQueue(queue: StaffQueue, page: number): Promise<Page<RequestSummary>> {
  return http.get<Page<RequestSummary>>('/api/staff/requests', {
    query: { queue, page, pageSize: DEFAULT_PAGE_SIZE },
  });
}
