import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { InterviewStatus } from '../entities/interview.entity';
import { InterviewRepository } from '../interviews/interview.repository';

/**
 * The status moves nobody asks for by hand: the end of an interview (a queue job, or the sweep) and
 * the feedback coming in or being reopened (the feedback module calls `feedbackChanged`).
 */
@Injectable()
export class InterviewStatusService {
  private readonly logger = new Logger('Interviews');

  constructor(
    private readonly repo: InterviewRepository,
    private readonly audit: AuditService,
  ) {}

  /** The end job: true when this interview was scheduled, has ended, and now awaits feedback. */
  async endIfDue(interviewId: string, now = new Date()): Promise<boolean> {
    const moved = await this.repo.transaction(async (repo) => {
      const ids = await repo.moveEnded(now, interviewId);
      for (const id of ids)
        await this.audit.record(null, 'interview', id, 'awaiting_feedback', { endedBy: 'schedule' }, repo.tx);
      return ids;
    });
    return moved.length > 0;
  }

  /** Every scheduled interview whose end passed without its job having run (a lost job, a worker down). */
  async sweep(now = new Date()): Promise<string[]> {
    const moved = await this.repo.transaction(async (repo) => {
      const ids = await repo.moveEnded(now);
      for (const id of ids)
        await this.audit.record(null, 'interview', id, 'awaiting_feedback', { endedBy: 'sweep' }, repo.tx);
      return ids;
    });
    if (moved.length) this.logger.warn(`${moved.length} ended interview(s) moved to awaiting_feedback by the sweep`);
    return moved;
  }

  /**
   * Called by the feedback module after a scorecard is submitted or reopened, with whether every
   * panelist has now submitted. Returns the new status when it changed.
   */
  async feedbackChanged(interviewId: string, allSubmitted: boolean, now = new Date()): Promise<InterviewStatus | null> {
    return this.repo.transaction(async (repo) => {
      const status = await repo.settleFeedback(interviewId, allSubmitted, now);
      if (status)
        await this.audit.record(
          null,
          'interview',
          interviewId,
          status,
          { reason: allSubmitted ? 'every panelist submitted' : 'a scorecard was reopened' },
          repo.tx,
        );
      return status;
    });
  }
}
