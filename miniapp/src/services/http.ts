import Taro from '@tarojs/taro';
import { ERRORS, isErrorCode, type ErrorCode, type FieldIssue } from '@mqlk/shared';

/** Code of an ApiError raised when no HTTP answer arrived at all (offline, timeout, DNS). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const NETWORK_ERROR_MESSAGE = '网络不太好，请检查网络后重试';

export type ApiErrorCode = ErrorCode | typeof NETWORK_ERROR;

/** What every failed call rejects with; `message` is plain Chinese, ready to show. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly details: FieldIssue[];
  readonly requestId: string | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    status: number,
    extra: { details?: FieldIssue[]; requestId?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = extra.details ?? [];
    this.requestId = extra.requestId;
  }
}

// PATCH is left out on purpose: wx.request does not support it.
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Path below the API base, e.g. `/api/cards/ABC123`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  data?: unknown;
  /** Sent as `Idempotency-Key` so a retried submission is not filed twice. */
  idempotencyKey?: string;
  timeout?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

let baseUrl = '';
let authToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;

export function setApiBaseUrl(url: string): void {
  baseUrl = url.replace(/\/+$/, '');
}

export function setAuthToken(token: string | null): void {
  authToken = token;
}

/** Called when a request made with a token is refused as signed out: the session has ended. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * Called when the account still has its initial (or reset) password: the server refuses every
 * call but the password change until it is changed, so the app goes to that page.
 */
export function setPasswordChangeRequiredHandler(handler: (() => void) | null): void {
  onPasswordChangeRequired = handler;
}

/** The full URL of a route's path and query: what a file download fetches. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  return baseUrl + path + queryString(query);
}

/** The headers that carry the session, for transfers that do not go through `request`. */
export function authHeader(): Record<string, string> {
  return authToken ? { Authorization: `Bearer ${authToken}` } : {};
}

/**
 * A refused file transfer (HTTP ≥ 400) as the ApiError `request` would throw, the body being the
 * JSON error text when there is one; the session handlers run as for any call.
 */
export function transferFailure(status: number, body: unknown): ApiError {
  return failure(status, parseJson(body));
}

export async function request<T>(options: RequestOptions): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authToken) header.Authorization = `Bearer ${authToken}`;
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: baseUrl + options.path + queryString(options.query),
      method: options.method ?? 'GET',
      data: options.data as Record<string, unknown> | undefined,
      header,
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      dataType: 'json',
    });
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
  }

  // Taro.request resolves on every HTTP answer, 4xx and 5xx included.
  if (response.statusCode >= 400) throw failure(response.statusCode, response.data);
  return response.data as T;
}

export interface UploadOptions {
  /** Path below the API base, e.g. `/api/photos`. */
  path: string;
  /** A local file: a temp path on weapp, a blob: URL on H5. */
  filePath: string;
  /** The multipart field name. */
  name: string;
  /** The name the server sees (H5 only; WeChat names the file itself). */
  fileName?: string;
  /** 0–100 as the bytes go out. */
  onProgress?: (percent: number) => void;
  timeout?: number;
}

const UPLOAD_TIMEOUT_MS = 60_000;

/** A multipart upload, with the same errors as `request`. */
export async function upload<T>(options: UploadOptions): Promise<T> {
  const header: Record<string, string> = {};
  if (authToken) header.Authorization = `Bearer ${authToken}`;

  let response: { statusCode: number; data: unknown };
  try {
    const task = Taro.uploadFile({
      url: baseUrl + options.path,
      filePath: options.filePath,
      name: options.name,
      header,
      timeout: options.timeout ?? UPLOAD_TIMEOUT_MS,
      ...(options.fileName ? { fileName: options.fileName } : {}),
    });
    const { onProgress } = options;
    if (onProgress) task.progress((update) => onProgress(update.progress));
    response = await task;
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
  }

  // uploadFile hands back the body as text.
  const body = parseJson(response.data);
  if (response.statusCode >= 400) throw failure(response.statusCode, body);
  return body as T;
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

function failure(status: number, body: unknown): ApiError {
  const error = toApiError(status, body);
  const sessionEnded = error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED';
  if (sessionEnded && authToken) onUnauthenticated?.();
  if (error.code === 'PASSWORD_CHANGE_REQUIRED' && authToken) onPasswordChangeRequired?.();
  return error;
}

export const http = {
  get: <T>(path: string, options: Omit<RequestOptions, 'path' | 'method'> = {}) =>
    request<T>({ ...options, path, method: 'GET' }),
  post: <T>(path: string, data?: unknown, options: Omit<RequestOptions, 'path' | 'method'> = {}) =>
    request<T>({ ...options, path, data, method: 'POST' }),
  put: <T>(path: string, data?: unknown, options: Omit<RequestOptions, 'path' | 'method'> = {}) =>
    request<T>({ ...options, path, data, method: 'PUT' }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'path' | 'method'> = {}) =>
    request<T>({ ...options, path, method: 'DELETE' }),
};

function toApiError(status: number, body: unknown): ApiError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = isErrorCode(fields.code) ? fields.code : codeForStatus(status);
  const message =
    typeof fields.message === 'string' && fields.message.trim() !== ''
      ? fields.message
      : ERRORS[code].message;
  return new ApiError(code, message, status, {
    details: Array.isArray(fields.details) ? (fields.details as FieldIssue[]) : [],
    ...(typeof fields.requestId === 'string' ? { requestId: fields.requestId } : {}),
  });
}

/** For answers without our error body, e.g. a gateway's HTML 502 page. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 500:
      return 'INTERNAL';
    default:
      return status > 500 ? 'SERVICE_UNAVAILABLE' : 'VALIDATION_FAILED';
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Anything a call can throw, as an ApiError with a message fit to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', ERRORS.INTERNAL.message, 0);
}

/** No answer, or the server failing: the same action may work when tried again. */
export function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}
