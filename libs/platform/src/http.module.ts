import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { AuthModule, LOGIN_THROTTLE_METADATA } from '@app/auth';
import { RemindersModule } from '@app/reminders';
import { HealthController } from './health/health.controller';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { QueueHealthIndicator } from './health/queue.health';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';

/** The HTTP side shared by every API process: auth, rate limits, health and metrics. */
@Module({
  imports: [
    AuthModule,
    RemindersModule,
    IdempotencyModule,
    TerminusModule.forRoot({ logger: false }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.rateLimit },
          {
            name: 'login',
            ttl: 60_000,
            limit: config.loginRateLimit,
            skipIf: (ctx) => !Reflect.getMetadata(LOGIN_THROTTLE_METADATA, ctx.getHandler()),
            // per address and account, so one attacker cannot lock everybody out
            getTracker: (req) => `${req.ip}|${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
          },
        ],
        errorMessage: 'Too many requests; wait a minute and try again',
      }),
    }),
  ],
  controllers: [HealthController, MetricsController],
  providers: [QueueHealthIndicator, MetricsService, { provide: APP_GUARD, useClass: ThrottlerGuard }],
  exports: [MetricsService],
})
export class HttpModule {}
