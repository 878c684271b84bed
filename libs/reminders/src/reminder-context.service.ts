import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { AppConfig } from '@app/config';
import { SubmissionsService } from '@app/feedback';
import { InterviewersService } from '@app/interviewers';
import { InterviewRepository, type KitRow } from '@app/interviews';
import type { ReminderEntity } from './entities/reminder.entity';
import type { MessageContext } from './reminder-message';

const FEEDBACK_KINDS = new Set(['feedback_due', 'feedback_overdue', 'escalation']);

export interface Preferences {
  email: boolean;
  webhookUrl: string | null;
}

export type LoadedReminder = { skip: string } | { context: MessageContext; preferences: Preferences };

export interface PlanningFacts {
  kit: KitRow;
  /** Each panelist's and the hiring manager's timezone. */
  timezoneOf(userId: string): string;
  /** Panelists who have submitted their scorecard. */
  submitted: Set<string>;
}

/**
 * What planning and delivery read about an interview. For delivery, everything a reminder's message needs, read now: the job may be hours old, so a cancelled
 * interview, a removed panelist or a submitted scorecard turns it into a skip with the reason.
 */
@Injectable()
export class ReminderContextService {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly submissions: SubmissionsService,
    private readonly users: UsersService,
    private readonly interviewers: InterviewersService,
    private readonly config: AppConfig,
  ) {}

  async forPlanning(interviewId: string): Promise<PlanningFacts | null> {
    const kit = await this.interviews.findKit(interviewId);
    if (!kit) return null;
    const panel = kit.panel.map((p) => p.userId);
    const people = new Map((await this.users.findManyByIds([...panel, kit.authority.hiringManagerId])).map((u) => [u.id, u]));
    const done = await this.submissions.submitted(panel.map((userId) => ({ interviewId, userId })));
    return { kit, timezoneOf: (id) => people.get(id)?.timezone ?? 'UTC', submitted: new Set(panel.filter((id) => done.has(`${interviewId}:${id}`))) };
  }

  async load(r: ReminderEntity): Promise<LoadedReminder> {
    const interviewId = r.interviewId;
    if (!interviewId) return { skip: `a ${r.kind} reminder names no interview` };
    const kit = await this.interviews.findKit(interviewId);
    if (!kit) return { skip: 'interview no longer exists' };
    if (kit.interview.status === 'no_show') return { skip: 'candidate did not attend' };
    const cancelled = kit.interview.status === 'cancelled';
    if (r.kind === 'cancellation' ? !cancelled : cancelled) return { skip: cancelled ? 'interview cancelled' : 'interview is no longer cancelled' };
    if (!kit.panel.some((p) => p.userId === r.aboutUserId)) return { skip: 'panelist no longer on the panel' };
    if (FEEDBACK_KINDS.has(r.kind) && (await this.submissions.submitted([{ interviewId, userId: r.aboutUserId }])).size) {
      return { skip: 'scorecard already submitted' };
    }
    const people = await this.users.findManyByIds([r.recipientId, r.aboutUserId]);
    const recipient = people.find((u) => u.id === r.recipientId);
    if (!recipient || !recipient.active) return { skip: 'recipient no longer active' };
    const about = people.find((u) => u.id === r.aboutUserId);
    const preferences = (await this.interviewers.notificationSettings([recipient.id])).get(recipient.id)!;
    return {
      context: { kind: r.kind, kit, recipient, about: { id: r.aboutUserId, name: about?.name ?? 'A panelist' }, baseUrl: this.config.publicUrl },
      preferences,
    };
  }
}
