import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '@app/common';
import { Role, UsersService } from '@app/auth';
import { InterviewEvent, type PanelistDeclinedPayload } from '@app/interviews';
import type { ReminderEntity } from '../entities/reminder.entity';
import { ReminderSchedulerService } from '../reminder-scheduler.service';
import { ReminderRepository } from '../reminder.repository';
import { RSVP_DECLINED } from './decline-message';

/**
 * Plans the notices of a decline: one reminder row per (decline, recipient), due now, delivered by the
 * reminder workers. The key names the decline by its time, so the same event told twice (a retry)
 * plans nothing more, while a later decline (after accepting again) is told again.
 */
@Injectable()
export class DeclineNotifierService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly repo: ReminderRepository,
    private readonly users: UsersService,
    private readonly scheduler: ReminderSchedulerService,
  ) {}

  @OnDomainEvent(InterviewEvent.PanelistDeclined)
  async onDeclined(e: PanelistDeclinedPayload): Promise<void> {
    try {
      await this.plan(e);
    } catch (err) {
      // the answer is committed and must stand; its notices are what is lost (and logged)
      this.logger.error(
        `planning the decline notices of interview ${e.interviewId} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** Returns the notices planned now. */
  async plan(e: PanelistDeclinedPayload): Promise<ReminderEntity[]> {
    const audience = new Set([e.scheduledById, e.hiringManagerId, ...(await this.recruiters())]);
    audience.delete(e.panelistId);
    const at = new Date(e.declinedAt);
    const rows = [...audience].map((userId) => ({
      key: `rsvp.${e.interviewId}.${e.panelistId}.${at.getTime()}.${userId}`,
      interviewId: e.interviewId,
      recipientId: userId,
      aboutUserId: e.panelistId,
      kind: RSVP_DECLINED,
      occurrence: 0,
      dueAt: at,
    }));
    const stored = await this.repo.insertNew(rows);
    for (const r of stored) await this.scheduler.enqueue(r, null);
    return stored;
  }

  /** Every active recruiter (positions have no recruiters of their own yet, as for decision notices). */
  private recruiters(): Promise<string[]> {
    return this.users.idsByRole(Role.Recruiter);
  }
}
