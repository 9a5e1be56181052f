import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TencentTranscriber } from './tencent-transcriber';

/** A stand-in for asr.tencentcloudapi.com: records each call, answers what the test says. */
class FakeAsr {
  calls: { action: string; authorization: string; body: Record<string, unknown> }[] = [];
  answer: unknown = { Response: { Result: '村东头的自来水停了。', RequestId: 'r1' } };
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        this.calls.push({
          action: String(req.headers['x-tc-action']),
          authorization: String(req.headers.authorization),
          body: JSON.parse(raw) as Record<string, unknown>,
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

describe('TencentTranscriber (一句话识别 through the official SDK)', () => {
  const fake = new FakeAsr();
  let transcriber: TencentTranscriber;
  const config = {
    secretId: 'AKIDtest',
    secretKey: 'secret',
    region: 'ap-shanghai',
    engine: '16k_zh',
  };

  beforeAll(async () => {
    const host = await fake.start();
    transcriber = new TencentTranscriber(config, { protocol: 'http://', host });
  });
  afterAll(() => fake.stop());
  beforeEach(() => (fake.calls = []));

  it('sends the recording as base64 with its format and engine, signed, and keeps the text', async () => {
    const data = Buffer.from('fake mp3 bytes');
    const text = await transcriber.transcribe({ mime: 'audio/mpeg', durationMs: 3000 }, data);
    expect(text).toBe('村东头的自来水停了。');
    expect(fake.calls).toEqual([
      {
        action: 'SentenceRecognition',
        authorization: expect.stringMatching(/^TC3-HMAC-SHA256 Credential=AKIDtest\//),
        body: expect.objectContaining({
          EngSerViceType: '16k_zh',
          SourceType: 1,
          VoiceFormat: 'mp3',
          Data: data.toString('base64'),
          DataLen: data.length,
        }),
      },
    ]);
  });

  it.each([
    ['audio/aac', 'aac'],
    ['audio/mp4', 'm4a'],
  ] as const)('names %s as %s', async (mime, format) => {
    await transcriber.transcribe({ mime, durationMs: 1000 }, Buffer.from('x'));
    expect(fake.calls[0]?.body.VoiceFormat).toBe(format);
  });

  it('does not send WebM, which the service does not take', async () => {
    expect(
      await transcriber.transcribe({ mime: 'audio/webm', durationMs: 1000 }, Buffer.from('x')),
    ).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it('gives no transcript when nothing was heard or the service refuses', async () => {
    fake.answer = { Response: { Result: '', RequestId: 'r2' } };
    expect(
      await transcriber.transcribe({ mime: 'audio/mpeg', durationMs: 1000 }, Buffer.from('x')),
    ).toBeNull();
    fake.answer = {
      Response: { Error: { Code: 'AuthFailure.SecretIdNotFound', Message: 'no' }, RequestId: 'r3' },
    };
    expect(
      await transcriber.transcribe({ mime: 'audio/mpeg', durationMs: 1000 }, Buffer.from('x')),
    ).toBeNull();
  });
});
