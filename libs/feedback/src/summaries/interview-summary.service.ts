import { Injectable, NotFoundException } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { InterviewQueryService, oversees } from '@app/interviews';
import { InterviewSummaryResponse } from '../dto/summary.dto';
import { FeedbackStatsRepository } from './feedback-stats.repository';
import { interviewSummaryResponse } from './summary-view';

/** One interview's evidence: every criterion's ratings side by side, recommendations, agreement, who is missing. */
@Injectable()
export class InterviewSummaryService {
  constructor(
    private readonly stats: FeedbackStatsRepository,
    private readonly interviews: InterviewQueryService,
    private readonly users: UsersService,
  ) {}

  async summary(user: AuthUser, interviewId: string): Promise<InterviewSummaryResponse> {
    const kit = await this.interviews.readable(user, interviewId);
    const recs = await this.stats.recommendations({ interviewId });
    // the blind rule: a panelist sees the panel's evidence once their own scorecard is in
    const overseer = oversees(user, kit.authority);
    if (!overseer && !recs.some((r) => r.panelistId === user.id))
      throw new NotFoundException(`Submit your own scorecard to see the feedback summary of interview ${interviewId}`);
    const [criteria, matrices, means, people] = await Promise.all([
      this.stats.criteria(interviewId),
      this.stats.coincidences({ interviewId }, 'interview'),
      this.stats.competencyMeans({ interviewId }),
      this.users.findManyByIds(kit.panel.map((p) => p.userId)),
    ]);
    const names = new Map(people.map((u) => [u.id, u.name]));
    return interviewSummaryResponse({
      interviewId,
      kit,
      recs,
      criteria,
      matrix: matrices.get(interviewId),
      means,
      names,
    });
  }
}
