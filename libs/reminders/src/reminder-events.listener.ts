import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '@app/common';
import { ScorecardEvent, type ScorecardEventPayload } from '@app/feedback';
import { HiringEvent, type CandidateDecidedPayload } from '@app/hiring';
import { InterviewEvent } from '@app/interviews';
import type { InterviewEventPayload } from '@app/interviews';
import { DecisionNotifierService } from './decision-notifier.service';
import { ReminderSchedulerService } from './reminder-scheduler.service';

/** Interview and scorecard events move, add and remove reminders; a decision plans its notices. */
@Injectable()
export class ReminderEventsListener {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly scheduler: ReminderSchedulerService,
    private readonly decisions: DecisionNotifierService,
  ) {}

  @OnDomainEvent(HiringEvent.CandidateDecided)
  async onDecided(e: CandidateDecidedPayload): Promise<void> {
    try {
      await this.decisions.plan(e);
    } catch (err) {
      // the decision is committed and must stand; its notices are what is lost (and logged)
      this.logger.error(
        `planning the notices of decision ${e.decisionId} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  @OnDomainEvent([
    InterviewEvent.Scheduled,
    InterviewEvent.Rescheduled,
    InterviewEvent.PanelChanged,
    InterviewEvent.Cancelled,
    InterviewEvent.Completed,
    InterviewEvent.NoShow,
  ])
  async onInterview(e: InterviewEventPayload): Promise<void> {
    await this.replan(e.interviewId);
  }

  @OnDomainEvent([ScorecardEvent.Submitted, ScorecardEvent.Reopened])
  async onScorecard(e: ScorecardEventPayload): Promise<void> {
    await this.replan(e.interviewId);
  }

  private async replan(interviewId: string): Promise<void> {
    try {
      await this.scheduler.replan(interviewId);
    } catch (err) {
      // reconciliation repairs what a failed replan left behind
      this.logger.error(
        `replanning reminders of ${interviewId} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
