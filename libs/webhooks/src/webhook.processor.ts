import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, WebhookJob, type WebhookJobPayload } from '@app/queue';
import { WebhookSenderService } from './webhook-sender.service';

// The sends wait on receivers (up to WEBHOOK_TIMEOUT_MS each), not on the CPU.
@Processor(QueueName.Webhooks, { concurrency: 20 })
export class WebhookProcessor extends WorkerHost {
  constructor(private readonly sender: WebhookSenderService) {
    super();
  }

  /** A failed attempt with attempts left throws, and BullMQ retries it after its exponential backoff. */
  process(job: Job<WebhookJobPayload>): Promise<string> {
    if (job.name !== WebhookJob.Deliver) return Promise.resolve('ignored');
    const number = job.attemptsMade + 1;
    return this.sender.attempt({
      deliveryId: job.data.deliveryId,
      round: job.data.round,
      number,
      last: number >= (job.opts.attempts ?? 1),
    });
  }
}
