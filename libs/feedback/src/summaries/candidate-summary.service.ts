import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { CandidatesService, InterviewReadService } from '@app/interviews';
import { CandidateSummaryResponse } from '../dto/summary.dto';
import { FeedbackStatsRepository } from './feedback-stats.repository';
import { candidateSummaryResponse } from './summary-view';

const MAX_INTERVIEWS = 10_000;

/** A candidate across all their interviews: by competency and question type, recommendations, a timeline. */
@Injectable()
export class CandidateSummaryService {
  constructor(
    private readonly stats: FeedbackStatsRepository,
    private readonly candidates: CandidatesService,
    private readonly interviews: InterviewReadService,
    private readonly users: UsersService,
  ) {}

  async summary(user: AuthUser, candidateId: string): Promise<CandidateSummaryResponse> {
    const candidate = await this.candidates.get(user, candidateId);
    const scope = { candidateId: candidate.id };
    const [byCompetency, byQuestionType, recs, matrices, interviews, means] = await Promise.all([
      this.stats.groups(scope, 'competency'),
      this.stats.groups(scope, 'type'),
      this.stats.recommendations(scope),
      this.stats.coincidences(scope, 'candidate'),
      this.interviews.listHeldForCandidate(candidate.id, MAX_INTERVIEWS),
      this.stats.competencyMeans(scope),
    ]);
    const names = new Map(
      (await this.users.findManyByIds(interviews.flatMap((i) => i.panel.map((p) => p.userId)))).map((u) => [
        u.id,
        u.name,
      ]),
    );
    return candidateSummaryResponse({
      candidate,
      byCompetency,
      byQuestionType,
      recs,
      matrix: matrices.get(candidate.id),
      interviews,
      means,
      names,
    });
  }
}
