import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '@app/common';
import { InterviewReadService, InterviewStatusService } from '@app/interviews';
import { ScorecardEvent, type ScorecardEventPayload } from './scorecard.events';
import { SubmissionsService } from './submissions.service';

/**
 * Tells the interviews module, after each submit or reopen, whether every panelist has now submitted:
 * it completes the interview, or (after a reopen) sends it back to awaiting feedback.
 */
@Injectable()
export class InterviewCompletionListener {
  private readonly logger = new Logger('Feedback');

  constructor(
    private readonly interviews: InterviewReadService,
    private readonly status: InterviewStatusService,
    private readonly submissions: SubmissionsService,
  ) {}

  /** The last panelist's submit completes the interview; an earlier one changes nothing (nor undoes a manual close). */
  @OnDomainEvent(ScorecardEvent.Submitted)
  async onSubmitted(e: ScorecardEventPayload): Promise<void> {
    await this.settle(e.interviewId, async () => {
      const panel = await this.interviews.panel(e.interviewId);
      const done = await this.submissions.submitted(
        panel.map((p) => ({ interviewId: e.interviewId, userId: p.userId })),
      );
      if (panel.length > 0 && done.size === panel.length) await this.status.feedbackChanged(e.interviewId, true);
    });
  }

  /** A reopened scorecard means feedback is outstanding again. */
  @OnDomainEvent(ScorecardEvent.Reopened)
  async onReopened(e: ScorecardEventPayload): Promise<void> {
    await this.settle(e.interviewId, () => this.status.feedbackChanged(e.interviewId, false));
  }

  private async settle(interviewId: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      // the scorecard itself is stored; a manager can still complete the interview by hand
      this.logger.error(
        `settling the status of interview ${interviewId} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
