import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { seatKey, seatKeys } from '@app/common';
import type { AuthUser } from '@app/auth';
import { CandidatesService, InterviewReadService } from '@app/interviews';
import { CandidateSummaryResponse } from '../dto/summary.dto';
import { ScorecardRepository } from '../scorecards/scorecard.repository';
import { FeedbackStatsRepository } from './feedback-stats.repository';
import { panelAgreement } from './panel-agreement';
import { agreement, countRecommendations, missingScorecards } from './summary-helpers';

const MAX_INTERVIEWS = 10_000;

/** A candidate across all their interviews: by competency and question type, recommendations, a timeline. */
@Injectable()
export class CandidateSummaryService {
  constructor(
    private readonly stats: FeedbackStatsRepository,
    private readonly candidates: CandidatesService,
    private readonly interviews: InterviewReadService,
    private readonly scorecards: ScorecardRepository,
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
    const submitted = seatKeys(recs.map((r) => ({ interviewId: r.interviewId, userId: r.panelistId })));
    const names = new Map(
      (await this.users.findManyByIds(interviews.flatMap((i) => i.panel.map((p) => p.userId)))).map((u) => [
        u.id,
        u.name,
      ]),
    );
    const matrix = matrices.get(candidate.id);
    return {
      candidate: { id: candidate.id, name: candidate.name },
      position: { id: candidate.positionId, name: candidate.positionTitle },
      byCompetency,
      byQuestionType,
      recommendations: countRecommendations(recs),
      timeline: interviews.map((r) => ({
        interviewId: r.interview.id,
        stage: r.interview.stage,
        title: r.interview.title,
        start: r.interview.startsAt,
        status: r.interview.status,
        expected: r.panel.length,
        submitted: r.panel.filter((p) => submitted.has(seatKey({ interviewId: r.interview.id, userId: p.userId })))
          .length,
        recommendations: countRecommendations(recs.filter((x) => x.interviewId === r.interview.id)),
      })),
      missing: missingScorecards(interviews, submitted, names),
      agreement: agreement(matrix, matrix?.units),
      agreementSet: panelAgreement(matrix, recs, means),
    };
  }
}
