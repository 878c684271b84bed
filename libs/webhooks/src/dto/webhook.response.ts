import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '@app/common';
import { WEBHOOK_EVENT_TYPES } from '../webhook-events';

export class WebhookSubscriptionResponse {
  id: string;
  url: string;
  description: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  events: string[];
  /** `paused`: too many deliveries in a row failed (or an admin paused it); nothing is sent until resumed. */
  @ApiProperty({ enum: ['active', 'paused'] })
  status: string;
  pausedReason: string | null;
  pausedAt: Date | null;
  @ApiProperty({ type: 'integer' })
  consecutiveFailures: number;
  /** Until then the previous secret signs too (a second `v1=`). */
  previousSecretExpiresAt: Date | null;
  ownerId: string;
  createdAt: Date;
  updatedAt: Date;
}

export class WebhookSubscriptionListResponse {
  items: WebhookSubscriptionResponse[];
}

/** Returned at creation and rotation only: the secret is never shown again. */
export class WebhookSecretResponse extends WebhookSubscriptionResponse {
  secret: string;
}

export class WebhookDeliveryResponse {
  /** Stable across retries and redeliveries: the `webhook-id` header and the body's `id`. */
  id: string;
  subscriptionId: string;
  eventId: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES, 'ping'] })
  eventType: string;
  /** `pending`: an attempt is due (see nextAttemptAt); `skipped`: the subscription was paused. */
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'skipped'] })
  status: string;
  @ApiProperty({ type: 'integer' })
  attempts: number;
  /** Manual redeliveries so far. */
  @ApiProperty({ type: 'integer' })
  round: number;
  @ApiProperty({ type: 'integer', nullable: true })
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export class WebhookDeliveryPage {
  items: WebhookDeliveryResponse[];
  page: PageInfoDto;
}
