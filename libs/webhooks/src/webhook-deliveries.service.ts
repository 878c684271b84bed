import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { nextCursor, readCursor } from '@app/common';
import type { WebhookDeliveriesQueryDto } from './dto/webhook.dto';
import type { WebhookDeliveryPage, WebhookDeliveryResponse } from './dto/webhook.response';
import type { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { PING_EVENT } from './webhook-events';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

function toDeliveryResponse(d: WebhookDeliveryEntity): WebhookDeliveryResponse {
  const { body: _b, subscription: _s, ...shown } = d;
  return shown;
}

/** The delivery log of a subscription, and what an admin starts by hand: a ping and a redelivery. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly outbox: WebhookOutboxService,
  ) {}

  async list(subscriptionId: string, q: WebhookDeliveriesQueryDto): Promise<WebhookDeliveryPage> {
    await this.subscriptions.load(subscriptionId);
    const limit = q.limit ?? 20;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.deliveries.page(subscriptionId, limit + 1, after && { createdAt: after[0], id: after[1] });
    return {
      items: rows.slice(0, limit).map((r) => toDeliveryResponse(r.delivery)),
      page: { limit, nextCursor: nextCursor(rows, limit, (r) => r.cursor) },
    };
  }

  async ping(subscriptionId: string): Promise<WebhookDeliveryResponse> {
    await this.assertActive(subscriptionId);
    const [id] = await this.outbox.record(
      { type: PING_EVENT, occurredAt: new Date(), data: { subscriptionId } },
      { subscriptionId },
    );
    return this.get(subscriptionId, id);
  }

  /** The same id and body again (a new round of attempts): the receiver can tell it has seen it. */
  async redeliver(subscriptionId: string, deliveryId: string): Promise<WebhookDeliveryResponse> {
    await this.assertActive(subscriptionId);
    await this.get(subscriptionId, deliveryId);
    const round = await this.deliveries.startRound(deliveryId);
    await this.outbox.enqueue(deliveryId, round);
    return this.get(subscriptionId, deliveryId);
  }

  private async get(subscriptionId: string, id: string): Promise<WebhookDeliveryResponse> {
    const row = await this.deliveries.findOfSubscription(subscriptionId, id);
    if (!row) throw new NotFoundException(`Delivery ${id} of webhook ${subscriptionId} not found`);
    return toDeliveryResponse(row);
  }

  /** A paused subscription sends nothing, by hand either: resume it first. */
  private async assertActive(subscriptionId: string): Promise<void> {
    const sub = await this.subscriptions.load(subscriptionId);
    if (sub.status !== 'active') throw new ConflictException(`Webhook ${subscriptionId} is paused; resume it first`);
  }
}
