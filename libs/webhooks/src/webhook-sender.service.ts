import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { OutboundError, OutboundRequestService } from '@app/outbound';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookFailureService } from './webhook-failure.service';
import { SIGNATURE_HEADER, signingSecrets, signWithSecrets } from './webhook-signature';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

export interface Attempt {
  deliveryId: string;
  round: number;
  /** 1-based, as BullMQ counts. */
  number: number;
  last: boolean;
}

/** Thrown to make BullMQ retry: the attempt failed and more are left. */
export class RetryLater extends Error {}

/**
 * One attempt at one delivery. Everything is re-read: a deleted subscription (its rows are gone), a
 * paused one or a newer round sends nothing. Every attempt is written to the delivery log.
 */
@Injectable()
export class WebhookSenderService {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly outbound: OutboundRequestService,
    private readonly config: AppConfig,
    private readonly failures: WebhookFailureService,
  ) {}

  async attempt(a: Attempt): Promise<string> {
    const delivery = await this.deliveries.findById(a.deliveryId);
    if (!delivery || delivery.round !== a.round || delivery.status !== 'pending') return 'nothing to do';
    const sub = await this.subscriptions.findById(delivery.subscriptionId);
    if (!sub) return 'subscription deleted';
    if (sub.status !== 'active') {
      await this.deliveries.markSkipped(delivery.id, 'The subscription is paused');
      return 'paused';
    }
    const now = new Date();
    try {
      const res = await this.outbound.post(sub.url, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Scorecards-Webhook/1',
          'webhook-id': delivery.id,
          [SIGNATURE_HEADER]: signWithSecrets(signingSecrets(sub, now), delivery.body, now),
          'x-scorecards-event': delivery.eventType,
          'x-scorecards-delivery': delivery.id,
        },
        body: delivery.body,
        timeoutMs: this.config.webhookTimeoutMs,
        // only the status counts
        maxBytes: 4096,
        overflow: 'truncate',
      });
      await this.deliveries.recordAttempt(delivery.id, a.number, {
        status: 'succeeded',
        responseStatus: res.status,
        error: null,
        nextAttemptAt: null,
        deliveredAt: new Date(),
      });
      await this.failures.succeeded(sub.id);
      return `HTTP ${res.status}`;
    } catch (e) {
      // an OutboundError's message names no internal address: safe for the log an admin reads
      const error = e instanceof OutboundError ? e.message : 'could not send';
      const responseStatus = e instanceof OutboundError ? (e.status ?? null) : null;
      const nextAttemptAt = a.last ? null : new Date(Date.now() + this.config.webhookRetryMs * 2 ** (a.number - 1));
      await this.deliveries.recordAttempt(delivery.id, a.number, {
        status: a.last ? 'failed' : 'pending',
        responseStatus,
        error,
        nextAttemptAt,
        deliveredAt: null,
      });
      if (!a.last) throw new RetryLater(error);
      await this.failures.failed(sub);
      return `failed: ${error}`;
    }
  }
}
