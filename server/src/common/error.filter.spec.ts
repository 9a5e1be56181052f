import {
  BadRequestException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { CannotExecuteNotConnectedError, QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { classifyError } from './error.filter';

/** An error shaped as a driver throws it: a message plus fields such as `code` and `fatal`. */
const driverError = (message: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), fields);

describe('classifyError', () => {
  it('keeps an AppError’s code and details', () => {
    const details = [{ field: 'text', message: '请填写诉求内容' }];
    expect(classifyError(new AppError('VALIDATION_FAILED', details))).toEqual({
      code: 'VALIDATION_FAILED',
      details,
      unexpected: false,
    });
  });

  it.each([
    [new BadRequestException('x'), 'VALIDATION_FAILED'],
    [new NotFoundException('Cannot GET /api/x'), 'NOT_FOUND'],
    [new HttpException('Method Not Allowed', 405), 'NOT_FOUND'],
    [new PayloadTooLargeException(), 'PAYLOAD_TOO_LARGE'],
    [new HttpException('Unsupported Media Type', 415), 'UNSUPPORTED_MEDIA_TYPE'],
    [new HttpException('Too Many Requests', 429), 'RATE_LIMITED'],
    [new HttpException('I am a teapot', 418), 'VALIDATION_FAILED'],
    [new ServiceUnavailableException(), 'SERVICE_UNAVAILABLE'],
  ])('maps %s to %s', (exception, code) => {
    expect(classifyError(exception)).toEqual({ code, unexpected: false });
  });

  it.each([
    [new Error('boom')],
    [new HttpException('Bad Gateway', 502)],
    ['a thrown string'],
    [undefined],
  ])('treats %p as unexpected INTERNAL', (exception) => {
    expect(classifyError(exception)).toEqual({ code: 'INTERNAL', unexpected: true });
  });

  it.each([
    [
      'mysql2 refused',
      driverError('connect ECONNREFUSED 10.0.0.5:3306', { code: 'ECONNREFUSED', fatal: true }),
    ],
    ['mysql2 timed out', driverError('connect ETIMEDOUT', { code: 'ETIMEDOUT', fatal: true })],
    [
      'mysql2 unknown host',
      driverError('getaddrinfo ENOTFOUND db', { code: 'ENOTFOUND', fatal: true }),
    ],
    ['mysql2 reset', driverError('read ECONNRESET', { code: 'ECONNRESET', fatal: true })],
    ['mysql2 broken pipe', driverError('write EPIPE', { code: 'EPIPE', fatal: true })],
    [
      'a lost connection inside QueryFailedError',
      new QueryFailedError(
        'SELECT 1',
        [],
        driverError('Connection lost: The server closed the connection.', {
          code: 'PROTOCOL_CONNECTION_LOST',
          fatal: true,
        }),
      ),
    ],
    [
      'too many connections',
      driverError('Too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 }),
    ],
    ['a closed pool', driverError('Pool is closed.')],
    [
      'a closed connection',
      driverError("Can't add new command when connection is in closed state", { fatal: true }),
    ],
    [
      'every address refused (happy eyeballs)',
      Object.assign(
        new AggregateError([
          driverError('connect ECONNREFUSED ::1:3306', { code: 'ECONNREFUSED' }),
        ]),
        { fatal: true },
      ),
    ],
    [
      'a cause chain',
      new Error('could not load account', {
        cause: driverError('x', { code: 'ER_SERVER_SHUTDOWN' }),
      }),
    ],
    [
      'SQLite busy',
      new QueryFailedError(
        'INSERT',
        [],
        driverError('database is locked', { code: 'SQLITE_BUSY' }),
      ),
    ],
    ['SQLite busy (extended)', driverError('database is locked', { code: 'SQLITE_BUSY_SNAPSHOT' })],
    [
      'SQLite cannot open',
      driverError('unable to open database file', { code: 'SQLITE_CANTOPEN' }),
    ],
    ['SQLite I/O error', driverError('disk I/O error', { code: 'SQLITE_IOERR_READ' })],
    ['TypeORM not connected', new CannotExecuteNotConnectedError('default')],
  ])('maps %s to DATABASE_UNAVAILABLE, not INTERNAL', (_name, exception) => {
    expect(classifyError(exception)).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      unexpected: false,
      outage: true,
    });
  });

  it.each([
    // fetch() to the SMS gateway or photo store: the same socket codes, but not the database.
    [
      'a failed fetch',
      new TypeError('fetch failed', {
        cause: driverError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }),
      }),
    ],
    [
      'a syntax error',
      new QueryFailedError(
        'SELEC 1',
        [],
        driverError('You have an error', { code: 'ER_PARSE_ERROR' }),
      ),
    ],
    [
      'a duplicate',
      new QueryFailedError('INSERT', [], driverError('Duplicate entry', { code: 'ER_DUP_ENTRY' })),
    ],
    ['a full disk', driverError('database or disk is full', { code: 'SQLITE_FULL' })],
  ])('keeps %s INTERNAL', (_name, exception) => {
    expect(classifyError(exception)).toEqual({ code: 'INTERNAL', unexpected: true });
  });
});
