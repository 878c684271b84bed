import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';

const PAGE = 500;
const PARALLEL = 20;

/**
 * The database is the record of what should be scheduled; the queue can lose jobs (a Redis restored
 * from an old snapshot, a flush, a failed enqueue). On start and every RECONCILE_EVERY_MS this adds
 * back the job of every scheduled reminder that has none. Job ids are deterministic, so several
 * workers reconciling at once add each job once.
 */
@Injectable()
export class ReminderReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly repo: RemindersRepository,
    private readonly scheduler: ReminderScheduler,
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

  /** Returns how many jobs were restored; a run already under way is joined, not doubled. */
  runOnce(): Promise<number> {
    this.running ??= this.reconcile()
      .catch((e) => {
        this.logger.error(`reconciliation failed: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async reconcile(): Promise<number> {
    let restored = 0;
    let after: { dueAt: Date; id: string } | null = null;
    for (;;) {
      const page = await this.repo.scheduledAfter(after, PAGE);
      for (let i = 0; i < page.length; i += PARALLEL) {
        const batch = page.slice(i, i + PARALLEL);
        restored += (await Promise.all(batch.map((r) => this.scheduler.ensureQueued(r)))).filter(Boolean).length;
      }
      if (page.length < PAGE) break;
      after = { dueAt: page[page.length - 1].dueAt, id: page[page.length - 1].id };
    }
    if (restored) this.logger.warn(`reconciliation restored ${restored} reminder job(s) missing from the queue`);
    return restored;
  }
}
