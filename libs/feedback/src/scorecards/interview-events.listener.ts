import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InterviewEvent } from '@app/interviews';
import type { InterviewRescheduledPayload } from '@app/interviews';
import { ScorecardRepository } from './scorecard.repository';

/** Keeps the interview's end on its scorecards current, for the submission delay. */
@Injectable()
export class InterviewEventsListener {
  constructor(private readonly repo: ScorecardRepository) {}

  @OnEvent(InterviewEvent.Rescheduled, { promisify: true, suppressErrors: false })
  async onRescheduled(e: InterviewRescheduledPayload): Promise<void> {
    await this.repo.moveInterviewEnd(e.interviewId, e.endsAt);
  }
}
