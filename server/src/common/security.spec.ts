import { createHash } from 'node:crypto';
import { loadConfig } from '../config/config';
import { contentSecurityPolicy, inlineScriptHashes } from './security';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes each inline script exactly as written, and skips external and empty ones', () => {
    const html =
      '<head><script>var a = 1;</script><script defer="defer" src="/js/app.js"></script>' +
      '<script type="text/javascript">\n  f();\n</script><script></script>' +
      '<SCRIPT>g()</SCRIPT></head>';
    expect(inlineScriptHashes(html)).toEqual([sha('var a = 1;'), sha('\n  f();\n'), sha('g()')]);
  });

  it('finds none in a page without scripts', () => {
    expect(inlineScriptHashes('<!doctype html><title>x</title>')).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('lets images come from a path-style photo store by its origin', () => {
    const config = loadConfig({
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_BUCKET: 'photos',
      S3_ACCESS_KEY: 'minio',
      S3_SECRET_KEY: 'minio-secret',
    });
    expect(contentSecurityPolicy(config, [])['img-src']).toEqual([
      "'self'",
      'data:',
      'blob:',
      'http://127.0.0.1:9000',
    ]);
  });

  it('upgrades insecure requests in production only', () => {
    expect(contentSecurityPolicy(loadConfig({}), [])).not.toHaveProperty(
      'upgrade-insecure-requests',
    );
  });
});
