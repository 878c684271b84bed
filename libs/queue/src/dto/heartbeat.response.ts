import type { HeartbeatEntity } from '../heartbeat.entity';

export class HeartbeatTicket {
  jobId: string;
  /** "postgres" or "redis". */
  backend: string;
  requestedAt: string;
}

export class HeartbeatResponse {
  jobId: string;
  backend: string;
  requestedBy: string;
  requestedAt: Date;
  /** The worker process (host#pid) that ran the job. */
  processedBy: string;
  processedAt: Date;

  static from(b: HeartbeatEntity): HeartbeatResponse {
    return {
      jobId: b.jobId,
      backend: b.backend,
      requestedBy: b.requestedBy,
      requestedAt: b.requestedAt,
      processedBy: b.processedBy,
      processedAt: b.processedAt,
    };
  }
}
