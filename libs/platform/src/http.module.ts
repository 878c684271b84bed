import { Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { AuthModule } from '@app/auth';
import { UuidParamsPipe } from '@app/common';
import { RemindersModule } from '@app/reminders';
import { WebhooksModule } from '@app/webhooks';
import { AuditController } from './audit/audit.controller';
import { HealthController } from './health/health.controller';
import { QueueHealthIndicator } from './health/queue.health';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { AppThrottlerGuard } from './throttle/app-throttler.guard';
import { RequestIdentityService } from './throttle/request-identity.service';
import { THROTTLE_STORAGE, ThrottleSupportModule } from './throttle/throttle.module';
import { throttlerOptions } from './throttle/throttlers';

/** The HTTP side shared by every API process: auth, rate limits (see throttle/throttlers.ts), health and metrics. */
@Module({
  imports: [
    AuthModule,
    RemindersModule,
    WebhooksModule,
    TerminusModule.forRoot({ logger: false }),
    ThrottlerModule.forRootAsync({
      imports: [ThrottleSupportModule],
      inject: [AppConfig, RequestIdentityService, THROTTLE_STORAGE],
      useFactory: throttlerOptions,
    }),
  ],
  controllers: [AuditController, HealthController, MetricsController],
  providers: [
    QueueHealthIndicator,
    MetricsService,
    { provide: APP_GUARD, useClass: AppThrottlerGuard },
    { provide: APP_PIPE, useClass: UuidParamsPipe },
  ],
  exports: [MetricsService],
})
export class HttpModule {}
