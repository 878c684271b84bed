import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/auth';
import { DomainEventsService } from '@app/common';
import { eventPayload, InterviewEvent } from '../interview.events';
import { InterviewSchedulingService } from '../interviews/interview-scheduling.service';
import { InterviewRepository } from '../interviews/interview.repository';
import { InterviewStatusService } from '../lifecycle/interview-status.service';
import { parseInstant } from '../time';

const DAY = 86_400_000;

export interface DemoBooking {
  candidateId: string;
  /** For the meeting link: "jordan-rivera". */
  slug: string;
  planStageId: string;
  /** The kit's title, also the meeting link's suffix; "Technical interview" unless given. */
  title?: string;
  setId: string | null;
  /** The set's published question ids in order: the lead asks the first half, the other panelist the rest. */
  questionIds: string[];
  date: string;
  time: string;
  timezone: string;
  /** User ids, the lead first. */
  panel: [lead: string, second: string];
}

/**
 * Books the demo's interviews through scheduling. One already held is booked four weeks ahead (a new
 * interview must start in the future) and then moved back, with the event a reschedule sends, so
 * reminders are replanned and the interview ends as any other.
 */
@Injectable()
export class DemoInterviewBookerService {
  constructor(
    private readonly scheduling: InterviewSchedulingService,
    private readonly repo: InterviewRepository,
    private readonly events: DomainEventsService,
    private readonly status: InterviewStatusService,
  ) {}

  async book(manager: AuthUser, b: DemoBooking): Promise<string> {
    const startsAt = parseInstant(`${b.date}T${b.time}`, b.timezone);
    const held = startsAt.getTime() <= Date.now();
    const half = Math.ceil(b.questionIds.length / 2);
    const title = b.title ?? 'Technical interview';
    const kit = await this.scheduling.create(manager, {
      candidateId: b.candidateId,
      planStageId: b.planStageId,
      title,
      start: new Date(held ? startsAt.getTime() + 28 * DAY : startsAt.getTime()).toISOString(),
      durationMinutes: 60,
      timezone: b.timezone,
      meetingUrl: `https://meet.example.com/${b.slug}-${title.split(' ')[0].toLowerCase()}`,
      panel: [
        { userId: b.panel[0], role: 'lead' },
        { userId: b.panel[1], role: 'panelist' },
      ],
      questions: b.questionIds.map((questionId, i) => ({ questionId, askedBy: b.panel[i < half ? 0 : 1] })),
      allowConflicts: true,
    });
    if (held) await this.moveBack(manager, kit.id, startsAt);
    return kit.id;
  }

  private async moveBack(manager: AuthUser, id: string, startsAt: Date): Promise<void> {
    const before = (await this.repo.findById(id))!;
    const endsAt = new Date(startsAt.getTime() + before.durationMinutes * 60_000);
    const feedbackDueAt = new Date(endsAt.getTime() + DAY);
    await this.repo.update(id, { startsAt, endsAt, feedbackDueAt }, false);
    const after = (await this.repo.findById(id))!;
    const panel = await this.repo.findPanel(id);
    await this.events.emit(InterviewEvent.Rescheduled, {
      ...eventPayload(after, manager.id, panel),
      previous: { startsAt: before.startsAt, endsAt: before.endsAt, feedbackDueAt: before.feedbackDueAt },
    });
    // the end job would do it shortly; doing it now means the demo never shows a past interview as scheduled
    await this.status.endIfDue(id);
  }
}
