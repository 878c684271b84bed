export { QueueModule } from './queue.module';
export { QueueWorkersModule } from './queue-workers.module';
export { HeartbeatService } from './heartbeat.service';
export { QueueName, SystemJob, ReminderJob, jobId, type HeartbeatPayload, type ReminderJobPayload } from './queue.constants';
export { queueConnection, PROCESS_ID } from './queue-connection';
