import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { pino } from 'pino';
import type { DestinationStream, LogFn, Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';
import { AppConfig, ConfigModule } from '@app/config';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
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

/** What every process needs: configuration, logs, the database, the queue and domain events. */
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // One route pattern: with the default ones, paths outside the prefix got the middleware twice.
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: [
            {
              level: config.logLevel,
              hooks: { logMethod: quietStartUp },
              // Fastify assigned the id (and echoes it in x-request-id); log lines carry the same one.
              genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? '',
              redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
              customLogLevel: (_req, res, err) =>
                err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              // probes and scrapes come every few seconds; logging each would drown the requests that matter
              // (the middleware sees the path below its mount point in url; originalUrl is the whole one)
              autoLogging: {
                ignore: (req) =>
                  /^\/(health(\/(live|ready))?|metrics)(\?|$)/.test(
                    (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '',
                  ),
              },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
            timed(config.logFormat === 'pretty' ? prettyStream() : pino.destination({ dest: 1, sync: true })),
          ],
        }),
        DatabaseModule,
        AuditModule,
        QueueModule,
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
      ],
      exports: [ConfigModule],
    };
  }
}
