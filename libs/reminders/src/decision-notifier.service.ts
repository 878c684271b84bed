import { Injectable } from '@nestjs/common';
import { Role, UsersService } from '@app/auth';
import type { CandidateDecidedPayload } from '@app/hiring';
import { InterviewReadService } from '@app/interviews';
import { DECISION_KINDS, type DecisionAudience } from './decision-message';
import type { ReminderEntity } from './entities/reminder.entity';
import { ReminderSchedulerService } from './reminder-scheduler.service';
import { ReminderSettingsService } from './reminder-settings.service';
import { ReminderRepository } from './reminder.repository';

/**
 * Plans the notices of a recorded decision: one reminder row per (decision, recipient), due when the
 * decision was made, delivered by the reminder workers (so the request never waits on SMTP, and the
 * delivery claim sends each channel once). Rows are keyed, so a repeated event plans nothing.
 */
@Injectable()
export class DecisionNotifierService {
  constructor(
    private readonly repo: ReminderRepository,
    private readonly settings: ReminderSettingsService,
    private readonly users: UsersService,
    private readonly interviews: InterviewReadService,
    private readonly scheduler: ReminderSchedulerService,
  ) {}

  /** Returns the notices planned now. */
  async plan(e: CandidateDecidedPayload): Promise<ReminderEntity[]> {
    if (e.automatic) return [];
    const policy = (await this.settings.get()).notifyDecisions;
    const audience = new Map<string, DecisionAudience>();
    if (policy.panel) {
      for (const i of await this.interviews.listForCandidates([e.candidateId])) {
        if (i.status !== 'cancelled') for (const p of i.panel) audience.set(p.userId, 'panel');
      }
    }
    // a recruiter who also interviewed gets the recruiter's notice (a superset), once
    if (policy.recruiters) for (const id of await this.recruiters()) audience.set(id, 'recruiter');
    // whoever decided knows already
    audience.delete(e.actorId);
    const rows = [...audience].map(([userId, a]) => ({
      key: `decision.${e.decisionId}.${userId}`,
      interviewId: null,
      candidateId: e.candidateId,
      decisionId: e.decisionId,
      recipientId: userId,
      aboutUserId: e.actorId,
      kind: DECISION_KINDS[a],
      occurrence: 0,
      dueAt: e.decidedAt,
    }));
    const stored = await this.repo.insertNew(rows);
    for (const r of stored) await this.scheduler.enqueue(r, null);
    return stored;
  }

  /**
   * Every active user with the recruiter role. Positions have no recruiter of their own yet; when they
   * do, this should narrow to the position's recruiters.
   */
  private recruiters(): Promise<string[]> {
    return this.users.idsByRole(Role.Recruiter);
  }
}
