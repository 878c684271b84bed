import { Injectable, Logger } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { AppConfig } from '@app/config';
import { SubmissionsService } from '@app/feedback';
import { InterviewInviteService, InterviewRepository } from '@app/interviews';
import { MailService } from './mail.service';
import { composeReminder } from './reminder-message';
import { RemindersRepository } from './reminders.repository';

const FEEDBACK_KINDS = new Set(['feedback_due', 'feedback_overdue', 'escalation']);

/**
 * Sends one reminder, at most once. It re-reads everything first: a job for a cancelled interview,
 * a moved time, a removed panelist or a submitted scorecard does nothing and says why.
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly repo: RemindersRepository,
    private readonly interviews: InterviewRepository,
    private readonly invites: InterviewInviteService,
    private readonly submissions: SubmissionsService,
    private readonly mail: MailService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async deliver(reminderId: string, dueAt: Date): Promise<'sent' | 'skipped' | 'stale' | 'duplicate'> {
    return this.repo.transaction(async (repo) => {
      const r = await repo.findForUpdate(reminderId);
      if (!r) return this.note('stale', reminderId, 'reminder no longer exists');
      if (r.status !== 'scheduled') return this.note('stale', reminderId, `reminder is ${r.status}`);
      if (r.dueAt.getTime() !== dueAt.getTime()) return this.note('stale', reminderId, `reminder moved to ${r.dueAt.toISOString()}`);
      const kit = await this.interviews.findKit(r.interviewId);
      const skip = async (reason: string) => {
        await repo.setStatus([r.id], 'skipped', reason);
        return this.note('skipped', reminderId, reason);
      };
      if (!kit || kit.interview.status === 'cancelled') return skip('interview cancelled');
      if (!kit.panel.some((p) => p.userId === r.aboutUserId)) return skip('panelist no longer on the panel');
      if (FEEDBACK_KINDS.has(r.kind) && (await this.submissions.submitted([{ interviewId: r.interviewId, userId: r.aboutUserId }])).size) {
        return skip('scorecard already submitted');
      }
      const [recipient, about] = await this.users.findManyByIds([r.recipientId, r.aboutUserId]).then((us) => [us.find((u) => u.id === r.recipientId), us.find((u) => u.id === r.aboutUserId)]);
      if (!recipient || !recipient.active) return skip('recipient no longer active');
      const message = composeReminder({ kind: r.kind, kit, recipient, about: { id: r.aboutUserId, name: about?.name ?? 'A panelist' }, baseUrl: this.config.publicUrl });
      const claim = await repo.claimDelivery({ reminderId: r.id, dueAt: r.dueAt, channel: this.mail.channel, recipientId: recipient.id, interviewId: r.interviewId, kind: r.kind, subject: message.subject.slice(0, 400) });
      if (!claim) {
        await repo.markSent(r.id);
        return this.note('duplicate', reminderId, 'already delivered');
      }
      const ics = r.kind === 'prep' ? await this.invites.icsFor(r.interviewId) : null;
      // sent inside the claiming transaction: if sending fails, the claim rolls back and the job retries
      const ref = await this.mail.send({ ...message, ...(ics ? { ics: { ...ics, method: 'REQUEST' } } : {}) });
      await repo.setProviderRef(claim, ref);
      await repo.markSent(r.id);
      return 'sent' as const;
    });
  }

  async fail(reminderId: string, error: string): Promise<void> {
    await this.repo.markFailed(reminderId, error);
  }

  private note<T extends string>(outcome: T, reminderId: string, why: string): T {
    this.logger.log(`reminder ${reminderId}: ${outcome} (${why})`);
    return outcome;
  }
}
