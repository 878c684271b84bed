import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { AppConfig } from '@app/config';
import { InterviewReadService } from '@app/interviews';
import { InterviewersService } from '@app/interviewers';
import type { ReminderEntity } from '../entities/reminder.entity';
import type { Preferences } from '../reminder-context.service';
import type { DeclineMessageContext } from './decline-message';

export type LoadedDeclineNotice = { skip: string } | { context: DeclineMessageContext; preferences: Preferences };

/**
 * What a decline notice needs, read when it is delivered: a panelist who changed their answer, was
 * replaced already, or an interview no longer scheduled makes it a skip with the reason.
 */
@Injectable()
export class DeclineNoticeContextService {
  constructor(
    private readonly interviews: InterviewReadService,
    private readonly users: UsersService,
    private readonly interviewers: InterviewersService,
    private readonly config: AppConfig,
  ) {}

  async load(r: ReminderEntity): Promise<LoadedDeclineNotice> {
    const kit = r.interviewId ? await this.interviews.kit(r.interviewId) : null;
    if (!kit) return { skip: 'interview no longer exists' };
    if (kit.interview.status !== 'scheduled') return { skip: `interview is ${kit.interview.status}` };
    const panelist = kit.panel.find((p) => p.userId === r.aboutUserId);
    if (!panelist) return { skip: 'panelist already replaced' };
    // the row's due time is the decline's time: a newer answer (or a reschedule's reset) supersedes it
    if (panelist.rsvp !== 'declined' || !panelist.rsvpAt || new Date(panelist.rsvpAt).getTime() !== r.dueAt.getTime())
      return { skip: 'panelist changed their answer' };
    const people = await this.users.findManyByIds([r.recipientId, r.aboutUserId]);
    const recipient = people.find((u) => u.id === r.recipientId);
    if (!recipient || !recipient.active) return { skip: 'recipient no longer active' };
    const about = people.find((u) => u.id === r.aboutUserId);
    const preferences = (await this.interviewers.notificationSettings([recipient.id])).get(recipient.id)!;
    return {
      context: {
        interview: {
          id: kit.interview.id,
          title: kit.interview.title,
          startsAt: kit.interview.startsAt,
          timezone: kit.interview.timezone,
        },
        candidate: { id: kit.candidate.id, name: kit.candidate.name },
        panelist: { id: r.aboutUserId, name: about?.name ?? 'A panelist' },
        note: panelist.rsvpNote,
        recipient,
        baseUrl: this.config.publicUrl,
      },
      preferences,
    };
  }
}
