import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { seatKey } from '@app/common';
import { AppConfig } from '@app/config';
import { SubmissionsService } from '@app/feedback';
import { InterviewersService } from '@app/interviewers';
import { InterviewReadService, type KitRow } from '@app/interviews';
import type { ReminderEntity } from './entities/reminder.entity';
import type { MessageContext } from './reminder-message';
import { ReminderKind } from './reminder-kind';

const FEEDBACK_KINDS = new Set<string>([
  ReminderKind.FeedbackDue,
  ReminderKind.FeedbackOverdue,
  ReminderKind.Escalation,
]);

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
    private readonly interviews: InterviewReadService,
    private readonly submissions: SubmissionsService,
    private readonly users: UsersService,
    private readonly interviewers: InterviewersService,
    private readonly config: AppConfig,
  ) {}

  async forPlanning(interviewId: string): Promise<PlanningFacts | null> {
    const kit = await this.interviews.kit(interviewId);
    if (!kit) return null;
    const panel = kit.panel.map((p) => p.userId);
    const people = new Map(
      (await this.users.findManyByIds([...panel, kit.authority.hiringManagerId])).map((u) => [u.id, u]),
    );
    const done = await this.submissions.submitted(panel.map((userId) => ({ interviewId, userId })));
    return {
      kit,
      timezoneOf: (id) => people.get(id)?.timezone ?? 'UTC',
      submitted: new Set(panel.filter((id) => done.has(seatKey({ interviewId, userId: id })))),
    };
  }

  async load(r: ReminderEntity): Promise<LoadedReminder> {
    return (await this.loadMany([r]))[0];
  }

  /**
   * The same for a batch of reminders, in a fixed number of statements: the kits of the batch's
   * interviews, then the submitted scorecards, the people and their channel settings, each at once.
   */
  async loadMany(rs: ReminderEntity[]): Promise<LoadedReminder[]> {
    const interviewIds = [...new Set(rs.map((r) => r.interviewId).filter((id): id is string => !!id))];
    const kits = await this.interviews.kits(interviewIds);
    const checked = rs.map((r) => this.check(r, r.interviewId ? (kits.get(r.interviewId) ?? null) : null));
    const feedback = rs.filter((r, i) => !('skip' in checked[i]) && FEEDBACK_KINDS.has(r.kind));
    const open = rs.filter((_, i) => !('skip' in checked[i]));
    const [done, people, settings] = await Promise.all([
      feedback.length
        ? this.submissions.submitted(feedback.map((r) => ({ interviewId: r.interviewId!, userId: r.aboutUserId })))
        : new Set<string>(),
      open.length ? this.users.findManyByIds(open.flatMap((r) => [r.recipientId, r.aboutUserId])) : [],
      open.length
        ? this.interviewers.notificationSettings([...new Set(open.map((r) => r.recipientId))])
        : new Map<string, Preferences>(),
    ]);
    const byId = new Map(people.map((u) => [u.id, u]));
    return rs.map((r, i): LoadedReminder => {
      const c = checked[i];
      if ('skip' in c) return c;
      if (FEEDBACK_KINDS.has(r.kind) && done.has(seatKey({ interviewId: r.interviewId!, userId: r.aboutUserId })))
        return { skip: 'scorecard already submitted' };
      const recipient = byId.get(r.recipientId);
      if (!recipient || !recipient.active) return { skip: 'recipient no longer active' };
      const about = byId.get(r.aboutUserId);
      return {
        context: {
          kind: r.kind,
          kit: c.kit,
          recipient,
          about: { id: r.aboutUserId, name: about?.name ?? 'A panelist' },
          baseUrl: this.config.publicUrl,
        },
        preferences: settings.get(recipient.id)!,
      };
    });
  }

  /** What the kit alone tells: whether the reminder still applies. */
  private check(r: ReminderEntity, kit: KitRow | null): { skip: string } | { kit: KitRow } {
    if (!r.interviewId) return { skip: `a ${r.kind} reminder names no interview` };
    if (!kit) return { skip: 'interview no longer exists' };
    if (kit.interview.status === 'no_show') return { skip: 'candidate did not attend' };
    const cancelled = kit.interview.status === 'cancelled';
    if (r.kind === ReminderKind.Cancellation ? !cancelled : cancelled)
      return { skip: cancelled ? 'interview cancelled' : 'interview is no longer cancelled' };
    if (!kit.panel.some((p) => p.userId === r.aboutUserId)) return { skip: 'panelist no longer on the panel' };
    return { kit };
  }
}
