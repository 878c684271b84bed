import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { HeartbeatService } from '@app/queue';

/** One check's outcome in the health report: `status` and what it found. */
export type Indicator = { status: 'up' | 'down' } & Record<string, unknown>;

@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly heartbeats: HeartbeatService,
    private readonly config: AppConfig,
  ) {}

  async check(): Promise<Indicator> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const counts = await Promise.race([
        this.heartbeats.counts(),
        new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error('queue backend did not answer within 3 s')), 3000)),
        ),
      ]);
      const last = await this.heartbeats.latest();
      return {
        backend: this.config.queueBackend,
        jobs: counts,
        lastWorkerHeartbeat: last ? { processedAt: last.processedAt, processedBy: last.processedBy } : null,
        status: 'up',
      };
    } catch (e) {
      return { backend: this.config.queueBackend, message: e instanceof Error ? e.message : String(e), status: 'down' };
    } finally {
      // cleared, not left to fire: under load every probe kept a timer and its closures alive for 3 s
      clearTimeout(timer);
    }
  }
}
