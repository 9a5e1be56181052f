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
import type { AppConfig } from '../config/config';
import { AppError } from './app-error';

/** The route whose sends cost money and reach strangers' phones. */
export const SMS_SEND_PATH = '/api/auth/sms/send';

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
