import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ScorecardEvent } from '@app/feedback';
import { InterviewEvent } from '@app/interviews';
import type { InterviewEventPayload } from '@app/interviews';
import { ReminderScheduler } from './reminder-scheduler.service';

/** Interview and scorecard events move, add and remove reminders. */
@Injectable()
export class ReminderEventsListener {
  private readonly logger = new Logger('Reminders');

  constructor(private readonly scheduler: ReminderScheduler) {}

  @OnEvent(InterviewEvent.Scheduled, { promisify: true })
  @OnEvent(InterviewEvent.Rescheduled, { promisify: true })
  @OnEvent(InterviewEvent.PanelChanged, { promisify: true })
  @OnEvent(InterviewEvent.Cancelled, { promisify: true })
  @OnEvent(InterviewEvent.Completed, { promisify: true })
  @OnEvent(InterviewEvent.NoShow, { promisify: true })
  async onInterview(e: InterviewEventPayload): Promise<void> {
    await this.replan(e.interviewId);
  }

  @OnEvent(ScorecardEvent.Submitted, { promisify: true })
  @OnEvent(ScorecardEvent.Reopened, { promisify: true })
  async onScorecard(e: { interviewId: string }): Promise<void> {
    await this.replan(e.interviewId);
  }

  private async replan(interviewId: string): Promise<void> {
    try {
      await this.scheduler.replan(interviewId);
    } catch (err) {
      // reconciliation repairs what a failed replan left behind
      this.logger.error(`replanning reminders of ${interviewId} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
