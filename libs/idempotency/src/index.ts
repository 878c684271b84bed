export { IdempotencyModule } from './idempotency.module';
export { IdempotencyCleanupService } from './idempotency-cleanup.service';
export { IdempotencyInterceptor } from './idempotency.interceptor';
export { Idempotent } from './idempotent.decorator';
