import {
  BadRequestException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { AppError } from './app-error';
import { classifyError } from './error.filter';

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
});
