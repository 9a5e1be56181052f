import { type ErrorCode, type FieldIssue, messageOf } from '@mqlk/shared';

/**
 * A refusal the API answers on purpose: the code says why (from the shared vocabulary), the filter
 * picks the HTTP status and the message. `details` carries per-field messages for validation errors.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldIssue[],
  ) {
    super(`${code}: ${messageOf(code)}`);
    this.name = 'AppError';
  }
}
