import { Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '@app/common';
import { IdempotencyRepository } from './idempotency.repository';

/** Forgets expired keys hourly (a lookup also treats an expired key as new, so this only frees space). */
@Injectable()
export class IdempotencyCleanupService extends PeriodicTask {
  constructor(private readonly repo: IdempotencyRepository) {
    super(new Logger('Idempotency'), 60 * 60 * 1000, 'deleting expired idempotency keys');
  }

  protected work(): Promise<number> {
    return this.repo.deleteExpired();
  }
}
