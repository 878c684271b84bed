export { IdempotencyModule } from './idempotency.module';
export { IdempotencyCleanupService } from './idempotency-cleanup.service';
