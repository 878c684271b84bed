import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { HeartbeatRepository } from './heartbeat.repository';
import type { LatestHeartbeat } from './heartbeat-statements';
import { HeartbeatPayload, jobId, QueueName, SystemJob } from './queue.constants';
import { PROCESS_ID } from './queue-connection';
import { HeartbeatResponse, HeartbeatTicket } from './dto/heartbeat.response';

@Injectable()
export class HeartbeatService {
  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue<HeartbeatPayload>,
    private readonly beats: HeartbeatRepository,
    private readonly config: AppConfig,
  ) {}

  /** Enqueues a heartbeat for any worker to pick up. */
  async send(): Promise<HeartbeatTicket> {
    const id = jobId(SystemJob.Heartbeat, randomUUID());
    const requestedAt = new Date().toISOString();
    await this.queue.add(
      SystemJob.Heartbeat,
      { requestedBy: PROCESS_ID, requestedAt },
      { jobId: id, removeOnComplete: 100, removeOnFail: 100, attempts: 3 },
    );
    return { jobId: id, backend: this.config.queueBackend, requestedAt };
  }

  async get(id: string): Promise<HeartbeatResponse> {
    const beat = await this.beats.findByJobId(id);
    if (!beat) throw new NotFoundException(`No worker has processed heartbeat ${id} yet`);
    return HeartbeatResponse.from(beat);
  }

  /** When and by whom the latest heartbeat was processed; used by /health. */
  latest(): Promise<LatestHeartbeat | null> {
    return this.beats.findLatestProcessed();
  }

  /** Job counts prove the backend answers; used by /health. */
  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }
}
