import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { FeedbackModule } from '@app/feedback';
import { HiringModule } from '@app/hiring';
import { InterviewersModule } from '@app/interviewers';
import { InterviewsModule } from '@app/interviews';
import { OutboundModule } from '@app/outbound';
import { InvitationDeliveryService } from './invitations/invitation-delivery.service';
import { InvitationProcessor } from './invitations/invitation.processor';
import { DecisionNoticeContextService } from './decision-notice-context.service';
import { MailModule } from './mail.module';
import { ReminderChannelsService } from './reminder-channels.service';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderReconcilerService } from './reminder-reconciler.service';
import { ReminderProcessor } from './reminder.processor';
import { RemindersModule } from './reminders.module';
import { WebhookService } from './webhook.service';
import { DeclineNoticeContextService } from './rsvp/decline-notice-context.service';

/** The worker side: delivery of due reminders and decision notices, and reconciliation of the queue with the database. */
@Module({
  imports: [
    AuthModule,
    RemindersModule,
    InterviewsModule,
    InterviewersModule,
    FeedbackModule,
    HiringModule,
    OutboundModule,
    MailModule,
  ],
  providers: [
    WebhookService,
    ReminderChannelsService,
    DecisionNoticeContextService,
    DeclineNoticeContextService,
    ReminderDeliveryService,
    ReminderProcessor,
    ReminderReconcilerService,
    InvitationDeliveryService,
    InvitationProcessor,
  ],
  exports: [ReminderReconcilerService],
})
export class RemindersWorkersModule {}
