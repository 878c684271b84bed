import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PeriodicTask } from '@app/common';
import { InterviewStatusService } from './interview-status.service';

/**
 * The queue can lose jobs (a flushed Redis, a failed enqueue, a worker down past the end); on start and
 * every RECONCILE_EVERY_MS this moves every scheduled interview whose end has passed. The UPDATE is
 * conditional, so several workers sweeping at once move each interview once.
 */
@Injectable()
export class InterviewEndSweeperService extends PeriodicTask {
  constructor(
    private readonly status: InterviewStatusService,
    config: AppConfig,
  ) {
    super(new Logger('Interviews'), config.reconcileEveryMs, 'sweeping ended interviews');
  }

  /** Returns how many interviews moved. */
  protected async work(): Promise<number> {
    return (await this.status.sweep()).length;
  }
}
