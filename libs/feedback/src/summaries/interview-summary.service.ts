import { Injectable, NotFoundException } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { InterviewQueryService, oversees } from '@app/interviews';
import { InterviewSummaryResponse } from '../dto/summary.dto';
import { FeedbackStatsRepository } from './feedback-stats.repository';
import { panelAgreement } from './panel-agreement';
import { agreement, countRecommendations, isDone } from './summary-helpers';

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
    const byKey = new Map(criteria.map((c) => [`${c.interviewQuestionId}/${c.criterionId}`, c]));
    const submitted = new Set(recs.map((r) => r.panelistId));
    const i = kit.interview;
    const matrix = matrices.get(interviewId);
    return {
      interviewId,
      title: i.title,
      stage: i.stage,
      status: i.status,
      start: i.startsAt,
      candidate: { id: kit.candidate.id, name: kit.candidate.name },
      position: { id: kit.position.id, name: kit.position.title },
      expected: kit.panel.length,
      submitted: submitted.size,
      missing: kit.panel
        .filter((p) => !submitted.has(p.userId))
        .map((p) => ({
          interviewId,
          userId: p.userId,
          name: names.get(p.userId) ?? 'Unknown user',
          role: p.role,
          feedbackDueAt: i.feedbackDueAt,
          overdue: isDone(i) && i.feedbackDueAt.getTime() < Date.now(),
        })),
      recommendations: countRecommendations(recs),
      byPanelist: recs.map((r) => ({
        userId: r.panelistId,
        name: names.get(r.panelistId) ?? 'Unknown user',
        recommendation: r.recommendation,
      })),
      questions: kit.questions.map((q) => ({
        questionId: q.id,
        position: q.position,
        type: q.type,
        prompt: q.prompt,
        criteria: q.criteria.map((c) => {
          const row = byKey.get(`${q.id}/${c.id}`);
          return {
            criterionId: c.id,
            label: c.label,
            ratings: (row?.ratings ?? []).map((r) => ({ ...r, name: names.get(r.userId) ?? 'Unknown user' })),
            mean: row?.mean ?? null,
            spread: row?.spread ?? null,
            rated: row?.rated ?? 0,
            notAssessed: row?.notAssessed ?? 0,
          };
        }),
      })),
      agreement: agreement(matrix, matrix?.units),
      agreementSet: panelAgreement(matrix, recs, means),
    };
  }
}
