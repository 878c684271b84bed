import { Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '@app/common';
import { AppConfig } from '@app/config';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookOutboxService } from './webhook-outbox.service';

/** A grace past the due time before a pending row counts as lost: the job may simply be running. */
const LOST_AFTER_MS = 2 * 60_000;

/**
 * Re-adds the job of a pending delivery whose attempt is long overdue (the process died between
 * writing the row and adding the job). The job id is deterministic: a job still there is not doubled.
 */
@Injectable()
export class WebhookSweeperService extends PeriodicTask {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly outbox: WebhookOutboxService,
    config: AppConfig,
  ) {
    super(new Logger('Webhooks'), config.reconcileEveryMs, 'sweeping webhook deliveries');
  }

  protected async work(): Promise<number> {
    const lost = await this.deliveries.overdue(new Date(Date.now() - LOST_AFTER_MS), 500);
    for (const d of lost) await this.outbox.enqueue(d.id, d.round);
    return lost.length;
  }
}
