import { Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '@app/common';
import { AppConfig } from '@app/config';
import { InvitationPlannerService } from './invitations/invitation-planner.service';
import { ReminderSchedulerService } from './reminder-scheduler.service';
import { ReminderRepository } from './reminder.repository';

const PAGE = 500;
const PARALLEL = 20;

/**
 * The database is the record of what should be scheduled; the queue can lose jobs (a Redis restored
 * from an old snapshot, a flush, a failed enqueue). On start and every RECONCILE_EVERY_MS this adds
 * back the job of every scheduled reminder, and of every pending invitation, that has none. Job ids are deterministic, so several
 * workers reconciling at once add each job once.
 */
@Injectable()
export class ReminderReconcilerService extends PeriodicTask {
  constructor(
    private readonly repo: ReminderRepository,
    private readonly scheduler: ReminderSchedulerService,
    private readonly invitations: InvitationPlannerService,
    config: AppConfig,
  ) {
    super(new Logger('Reminders'), config.reconcileEveryMs, 'reconciliation');
  }

  /** Returns how many jobs were restored. */
  protected async work(): Promise<number> {
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
    // calendar invitations the same way (logged apart: the count above is reminders only)
    await this.invitations.requeuePending();
    return restored;
  }
}
