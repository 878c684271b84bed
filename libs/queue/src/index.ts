export { QueueModule } from './queue.module';
export { QueueWorkersModule } from './queue-workers.module';
export { HeartbeatService } from './heartbeat.service';
export {
  QueueName,
  SystemJob,
  ReminderJob,
  InterviewJob,
  CalendarJob,
  calendarFeedJobId,
  type CalendarFeedJobPayload,
  InvitationJob,
  type InvitationJobPayload,
  jobId,
  type HeartbeatPayload,
  type ReminderJobPayload,
  REMINDER_LEAD_MS,
  KEEP_COMPLETED,
  KEEP_FAILED,
  reminderJobDelay,
  reminderJob,
  type InterviewEndJobPayload,
  WebhookJob,
  type WebhookJobPayload,
  webhookDeliveryJobId,
} from './queue.constants';
export { queueConnection, PROCESS_ID } from './queue-connection';
