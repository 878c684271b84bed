import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { FeedbackModule } from '@app/feedback';
import { InterviewersModule } from '@app/interviewers';
import { InterviewsModule } from '@app/interviews';
import { QueueName } from '@app/queue';
import { DecisionNotifierService } from './decision-notifier.service';
import { DeliveryEntity } from './entities/delivery.entity';
import { InvitationEntity } from './invitations/invitation.entity';
import { InvitationPlannerService } from './invitations/invitation-planner.service';
import { InvitationRepository } from './invitations/invitation.repository';
import { ReminderSettingsEntity } from './entities/reminder-settings.entity';
import { ReminderEntity } from './entities/reminder.entity';
import { ReminderContextService } from './reminder-context.service';
import { ReminderEventsListener } from './reminder-events.listener';
import { ReminderMetricsService } from './reminder-metrics.service';
import { ReminderSchedulerService } from './reminder-scheduler.service';
import { ReminderSettingsRepository } from './reminder-settings.repository';
import { ReminderSettingsService } from './reminder-settings.service';
import { RemindersController } from './reminders.controller';
import { RemindersQueryService } from './reminders-query.service';
import { ReminderRepository } from './reminder.repository';
import { DeclineNotifierService } from './rsvp/decline-notifier.service';

const ENTITIES = [ReminderEntity, DeliveryEntity, ReminderSettingsEntity, InvitationEntity];

/** The producer side: policy, planning on interview, scorecard and decision events, and what the API shows. */
@Module({
  imports: [
    AuthModule,
    InterviewsModule,
    InterviewersModule,
    FeedbackModule,
    TypeOrmModule.forFeature(ENTITIES),
    BullModule.registerQueue({ name: QueueName.Reminders }, { name: QueueName.Invitations }),
  ],
  controllers: [RemindersController],
  providers: [
    ReminderRepository,
    ReminderSettingsRepository,
    ReminderSettingsService,
    ReminderSchedulerService,
    ReminderEventsListener,
    RemindersQueryService,
    ReminderMetricsService,
    ReminderContextService,
    DecisionNotifierService,
    DeclineNotifierService,
    InvitationRepository,
    InvitationPlannerService,
  ],
  exports: [
    InvitationRepository,
    InvitationPlannerService,
    ReminderSchedulerService,
    ReminderRepository,
    ReminderSettingsService,
    ReminderMetricsService,
    ReminderContextService,
  ],
})
export class RemindersModule {}
