import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  RouteOptions,
} from 'fastify';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { ROUTES } from '@mqlk/shared';
import type { AppConfig } from '../config/config';
import { AppError } from './app-error';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy the H5 app runs under. Its own scripts only, plus the inline ones of
 * the build's index.html by hash (Taro inlines the script that sizes rem to the screen). Inline
 * styles are allowed: React and Taro set style attributes everywhere. Photos are also shown from
 * blob: (the preview before upload) and from the photo store when it is S3/COS.
 */
export function contentSecurityPolicy(config: AppConfig, inlineScriptHashes: string[]): Directives {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'", ...inlineScriptHashes],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': [
      "'self'",
      'data:',
      'blob:',
      ...(config.s3 ? [new URL(config.s3.endpoint).origin] : []),
    ],
    'media-src': ["'self'", 'blob:'],
    // Taro's H5 uploadFile reads the picked photo back from its blob: URL with XHR.
    'connect-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    // Nobody may frame the card page: a framed copy could overlay it and collect residents' input.
    'frame-ancestors': ["'none'"],
    // Production is https only; on http://localhost this would break every request.
    ...(config.nodeEnv === 'production' ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The CSP hashes of the inline <script>s of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(
    /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi,
  )) {
    if (/\ssrc\s*=/i.test(attributes) || body.trim() === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * Security headers on every answer, API and H5 alike, with @fastify/helmet. The index.html is read
 * once here for its inline scripts' hashes: a new H5 build is picked up by the restart that deploys
 * it. API answers are not to be cached (they carry names, phone numbers, photos of residents'
 * matters), except the health check and the public card view, which a cache may keep but must
 * revalidate.
 */
export async function registerSecurityHeaders(
  app: NestFastifyApplication,
  config: AppConfig,
  apiPrefix: string,
): Promise<void> {
  const index = path.join(config.h5DistDir, 'index.html');
  const hashes = fs.existsSync(index) ? inlineScriptHashes(fs.readFileSync(index, 'utf8')) : [];
  const production = config.nodeEnv === 'production';
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(config, hashes),
    },
    // Card links carry the card's code: other sites get the origin only, never the path.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });

  const cacheable = new Set<string>([ROUTES.health.path, ROUTES.viewCard.path]);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '';
      if (pathname !== `/${apiPrefix}` && !pathname.startsWith(`/${apiPrefix}/`)) return;
      const read = request.method === 'GET' || request.method === 'HEAD';
      const route = request.routeOptions.url;
      void reply.header(
        'cache-control',
        read && route !== undefined && cacheable.has(route) ? 'no-cache' : 'no-store',
      );
    });
}

/** The route whose sends cost money and reach strangers' phones. */
export const SMS_SEND_PATH = ROUTES.sendSmsCode.path;

const HOUR_MS = 3600_000;

type LimitResult = Awaited<ReturnType<ReturnType<FastifyInstance['createRateLimit']>>>;

/**
 * Limits SMS code sends per client address and in all, per hour, with @fastify/rate-limit. The
 * per-phone 60 s rule stays in AuthService; these stop one address from spraying codes at many
 * numbers, and everyone together from running up the SMS bill. Counters are in Redis when
 * configured, so several instances share them; else in memory.
 *
 * The plugin's own route hook cannot carry two limits: every limiter it makes shares one "already
 * ran" flag per request, so the second would be skipped. Both are checked here with
 * `createRateLimit`, which only counts and leaves the answer to us.
 */
export async function registerSmsSendLimits(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const logger = await app.resolve(PinoLogger);
  logger.setContext('SmsSendLimits');

  const redis = config.redis ? connectRedis(config.redis.url, logger) : null;
  if (redis) {
    fastify.addHook('onClose', async () => {
      // quit() waits for a connection that may never come; disconnect() also stops reconnecting.
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    });
  }
  // Keys read <prefix>rl:undefinedundefined-sms-send:…: the plugin names a limiter's keys after its
  // route, and a createRateLimit limiter has none. Odd, but stable and under our prefix.
  await fastify.register(fastifyRateLimit, {
    global: false,
    ...(redis && config.redis ? { redis, nameSpace: `${config.redis.keyPrefix}rl:` } : {}),
  });

  const perAddress = fastify.createRateLimit({
    max: config.smsLimits.perAddressPerHour,
    timeWindow: HOUR_MS,
    // request.ip honours TRUST_PROXY. IPv6 counts per /64: one subscriber holds a whole /64.
    keyGenerator: (request) => `sms-send:address:${normalizeIP(request.ip)}`,
  });
  const overall = fastify.createRateLimit({
    max: config.smsLimits.perHour,
    timeWindow: HOUR_MS,
    keyGenerator: () => 'sms-send:all',
  });

  const check = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // Per address first: an address over its own limit must not use up everybody's.
    for (const [name, limiter] of [
      ['address', perAddress],
      ['all', overall],
    ] as const) {
      let result: LimitResult;
      try {
        result = await limiter(request);
      } catch (err) {
        // A Redis outage must not stop residents signing in; the per-phone rule still holds.
        logger.warn({ err }, 'rate-limit store did not answer: SMS send not counted');
        return;
      }
      if (result.isAllowed) continue;
      if (name === 'address') {
        void reply
          .header('x-ratelimit-limit', result.max)
          .header('x-ratelimit-remaining', result.remaining)
          .header('x-ratelimit-reset', result.ttlInSeconds);
      }
      if (result.isExceeded) {
        void reply.header('retry-after', result.ttlInSeconds);
        throw new AppError('SMS_RATE_LIMITED');
      }
    }
  };

  fastify.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url !== SMS_SEND_PATH || !methods.includes('POST')) return;
    const hooks = route.onRequest;
    route.onRequest = [
      ...(Array.isArray(hooks) ? hooks : hooks ? [hooks] : []),
      check as onRequestHookHandler,
    ];
  });
}

/**
 * ioredis' defaults suit a cache, not a limiter on a sign-in path: a command would wait through
 * 20 reconnects. Here a command gives up after one retry or one second, and the error is logged
 * once per outage rather than on every reconnect attempt.
 */
function connectRedis(url: string, logger: PinoLogger): Redis {
  const redis = new Redis(url, {
    connectTimeout: 2000,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    // After a failed connect it waits this long for a 'close' that already happened.
    disconnectTimeout: 200,
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err }, 'Redis does not answer');
  });
  redis.on('ready', () => {
    if (down) logger.info('Redis answers again');
    down = false;
  });
  return redis;
}
