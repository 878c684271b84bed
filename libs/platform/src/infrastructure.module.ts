import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AppConfig, ConfigModule } from '@app/config';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';

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
          pinoHttp: {
            level: config.logLevel,
            // Fastify assigned the id (and echoes it in x-request-id); log lines carry the same one.
            genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? '',
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            // probes and scrapes come every few seconds; logging each would drown the requests that matter
            autoLogging: { ignore: (req) => /^\/(health(\/(live|ready))?|metrics)(\?|$)/.test(req.url ?? '') },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
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
