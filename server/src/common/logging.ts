import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { requestIdOf } from './request-id';

/**
 * JSON logs through pino. Every line written while serving a request carries `requestId` (the id
 * Fastify gave the request, echoed in the `x-request-id` header); each request gets one summary line.
 * `destination` lets tests read the lines.
 */
export function loggingModule(destination?: DestinationStream) {
  return LoggerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): Params => {
      const options: Options = {
        level: config.logLevel,
        // Fastify has already chosen the id (and @fastify/middie copied it onto the raw request).
        genReqId: (req: IncomingMessage) => req.id ?? requestIdOf(req),
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'requestId' },
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        // Load balancers poll the health check every few seconds: no summary line for those.
        // (@fastify/middie rewrites req.url for path-scoped middleware; originalUrl is the real one.)
        autoLogging: {
          ignore: (req: IncomingMessage & { originalUrl?: string }) =>
            (req.originalUrl ?? req.url ?? '').split('?')[0] === '/api/health',
        },
      };
      return {
        pinoHttp: destination ? [options, destination] : options,
        // Every API route (Nest 11 wildcard syntax; nestjs-pino's default '*' logs a deprecation warning).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      };
    },
  });
}
