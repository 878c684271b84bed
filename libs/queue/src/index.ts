export { QueueModule } from './queue.module';
export { QueueWorkersModule } from './queue-workers.module';
export { HeartbeatService } from './heartbeat.service';
export { QueueName, SystemJob, ReminderJob, InterviewJob, InvitationJob, jobId, type InvitationJobPayload, type HeartbeatPayload, type ReminderJobPayload, type InterviewEndJobPayload } from './queue.constants';
export { queueConnection, PROCESS_ID } from './queue-connection';
