import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { jobId, QueueName, reminderJob, type ReminderJobPayload } from '@app/queue';
import type { ReminderEntity } from './entities/reminder.entity';
import { planReminders } from './planning';
import { ReminderContextService } from './reminder-context.service';
import { ReminderSettingsService } from './reminder-settings.service';
import { ReminderRepository } from './reminder.repository';
import { RSVP_DECLINED } from './rsvp/decline-message';
import { ReminderKind } from './reminder-kind';

const FEEDBACK_KINDS = new Set<string>([
  ReminderKind.FeedbackDue,
  ReminderKind.FeedbackOverdue,
  ReminderKind.Escalation,
]);
const CANCELLATION = ReminderKind.Cancellation;

/** Brings an interview's reminders (rows and delayed jobs) in line with its current state and the policy. */
@Injectable()
export class ReminderSchedulerService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly repo: ReminderRepository,
    private readonly contexts: ReminderContextService,
    private readonly settings: ReminderSettingsService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue<ReminderJobPayload>,
  ) {}

  async replan(interviewId: string): Promise<void> {
    const facts = await this.contexts.forPlanning(interviewId);
    const kit = facts?.kit;
    // decline notices are not planned from the interview's times: replanning leaves them be (delivery re-checks them)
    const existing = (await this.repo.forInterview(interviewId)).filter((r) => r.kind !== RSVP_DECLINED);
    if (kit?.interview.status === 'no_show') {
      // nothing was held, so no feedback is owed; the panel is not told of a cancellation either
      await this.cancel(
        existing.filter((r) => r.status === 'scheduled'),
        'candidate did not attend',
      );
      return;
    }
    if (!kit || kit.interview.status === 'cancelled') {
      await this.cancel(
        existing.filter((r) => r.status === 'scheduled' && r.kind !== CANCELLATION),
        'interview cancelled',
      );
      if (kit)
        await this.noticeCancellation(
          kit.interview.id,
          kit.interview.startsAt,
          kit.panel.map((p) => p.userId),
        );
      return;
    }
    const i = kit.interview;
    const { timezoneOf, submitted } = facts;
    const planned = planReminders({
      interviewId,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      feedbackDueAt: i.feedbackDueAt,
      panel: kit.panel.map((p) => ({ userId: p.userId, timezone: timezoneOf(p.userId) })),
      hiringManager: { userId: kit.authority.hiringManagerId, timezone: timezoneOf(kit.authority.hiringManagerId) },
      policy: await this.settings.get(),
      now: new Date(),
    }).filter((r) => !(FEEDBACK_KINDS.has(r.kind) && submitted.has(r.aboutUserId)));

    const byKey = new Map(existing.map((r) => [r.key, r]));
    const plannedKeys = new Set(planned.map((p) => p.key));
    const changed = planned.filter((p) => {
      const e = byKey.get(p.key);
      return !e || e.dueAt.getTime() !== p.dueAt.getTime() || e.status === 'cancelled' || e.status === 'skipped';
    });
    await this.cancel(
      existing.filter((r) => r.status === 'scheduled' && !plannedKeys.has(r.key)),
      'no longer planned',
    );
    const stored = await this.repo.upsert(
      changed.map((p) => ({
        key: p.key,
        interviewId,
        recipientId: p.recipientId,
        aboutUserId: p.aboutUserId,
        kind: p.kind,
        occurrence: p.occurrence,
        dueAt: p.dueAt,
      })),
    );
    for (const r of stored) await this.enqueue(r, byKey.get(r.key)?.jobId ?? null);
  }

  /** One notice per panelist, sent now, when an interview still ahead is cancelled; keyed so a repeat plans nothing. */
  private async noticeCancellation(interviewId: string, startsAt: Date, panel: string[]): Promise<void> {
    const now = new Date();
    if (startsAt <= now) return;
    const notices = await this.repo.insertNew(
      panel.map((userId) => ({
        key: `${interviewId}.${userId}.${CANCELLATION}.0`,
        interviewId,
        recipientId: userId,
        aboutUserId: userId,
        kind: CANCELLATION,
        occurrence: 0,
        dueAt: now,
      })),
    );
    for (const n of notices) await this.enqueue(n, null);
  }

  /** Adds the reminder's job when the queue has none (it was lost); true when it did. */
  async ensureQueued(r: ReminderEntity): Promise<boolean> {
    if (await this.queue.getJob(jobId('rem', r.id, r.dueAt.getTime()))) return false;
    await this.enqueue(r, null);
    return true;
  }

  /** Adds the delayed job for a reminder (removing the job of its previous time). */
  async enqueue(r: ReminderEntity, previousJobId: string | null): Promise<void> {
    const job = reminderJob(r, this.config.queueBackend, {
      attempts: this.config.reminderAttempts,
      delayMs: this.config.reminderRetryMs,
    });
    if (previousJobId && previousJobId !== job.opts.jobId) await this.queue.remove(previousJobId).catch(() => 0);
    await this.queue.add(job.name, job.data, job.opts);
    await this.repo.setJob(r.id, job.opts.jobId);
  }

  private async cancel(reminders: ReminderEntity[], reason: string): Promise<void> {
    for (const r of reminders) if (r.jobId) await this.queue.remove(r.jobId).catch(() => 0);
    await this.repo.setStatus(
      reminders.map((r) => r.id),
      'cancelled',
      reason,
    );
    if (reminders.length)
      this.logger.log(`${reminders.length} reminder(s) of interview ${reminders[0].interviewId} cancelled: ${reason}`);
  }
}
