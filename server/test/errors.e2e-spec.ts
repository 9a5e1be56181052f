import { Public } from '../src/common/auth/decorators';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { messageOf } from '@mqlk/shared';
import * as v from 'valibot';
import { AppError } from '../src/common/app-error';
import { ValibotPipe } from '../src/common/validation';
import { type TestApp, startTestApp } from './test-app';

const echoSchema = v.object({
  text: v.pipe(v.string('请填写内容'), v.minLength(5, '内容太短了，请再多说几句')),
});

/** Routes that only tests mount, to reach each kind of failure through the real pipeline. */
@Public()
@Controller('probe')
class ProbeController {
  @Get('crash')
  crash(): never {
    throw new Error('db password=hunter2 leaked?');
  }

  @Get('refuse')
  refuse(): never {
    throw new AppError('CARD_REVOKED');
  }

  @Post('echo')
  echo(@Body(new ValibotPipe(echoSchema)) input: v.InferOutput<typeof echoSchema>) {
    return input;
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('error responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an unknown route with NOT_FOUND', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({
      code: 'NOT_FOUND',
      message: messageOf('NOT_FOUND'),
      requestId: res.headers['x-request-id'],
    });
    expect(t.logs()).toContainEqual(
      expect.objectContaining({
        msg: 'request completed',
        requestId: res.headers['x-request-id'],
        res: expect.objectContaining({ statusCode: 404 }),
      }),
    );
  });

  it('answers a known path with an unknown method with NOT_FOUND', async () => {
    const res = await t.http().delete('/api/health').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('answers a crash with a generic INTERNAL body and logs the error with the request id', async () => {
    const res = await t
      .http()
      .get('/api/probe/crash')
      .set('x-request-id', 'req-crash-1')
      .expect(500);
    expect(res.body).toEqual({
      code: 'INTERNAL',
      message: messageOf('INTERNAL'),
      requestId: 'req-crash-1',
    });
    expect(res.text).not.toMatch(/hunter2|stack|Error|\.ts/);
    const logged = t.logs().find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ level: 50, requestId: 'req-crash-1' });
    expect(JSON.stringify(logged)).toMatch(/hunter2/);
    expect((logged?.err as { stack?: string } | undefined)?.stack).toMatch(
      /ProbeController\.crash/,
    );
  });

  it('answers an AppError with its code, message and shared status', async () => {
    const res = await t.http().get('/api/probe/refuse').expect(410);
    expect(res.body).toEqual({
      code: 'CARD_REVOKED',
      message: messageOf('CARD_REVOKED'),
      requestId: res.headers['x-request-id'],
    });
  });

  it('answers invalid input with VALIDATION_FAILED and one message per field', async () => {
    const res = await t.http().post('/api/probe/echo').send({ text: '短' }).expect(400);
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: messageOf('VALIDATION_FAILED'),
      details: [{ field: 'text', message: '内容太短了，请再多说几句' }],
      requestId: res.headers['x-request-id'],
    });
  });

  it('passes valid input through the pipe', async () => {
    const res = await t.http().post('/api/probe/echo').send({ text: '路灯坏了三天了' }).expect(201);
    expect(res.body).toEqual({ text: '路灯坏了三天了' });
  });

  it('answers malformed JSON with VALIDATION_FAILED', async () => {
    const res = await t
      .http()
      .post('/api/probe/echo')
      .set('content-type', 'application/json')
      .send('{"text":')
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body over the limit with PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/probe/echo')
      .send({ text: 'x'.repeat(1024 * 1024 + 1) })
      .expect(413);
    expect(res.body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: messageOf('PAYLOAD_TOO_LARGE'),
      requestId: res.headers['x-request-id'],
    });
  });

  it('answers an unsupported content type with UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await t
      .http()
      .post('/api/probe/echo')
      .set('content-type', 'application/xml')
      .send('<text>hello</text>')
      .expect(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps an acceptable x-request-id and replaces one that is not', async () => {
    const kept = await t.http().get('/api/health').set('x-request-id', 'lb-7f3a:42').expect(200);
    expect(kept.headers['x-request-id']).toBe('lb-7f3a:42');
    const replaced = await t
      .http()
      .get('/api/nope')
      .set('x-request-id', 'evil\tid {"x":1}')
      .expect(404);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.body.requestId).toBe(replaced.headers['x-request-id']);
  });
});
