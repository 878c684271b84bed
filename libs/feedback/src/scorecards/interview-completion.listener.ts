import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InterviewRepository, InterviewStatusService } from '@app/interviews';
import { ScorecardEvent } from './scorecards.service';
import { SubmissionsService } from './submissions.service';

/**
 * Tells the interviews module, after each submit or reopen, whether every panelist has now submitted:
 * it completes the interview, or (after a reopen) sends it back to awaiting feedback.
 */
@Injectable()
export class InterviewCompletionListener {
  private readonly logger = new Logger('Feedback');

  constructor(
    private readonly interviews: InterviewRepository,
    private readonly status: InterviewStatusService,
    private readonly submissions: SubmissionsService,
  ) {}

  @OnEvent(ScorecardEvent.Submitted, { promisify: true })
  @OnEvent(ScorecardEvent.Reopened, { promisify: true })
  async onScorecard(e: { interviewId: string }): Promise<void> {
    try {
      const panel = await this.interviews.findPanel(e.interviewId);
      const done = await this.submissions.submitted(panel.map((p) => ({ interviewId: e.interviewId, userId: p.userId })));
      await this.status.feedbackChanged(e.interviewId, panel.length > 0 && done.size === panel.length);
    } catch (err) {
      // the scorecard itself is stored; a manager can still complete the interview by hand
      this.logger.error(`settling the status of interview ${e.interviewId} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
