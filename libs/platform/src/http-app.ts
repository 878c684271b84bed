import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { INestApplication, Type } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { withAuditActorSlot } from '@app/audit';
import { API_KEY_SECURITY } from '@app/auth';
import { Logger } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '@app/config';
import {
  AllExceptionsFilter,
  completeOpenApiContract,
  createValidationPipe,
  ErrorResponseDto,
  errorBody,
  FieldErrorDto,
} from '@app/common';
import { REQUEST_LOGGER, requestLog } from './infrastructure.module';
import { MetricsService } from './metrics/metrics.service';
import { securityHeaders } from './security-headers';
import { mountQueueDashboard } from './queue-dashboard';
import { fastifyTrustProxy } from './throttle/trust-proxy';
import { serveWebApp } from './web/serve-web';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

export const API_PREFIX = 'api/v1';

/** Fixed texts: Fastify's own would echo the whole offending path. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not validly percent-encoded',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
};

/** Builds the Fastify-based HTTP app with every cross-cutting concern; does not listen. */
export async function createHttpApp(
  module: Type<unknown> | ReturnType<typeof Object>,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    genReqId: requestId,
    // opt-in (TRUST_PROXY): believing X-Forwarded-For from anyone would let clients pick their address
    trustProxy: fastifyTrustProxy(config.trustProxy),
    logger: false,
    routerOptions: { maxParamLength: 200 },
    // the router's own refusals (a badly encoded URL, an over-long path parameter) in the one error shape
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { body } = errorBody(error, String(request.id));
      body.message = FRAMEWORK_MESSAGES[error.code] ?? body.message;
      reply.status(body.statusCode).header('x-request-id', String(request.id)).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as Type<unknown>, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance();

  // guides are pasted as Markdown too (text/plain is parsed by Fastify already)
  fastify.addContentTypeParser(['text/markdown', 'text/x-markdown'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  // on the raw response, where helmet put them: replies written past Fastify keep them too.
  // Callback hooks, not async ones: no promise per request and hook.
  const secure = Object.entries(securityHeaders());
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    for (let i = 0; i < secure.length; i++) raw.setHeader(secure[i][0], secure[i][1]);
    reply.header('x-request-id', request.id);
    done();
  });
  // A request with an API key runs in a slot for its audit actor, which the auth guard fills on
  // admitting the key. Entered before the handler, after the body was read: the body's stream events
  // do not carry an async context entered earlier (onRequest).
  fastify.addHook('preHandler', (request, _reply, done) => {
    const authorization = request.headers.authorization;
    // wider than the guard's test (a bearer token starting sk_): an extra slot costs nothing
    if (typeof authorization === 'string' && authorization.includes('sk_')) withAuditActorSlot(done);
    else done();
  });
  const durations = app.get(MetricsService).httpDuration;
  const log = requestLog(app.get<symbol, PinoLogger>(REQUEST_LOGGER));
  fastify.addHook('onResponse', (request, reply, done) => {
    // the route's pattern (a fixed set of strings), never the path: ids would make a series per request
    durations.observe(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    log(request, reply);
    done();
  });
  await mountQueueDashboard(app);
  useApiPrefix(app);
  app.useGlobalPipes(createValidationPipe({ maxDepth: config.jsonMaxDepth }));
  app.useGlobalFilters(new AllExceptionsFilter());
  setupOpenApi(app);
  await serveWebApp(app);
  return app;
}

/** The routes' prefix; also applied where the OpenAPI document is built without a server. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/live', 'health/ready', 'metrics'] });
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Scorecards API',
  });
}

/** The OpenAPI document of the app's controllers; the web page's typed client is generated from it. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Scorecards API')
      .setDescription(
        'Structured interviews for hiring teams: question sets, interview kits, scorecards and reminders. ' +
          'Sign in with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>`. ' +
          'Integrations use an API key (created by an admin) the same way: `Authorization: Bearer sk_live_…`, on ' +
          'the operations that list the apiKey scheme, with `<area>:read` for GET and `<area>:write` otherwise. ' +
          'Every error has the shape {statusCode, error, message, details?, requestId}.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'API key (sk_live_…)',
          description:
            'An integration key; the operation names its area, GET needs <area>:read and others <area>:write',
        },
        API_KEY_SECURITY,
      )
      .build(),
    {
      extraModels: [ErrorResponseDto, FieldErrorDto],
      operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
    },
  );
  // @Authenticated on both a controller and a method would list the bearer scheme twice
  for (const path of Object.values(document.paths)) {
    for (const op of Object.values(path) as Array<{ security?: unknown[] }>) {
      if (Array.isArray(op?.security))
        op.security = [...new Map(op.security.map((s) => [JSON.stringify(s), s])).values()];
    }
  }
  return completeOpenApiContract(document);
}

/** A process without HTTP: the worker. */
export async function createWorkerContext(module: Type<unknown> | ReturnType<typeof Object>) {
  const app = await NestFactory.createApplicationContext(module as Type<unknown>, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  return app;
}
