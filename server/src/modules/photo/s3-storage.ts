import type { S3Config } from '../../config/config';
import type { PhotoStorage } from './photo-storage';
import { EMPTY_PAYLOAD_HASH, sha256Hex, signV4, uriEncode } from './sigv4';

const TIMEOUT_MS = 15_000;

/**
 * Photos in an S3-compatible bucket (Tencent COS, MinIO, AWS S3) over plain HTTPS with SigV4.
 * The bucket stays private: clients get photos through the server's signed URLs only.
 */
export class S3Storage implements PhotoStorage {
  constructor(
    private readonly config: S3Config,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /**
   * Virtual-hosted when the endpoint already names the bucket (`https://<bucket>.cos…`, what COS
   * wants for new buckets), else path style (`<endpoint>/<bucket>/<key>`, what MinIO wants).
   */
  objectUrl(key: string): URL {
    const endpoint = new URL(this.config.endpoint);
    const objectPath = key.split('/').map(uriEncode).join('/');
    if (endpoint.hostname.startsWith(`${this.config.bucket}.`)) {
      return new URL(`/${objectPath}`, endpoint);
    }
    return new URL(`/${uriEncode(this.config.bucket)}/${objectPath}`, endpoint);
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    const url = this.objectUrl(key);
    const headers = this.sign('PUT', url, sha256Hex(data), { 'content-type': contentType });
    const res = await this.fetchFn(url, {
      method: 'PUT',
      headers,
      body: data,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw await storageError('PUT', key, res);
  }

  async get(key: string): Promise<Buffer | null> {
    const url = this.objectUrl(key);
    const headers = this.sign('GET', url, EMPTY_PAYLOAD_HASH);
    const res = await this.fetchFn(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (res.status === 404) return null;
    if (!res.ok) throw await storageError('GET', key, res);
    return Buffer.from(await res.arrayBuffer());
  }

  private sign(
    method: string,
    url: URL,
    payloadHash: string,
    headers: Record<string, string> = {},
  ) {
    return signV4(
      { method, url, headers, payloadHash },
      {
        accessKey: this.config.accessKey,
        secretKey: this.config.secretKey,
        region: this.config.region,
        service: 's3',
      },
    );
  }
}

async function storageError(method: string, key: string, res: Response): Promise<Error> {
  // S3 error bodies are short XML documents naming the problem (SignatureDoesNotMatch…).
  const body = (await res.text().catch(() => '')).slice(0, 300);
  return new Error(`photo storage ${method} ${key} answered ${res.status}: ${body}`);
}
