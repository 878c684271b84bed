import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { OutboundModule } from '@app/outbound';
import { QueueName } from '@app/queue';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEventsListener } from './webhook-events.listener';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { WebhooksController } from './webhooks.controller';

/** The producer side: subscriptions, the outbox written on domain events, and the admin API. */
@Module({
  imports: [
    AuthModule,
    OutboundModule,
    TypeOrmModule.forFeature([WebhookSubscriptionEntity, WebhookDeliveryEntity]),
    BullModule.registerQueue({ name: QueueName.Webhooks }),
  ],
  controllers: [WebhooksController],
  providers: [
    WebhookSubscriptionRepository,
    WebhookDeliveryRepository,
    WebhookSubscriptionsService,
    WebhookDeliveriesService,
    WebhookOutboxService,
    WebhookEventsListener,
  ],
  exports: [WebhookSubscriptionRepository, WebhookDeliveryRepository, WebhookOutboxService],
})
export class WebhooksModule {}
