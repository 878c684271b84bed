import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { AppConfig } from '@app/config';
import { DecisionHistoryService } from '@app/hiring';
import { CandidatePathService } from '@app/interviews';
import { InterviewersService } from '@app/interviewers';
import { audienceOf, type DecisionMessageContext } from './decision-message';
import type { ReminderEntity } from './entities/reminder.entity';
import type { Preferences } from './reminder-context.service';

export type LoadedDecisionNotice = { skip: string } | { context: DecisionMessageContext; preferences: Preferences };

/**
 * What a decision notice needs, read when it is delivered. A later decision does not stop it (decisions
 * are history: each one is told), but a recipient who was deactivated is skipped, and their channel
 * settings are read now, as for reminders.
 */
@Injectable()
export class DecisionNoticeContextService {
  constructor(
    private readonly decisions: DecisionHistoryService,
    private readonly candidates: CandidatePathService,
    private readonly users: UsersService,
    private readonly interviewers: InterviewersService,
    private readonly config: AppConfig,
  ) {}

  async load(r: ReminderEntity): Promise<LoadedDecisionNotice> {
    const audience = audienceOf(r.kind);
    if (!audience || !r.decisionId) return { skip: `not a decision notice (${r.kind})` };
    const decision = await this.decisions.find(r.decisionId);
    if (!decision) return { skip: 'decision no longer exists' };
    const candidate = await this.candidates.find(decision.candidateId);
    if (!candidate) return { skip: 'candidate no longer exists' };
    const [recipient] = await this.users.findManyByIds([r.recipientId]);
    if (!recipient || !recipient.active) return { skip: 'recipient no longer active' };
    const preferences = (await this.interviewers.notificationSettings([recipient.id])).get(recipient.id)!;
    return {
      context: { audience, decision, candidate: { id: candidate.id, name: candidate.name, positionTitle: candidate.positionTitle }, recipient, baseUrl: this.config.publicUrl },
      preferences,
    };
  }
}
