import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@app/common';
import { InterviewEvent } from '@app/interviews';
import type { InterviewRescheduledPayload } from '@app/interviews';
import { ScorecardRepository } from './scorecard.repository';

/** Keeps the interview's end on its scorecards current, for the submission delay. */
@Injectable()
export class InterviewEventsListener {
  constructor(private readonly repo: ScorecardRepository) {}

  @OnDomainEvent(InterviewEvent.Rescheduled, { suppressErrors: false })
  async onRescheduled(e: InterviewRescheduledPayload): Promise<void> {
    await this.repo.moveInterviewEnd(e.interviewId, e.endsAt);
  }
}
