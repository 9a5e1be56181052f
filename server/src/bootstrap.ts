import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { httpStatusOf, type InlinedCard, MAX_PHOTO_BYTES, messageOf } from '@mqlk/shared';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { AppError } from './common/app-error';
import { namedSchemas } from './common/contract/endpoint';
import { checkResponsesAgainstContract } from './common/contract/response-check';
import { REQUEST_ID_HEADER, requestIdOf } from './common/request-id';
import { serveLinkVerifyFile } from './common/link-verify-file';
import { registerSecurityHeaders, registerSmsSendLimits } from './common/security';
import type { AppConfig } from './config/config';
import { cardPageHtml } from './modules/card/card-page';
import { CardService } from './modules/card/card.service';

export const API_PREFIX = 'api';

/**
 * Builds the whole application exactly as production runs it; main.ts listens on it, the e2e tests
 * talk to it through supertest. Returns it initialised (routes registered, migrations run if enabled).
 */
export async function createApp(
  config: AppConfig,
  options: AppModuleOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: false,
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options),
    adapter,
    // Throw on a failed start instead of exiting the process: main.ts decides, tests report it.
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  // Before compression, so that it reads the JSON as sent.
  if (options.checkResponses) checkResponsesAgainstContract(fastify);
  await registerSecurityHeaders(app, config, API_PREFIX);

  // Village phones on weak signal: the H5 bundle and JSON go out gzip/brotli-compressed. Photos are
  // already compressed JPEGs and are left alone.
  await app.register(fastifyCompress, {
    threshold: 1024,
    customTypes: /^(text\/|application\/(json|javascript))/,
  });

  // Photo uploads (modules/photo). Parts are read only when a handler asks for them.
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 10, parts: 20, fieldSize: 64 * 1024 },
  });

  await registerSmsSendLimits(app, config);

  setUpApiDocs(app);
  serveLinkVerifyFile(fastify, config);
  await serveH5Build(app, config.h5DistDir);
  await app.init();
  return app;
}

/** Swagger UI at /api/docs, the OpenAPI document at /api/docs-json. */
function setUpApiDocs(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('民情联系卡 API')
      .setDescription(
        'Errors are `{ code, message, details?, requestId }`; codes are listed in shared/src/errors.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...namedSchemas() },
  };
  SwaggerModule.setup('docs', app, document, {
    useGlobalPrefix: true,
    jsonDocumentUrl: 'docs-json',
  });
}

/**
 * Serves the H5 build at / when it has been built. Paths without a file extension outside /api get
 * index.html, so the H5 router's deep links open the app. The QR link `/c/<code>` gets it with
 * the card already in it (card-page.ts): a resident on a weak signal sees the card before the
 * app's scripts arrive. The index.html is read once: a new build comes with a restart.
 */
async function serveH5Build(app: NestFastifyApplication, dir: string): Promise<void> {
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) return;
  const index = fs.readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, { root: dir, serve: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname === `/${API_PREFIX}` || pathname.startsWith(`/${API_PREFIX}/`)) {
        return reply.callNotFound();
      }
      if (path.posix.extname(pathname) !== '') return reply.sendFile(pathname.slice(1));
      const code = /^\/c\/([^/]+)$/.exec(pathname)?.[1];
      const answer = code === undefined ? null : await cardAnswer(app.get(CardService), code);
      void reply.header('cache-control', 'no-cache');
      if (!answer) return reply.sendFile('index.html');
      return reply.type('text/html; charset=utf-8').send(cardPageHtml(index, answer));
    });
}

/** The card's answer for the page, or null when there is none to give (the app then asks itself). */
async function cardAnswer(cards: CardService, rawCode: string): Promise<InlinedCard | null> {
  let code: string;
  try {
    code = decodeURIComponent(rawCode);
  } catch {
    return null;
  }
  try {
    return { code, card: await cards.view(code) };
  } catch (err) {
    if (!(err instanceof AppError)) return null;
    return {
      code,
      error: { code: err.code, message: messageOf(err.code), status: httpStatusOf(err.code) },
    };
  }
}
