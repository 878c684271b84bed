import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { OutboundModule } from '@app/outbound';
import { MailModule } from '@app/reminders';
import { WebhookFailureService } from './webhook-failure.service';
import { WebhookSenderService } from './webhook-sender.service';
import { WebhookSweeperService } from './webhook-sweeper.service';
import { WebhookProcessor } from './webhook.processor';
import { WebhooksModule } from './webhooks.module';

/** The worker side: sending, retrying, pausing and telling owners, and repairing lost enqueues. */
@Module({
  imports: [AuthModule, OutboundModule, WebhooksModule, MailModule],
  providers: [WebhookFailureService, WebhookSenderService, WebhookProcessor, WebhookSweeperService],
})
export class WebhooksWorkersModule {}
