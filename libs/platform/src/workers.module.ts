import { Module } from '@nestjs/common';
import { QueueWorkersModule } from '@app/queue';
import { InterviewsWorkersModule } from '@app/interviews';
import { AvailabilityWorkersModule } from '@app/interviewers';
import { RemindersWorkersModule } from '@app/reminders';
import { WebhooksWorkersModule } from '@app/webhooks';

/** Every queue processor; loaded by apps/worker, and by apps/api when it runs the worker in-process. */
@Module({
  imports: [
    QueueWorkersModule,
    RemindersWorkersModule,
    InterviewsWorkersModule,
    AvailabilityWorkersModule,
    WebhooksWorkersModule,
  ],
})
export class WorkersModule {}
