import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { FeedbackModule } from '@app/feedback';
import { InterviewsModule } from '@app/interviews';
import { MailService } from './mail.service';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderProcessor } from './reminder.processor';
import { RemindersModule } from './reminders.module';

/** The worker side: delivery of due reminders. */
@Module({
  imports: [AuthModule, RemindersModule, InterviewsModule, FeedbackModule],
  providers: [MailService, ReminderDeliveryService, ReminderProcessor],
})
export class RemindersWorkersModule {}
