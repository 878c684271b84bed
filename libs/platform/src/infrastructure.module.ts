import { DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import type { DestinationStream, LogFn, Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';
import { AppConfig, ConfigModule } from '@app/config';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { IdempotencyModule } from '@app/idempotency';
import { QueueModule } from '@app/queue';

/** Nest's start-up lines that list every module and route: 150 lines nobody reads, kept at debug. */
const START_UP_NOISE = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const INFO = 30;

function quietStartUp(this: PinoLogger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const context = (args[0] as { context?: unknown } | undefined)?.context;
  if (level === INFO && typeof context === 'string' && START_UP_NOISE.has(context)) {
    if (this.isLevelEnabled('debug')) this.debug(...args);
    return;
  }
  method.apply(this, args);
}

/**
 * One line per entry for a person at a terminal. Synchronous, so that the start-up banner written
 * to stdout after the app listens really comes last.
 */
function prettyStream(): DestinationStream {
  return pinoPretty({
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat:
      '{if context}[{context}] {end}' +
      '{if req.method}{req.method} {req.url} -> {res.statusCode} in {responseTime} ms {end}{msg}',
  });
}

let lastLogAt = Date.now();

/** Notes when each line was written, for `logsSettled`. */
function timed(stream: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      lastLogAt = Date.now();
      stream.write(line);
    },
  };
}

/**
 * Resolves once nothing was logged for `quietMs` (at most `maxMs`): start-up work that finishes in
 * the background (the demo's notifications) has had its say, so what is printed next comes last.
 */
export async function logsSettled(quietMs = 1_500, maxMs = 8_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline && Date.now() - lastLogAt < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Probes and scrapes come every few seconds; logging each would drown the requests that matter. */
const UNLOGGED_ROUTES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/** What the request log needs of a Fastify request and reply (no Fastify import in this module). */
interface Exchange {
  request: { id: string; method: string; url: string; routeOptions?: { url?: string } };
  reply: { statusCode: number; elapsedTime: number };
}

/**
 * One line per request, written when the response is done, with the fields pino-http wrote (the
 * request's id, method and whole URL, the status, the response time in ms, the same messages and
 * levels). A Fastify hook rather than Nest middleware: no child logger, no middleware engine and no
 * serializer wrappers per request, only the line itself.
 */
export function requestLog(logger: PinoLogger): (request: Exchange['request'], reply: Exchange['reply']) => void {
  return (request, reply) => {
    const route = request.routeOptions?.url;
    if (route !== undefined && UNLOGGED_ROUTES.has(route)) return;
    const status = reply.statusCode;
    const line = {
      req: { id: request.id, method: request.method, url: request.url },
      res: { statusCode: status },
      responseTime: Math.round(reply.elapsedTime),
    };
    if (status >= 500) {
      // the exception filter logs the error itself, with its stack; this line says which request failed
      logger.error(
        { ...line, err: { type: 'Error', message: `failed with status code ${status}` } },
        'request errored',
      );
    } else if (status >= 400) logger.warn(line, 'request completed');
    else logger.info(line, 'request completed');
  };
}

/** The process's pino logger: Nest's logs go through nestjs-pino to it, the request log straight to it. */
export const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');

/** What every process needs: configuration, logs, the database, the queue, idempotency keys and domain events. */
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logger = pino(
      {
        level: config.logLevel,
        hooks: { logMethod: quietStartUp },
        redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      },
      timed(config.logFormat === 'pretty' ? prettyStream() : pino.destination({ dest: 1, sync: true })),
    );
    return {
      module: InfrastructureModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: { logger },
          // no HTTP middleware: the request log is a Fastify hook (requestLog), registered by createHttpApp
          forRoutes: [],
        }),
        DatabaseModule,
        AuditModule,
        QueueModule,
        // every process builds the controllers' @Idempotent() interceptors, the worker's too (its modules have controllers)
        IdempotencyModule,
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
      ],
      providers: [{ provide: REQUEST_LOGGER, useValue: logger }],
      exports: [ConfigModule, REQUEST_LOGGER],
    };
  }
}
