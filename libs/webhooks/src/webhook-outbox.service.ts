import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import {
  KEEP_COMPLETED,
  KEEP_FAILED,
  QueueName,
  WebhookJob,
  type WebhookJobPayload,
  webhookDeliveryJobId,
} from '@app/queue';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { webhookBody, type WebhookEvent } from './webhook-events';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/**
 * Writes the delivery rows first (the outbox), then adds one job per row under a job id made of the
 * row's id and round: a lost enqueue is repaired by the sweeper, a doubled one adds nothing.
 */
@Injectable()
export class WebhookOutboxService {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue<WebhookJobPayload>,
    private readonly config: AppConfig,
  ) {}

  /** One event to every active subscription of its type; returns the delivery ids. */
  async record(event: WebhookEvent, only?: { subscriptionId: string }): Promise<string[]> {
    const subs = only ? [{ id: only.subscriptionId }] : await this.subscriptions.activeFor(event.type);
    if (!subs.length) return [];
    const eventId = randomUUID();
    const ids = await this.deliveries.insertNew(
      subs.map((s) => {
        const id = randomUUID();
        return { id, subscriptionId: s.id, eventId, eventType: event.type, body: webhookBody(id, event) };
      }),
    );
    for (const id of ids) await this.enqueue(id, 0);
    return ids;
  }

  async enqueue(deliveryId: string, round: number): Promise<void> {
    await this.queue.add(
      WebhookJob.Deliver,
      { deliveryId, round },
      {
        jobId: webhookDeliveryJobId(deliveryId, round),
        attempts: this.config.webhookAttempts,
        // BullMQ waits delay * 2^(n-1) before the n-th retry: 5 min doubling over 8 attempts is ~10.5 h
        backoff: { type: 'exponential', delay: this.config.webhookRetryMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    );
  }
}
