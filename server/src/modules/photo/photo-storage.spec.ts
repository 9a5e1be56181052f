import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type AppConfig, loadConfig } from '../../config/config';
import { LocalDiskStorage } from './local-disk-storage';
import { type PhotoStorage, createPhotoStorage } from './photo-storage';
import { S3Storage } from './s3-storage';
import { signV4 } from './sigv4';

describe('createPhotoStorage', () => {
  const config = (env: Record<string, string>): AppConfig => loadConfig(env, '/srv/mqlk/server');
  const s3 = {
    S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com',
    S3_BUCKET: 'mqlk-1250000000',
    S3_ACCESS_KEY: 'AKIDEXAMPLE',
    S3_SECRET_KEY: 'secret',
  };

  it('uses local disk in development and S3 when configured', () => {
    expect(createPhotoStorage(config({}))).toBeInstanceOf(LocalDiskStorage);
    expect(createPhotoStorage(config(s3))).toBeInstanceOf(S3Storage);
  });

  it('refuses local disk in production', () => {
    const production = { ...config({}), nodeEnv: 'production' as const };
    expect(() => createPhotoStorage(production)).toThrow(
      /local disk stand-in is not allowed when NODE_ENV=production.*S3_ENDPOINT/,
    );
  });
});

describe('LocalDiskStorage', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-disk-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps files under its directory and answers null for a missing one', async () => {
    const storage: PhotoStorage = new LocalDiskStorage(dir, 'test');
    await storage.put('2026/11/a.jpg', Buffer.from('abc'), 'image/jpeg');
    expect(fs.readFileSync(path.join(dir, '2026', '11', 'a.jpg'), 'utf8')).toBe('abc');
    expect((await storage.get('2026/11/a.jpg'))?.toString()).toBe('abc');
    expect(await storage.get('2026/11/b.jpg')).toBeNull();
    expect(fs.readdirSync(path.join(dir, '2026', '11'))).toEqual(['a.jpg']);
  });

  it('refuses keys that could leave the directory', async () => {
    const storage = new LocalDiskStorage(dir, 'test');
    for (const key of ['../x.jpg', '/etc/passwd', '2026/../../x', 'a//b', '']) {
      await expect(storage.get(key)).rejects.toThrow('not a storage key');
    }
  });
});

describe('S3Storage', () => {
  interface Seen {
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: Buffer;
  }
  let server: http.Server;
  let endpoint: string;
  let seen: Seen[];
  const objects = new Map<string, Buffer>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        if (req.url?.includes('denied')) {
          res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>');
        } else if (req.method === 'PUT') {
          objects.set(req.url ?? '', body);
          res.writeHead(200).end();
        } else {
          const object = objects.get(req.url ?? '');
          if (object) res.writeHead(200, { 'content-type': 'image/jpeg' }).end(object);
          else res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const storage = () =>
    new S3Storage({
      endpoint,
      bucket: 'photos',
      accessKey: 'minio',
      secretKey: 'minio-secret',
      region: 'us-east-1',
    });

  it('PUTs a signed object path-style and GETs it back', async () => {
    const data = Buffer.from('jpeg bytes');
    await storage().put('2026/11/a.jpg', data, 'image/jpeg');
    expect(await storage().get('2026/11/a.jpg')).toEqual(data);
    expect(await storage().get('2026/11/missing.jpg')).toBeNull();

    const [put, get] = seen;
    expect(put).toMatchObject({ method: 'PUT', url: '/photos/2026/11/a.jpg', body: data });
    expect(put?.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-amz-content-sha256': createHash('sha256').update(data).digest('hex'),
      authorization: expect.stringMatching(
        /^AWS4-HMAC-SHA256 Credential=minio\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
      ),
    });
    // What arrived is what was signed: the server can recompute the same signature.
    for (const request of [put, get]) {
      const h = request?.headers ?? {};
      const date = String(h['x-amz-date']);
      const again = signV4(
        {
          method: request?.method ?? '',
          url: new URL(request?.url ?? '', endpoint),
          headers: h['content-type'] ? { 'content-type': String(h['content-type']) } : {},
          payloadHash: String(h['x-amz-content-sha256']),
        },
        { accessKey: 'minio', secretKey: 'minio-secret', region: 'us-east-1', service: 's3' },
        new Date(
          `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
        ),
      );
      expect(again.authorization).toBe(h.authorization);
    }
  });

  it('says what the store answered when it refuses', async () => {
    await expect(storage().put('denied/a.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(
      'photo storage PUT denied/a.jpg answered 403: <Error><Code>AccessDenied</Code></Error>',
    );
  });

  it('addresses a virtual-hosted endpoint without the bucket in the path', () => {
    const cos = new S3Storage({
      endpoint: 'https://mqlk-1250000000.cos.ap-guangzhou.myqcloud.com',
      bucket: 'mqlk-1250000000',
      accessKey: 'a',
      secretKey: 'b',
      region: 'ap-guangzhou',
    });
    expect(cos.objectUrl('2026/11/a.jpg').toString()).toBe(
      'https://mqlk-1250000000.cos.ap-guangzhou.myqcloud.com/2026/11/a.jpg',
    );
  });
});
