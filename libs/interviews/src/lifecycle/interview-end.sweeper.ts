import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { InterviewStatusService } from './interview-status.service';

/**
 * The queue can lose jobs (a flushed Redis, a failed enqueue, a worker down past the end); on start and
 * every RECONCILE_EVERY_MS this moves every scheduled interview whose end has passed. The UPDATE is
 * conditional, so several workers sweeping at once move each interview once.
 */
@Injectable()
export class InterviewEndSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Interviews');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly status: InterviewStatusService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.config.reconcileEveryMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Returns how many interviews moved; a run already under way is joined, not doubled. */
  runOnce(): Promise<number> {
    this.running ??= this.status
      .sweep()
      .then((ids) => ids.length)
      .catch((e) => {
        this.logger.error(`sweeping ended interviews failed: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
