import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '@app/config';
import { HeartbeatRepository } from './heartbeat.repository';
import { HeartbeatPayload, QueueName, SystemJob } from './queue.constants';
import { PROCESS_ID } from './queue-connection';

@Processor(QueueName.System)
export class HeartbeatProcessor extends WorkerHost {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly beats: HeartbeatRepository,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<HeartbeatPayload>): Promise<void> {
    if (job.name !== SystemJob.Heartbeat) {
      this.logger.warn(`ignoring unknown job ${job.name} (${job.id})`);
      return;
    }
    await this.beats.record({
      jobId: job.id!,
      backend: this.config.queueBackend,
      requestedBy: job.data.requestedBy,
      requestedAt: new Date(job.data.requestedAt),
      processedBy: PROCESS_ID,
      processedAt: new Date(),
    });
  }
}
