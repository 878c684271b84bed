import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyCleanupService } from './idempotency-cleanup.service';
import { IdempotencyService } from './idempotency.service';
import { RequestTransactionService } from './request-transaction.service';

/**
 * Idempotency-Key on the POSTs marked @Idempotent(); the table is migration 1795420800000-IdempotencyKeys.
 *
 * Global because Nest builds a `@UseInterceptors(IdempotencyInterceptor)` inside the module of the
 * controller that names it, from that module's scope: every controller module must reach
 * IdempotencyService without importing this module (the domain libs do not depend on platform).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyKeyEntity])],
  providers: [RequestTransactionService, IdempotencyRepository, IdempotencyService, IdempotencyCleanupService],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
