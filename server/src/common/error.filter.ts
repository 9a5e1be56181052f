import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import {
  type ErrorBody,
  type ErrorCode,
  type FieldIssue,
  httpStatusOf,
  messageOf,
} from '@mqlk/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { isDatabaseUnavailable } from '../database/errors';
import { AppError } from './app-error';

/** The shared code nearest to an HTTP status raised by Nest or Fastify themselves. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

interface Classified {
  code: ErrorCode;
  details?: FieldIssue[];
  /** Not a deliberate refusal: log it with its stack. */
  unexpected: boolean;
  /** Not this request's fault nor a bug: the database is away. Logged as a warning. */
  outage?: true;
}

export function classifyError(exception: unknown): Classified {
  if (exception instanceof AppError) {
    return { code: exception.code, details: exception.details, unexpected: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = CODE_OF_STATUS[status] ?? (status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL');
    return { code, unexpected: code === 'INTERNAL' };
  }
  if (isDatabaseUnavailable(exception)) {
    return { code: 'DATABASE_UNAVAILABLE', unexpected: false, outage: true };
  }
  return { code: 'INTERNAL', unexpected: true };
}

/**
 * The one place errors become responses: `{ code, message, details?, requestId }` with the status the
 * shared vocabulary gives the code. Anything unexpected is logged with the request id and answered
 * with the generic INTERNAL body, which never carries the error's own text or stack. A database
 * outage is not a bug of ours: it answers 503 and logs a warning, so that one outage does not
 * page anybody once per request with a stack trace.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger(ErrorFilter.name) private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { code, details, unexpected, outage } = classifyError(exception);
    if (outage) {
      this.logger.warn(
        { err: exception, method: request.method, url: request.url },
        'database unavailable',
      );
    } else if (unexpected) {
      // The request's logger already carries requestId (see logging.ts).
      this.logger.error(
        { err: exception, method: request.method, url: request.url },
        'unhandled error',
      );
    }
    if (reply.sent) return;
    const body: ErrorBody = { code, message: messageOf(code), requestId: request.id };
    if (details !== undefined && details.length > 0) body.details = details;
    void reply.status(httpStatusOf(code)).send(body);
  }
}
