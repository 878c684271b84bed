import { seatKey, seatKeys } from '@app/common';
import type { InterviewListRow, KitRow } from '@app/interviews';
import type { CandidateSummaryResponse, InterviewSummaryResponse } from '../dto/summary.dto';
import type { Coincidences } from '../stats';
import type { CriterionRow, FeedbackStatsRepository, GroupStat } from './feedback-stats.repository';
import { panelAgreement, type CompetencyMean } from './panel-agreement';
import { agreement, countRecommendations, isDone, missingScorecards } from './summary-helpers';

// The interview and candidate summaries assembled from their statements' rows: pure, so that the
// bench's bare server (bench/bare/server.ts) answers with the same body for the same work.

/** A submitted scorecard's recommendation, as FeedbackStatsRepository.recommendations reads it. */
export type SubmittedRecommendation = Awaited<ReturnType<FeedbackStatsRepository['recommendations']>>[number];

export type SummaryMatrix = (Coincidences & { units: number }) | undefined;

type SummaryKit = Pick<KitRow, 'candidate' | 'position' | 'panel'> & {
  interview: Pick<KitRow['interview'], 'title' | 'stage' | 'status' | 'startsAt' | 'endsAt' | 'feedbackDueAt'>;
  questions: Array<Pick<KitRow['questions'][number], 'id' | 'position' | 'type' | 'prompt' | 'criteria'>>;
};

export function interviewSummaryResponse(input: {
  interviewId: string;
  kit: SummaryKit;
  recs: SubmittedRecommendation[];
  criteria: CriterionRow[];
  matrix: SummaryMatrix;
  means: CompetencyMean[];
  names: Map<string, string>;
  now?: number;
}): InterviewSummaryResponse {
  const { interviewId, kit, recs, names, matrix } = input;
  const now = input.now ?? Date.now();
  const byKey = new Map(input.criteria.map((c) => [`${c.interviewQuestionId}/${c.criterionId}`, c]));
  const submitted = new Set(recs.map((r) => r.panelistId));
  const i = kit.interview;
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
        overdue: isDone(i, now) && i.feedbackDueAt.getTime() < now,
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
    agreementSet: panelAgreement(matrix, recs, input.means),
  };
}

export function candidateSummaryResponse(input: {
  candidate: { id: string; name: string; positionId: string; positionTitle: string };
  byCompetency: GroupStat[];
  byQuestionType: GroupStat[];
  recs: SubmittedRecommendation[];
  matrix: SummaryMatrix;
  interviews: Array<Pick<InterviewListRow, 'interview' | 'panel'>>;
  means: CompetencyMean[];
  names: Map<string, string>;
  now?: number;
}): CandidateSummaryResponse {
  const { candidate, recs, interviews, matrix } = input;
  const submitted = seatKeys(recs.map((r) => ({ interviewId: r.interviewId, userId: r.panelistId })));
  return {
    candidate: { id: candidate.id, name: candidate.name },
    position: { id: candidate.positionId, name: candidate.positionTitle },
    byCompetency: input.byCompetency,
    byQuestionType: input.byQuestionType,
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
    missing: missingScorecards(interviews, submitted, input.names, input.now),
    agreement: agreement(matrix, matrix?.units),
    agreementSet: panelAgreement(matrix, recs, input.means),
  };
}
