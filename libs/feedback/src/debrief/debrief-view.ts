import type { KitRow } from '@app/interviews';
import type {
  DebriefCompetencyRowResponse,
  DebriefCriterionRowResponse,
  DebriefScorecardResponse,
} from '../dto/debrief.dto';
import type { ScorecardQuestionNoteEntity } from '../entities/scorecard-question-note.entity';
import type { ScorecardRatingEntity } from '../entities/scorecard-rating.entity';
import type { ScorecardEntity } from '../entities/scorecard.entity';
import { RATING_LABELS, recommendationLabel } from '../scale';
import { assignedTo } from '../scorecards/scorecard-view';
import type { CompetencyMean } from '../summaries/panel-agreement';

/** Two ratings this far apart or more are a disagreement worth discussing. */
export const DISAGREEMENT_POINTS = 2;

const spreadOf = (xs: number[]): number | null => (xs.length >= 2 ? Math.max(...xs) - Math.min(...xs) : null);

/** A submitted scorecard in full: the questions its author asked or wrote on, every criterion, notes and follow-ups. */
export function scorecardInFull(
  kit: KitRow,
  card: ScorecardEntity,
  authorName: string,
  ratings: ScorecardRatingEntity[],
  notes: ScorecardQuestionNoteEntity[],
): DebriefScorecardResponse {
  const rating = new Map(ratings.map((r) => [`${r.interviewQuestionId}/${r.criterionId}`, r]));
  const note = new Map(notes.map((n) => [n.interviewQuestionId, n]));
  const assigned = new Set(assignedTo(kit, card.panelistId).map((q) => q.id));
  const wroteOn = (questionId: string) =>
    assigned.has(questionId) || note.has(questionId) || ratings.some((r) => r.interviewQuestionId === questionId);
  const submittedAt = card.submittedAt!;
  return {
    id: card.id,
    interviewId: kit.interview.id,
    interviewTitle: kit.interview.title,
    author: { id: card.panelistId, name: authorName },
    submittedAt,
    feedbackDueAt: kit.interview.feedbackDueAt,
    onTime: submittedAt.getTime() <= kit.interview.feedbackDueAt.getTime(),
    recommendation: card.overallRecommendation,
    recommendationLabel: recommendationLabel(card.overallRecommendation),
    summary: card.summary,
    questions: kit.questions
      .filter((q) => wroteOn(q.id))
      .map((q) => {
        const n = note.get(q.id);
        return {
          questionId: q.id,
          position: q.position,
          prompt: q.prompt,
          type: q.type,
          competencies: q.competencies,
          notes: n?.notes ?? null,
          followUpsAsked: q.followUps
            .filter((f) => n?.followUpsAsked.includes(f.id))
            .map((f) => ({ id: f.id, prompt: f.prompt })),
          ratings: q.criteria.map((c) => {
            const r = rating.get(`${q.id}/${c.id}`);
            const value = r?.rating ?? null;
            return {
              criterionId: c.id,
              label: c.label,
              rating: value,
              ratingLabel: value === null ? null : RATING_LABELS[value as 1 | 2 | 3 | 4],
              notAssessed: r?.notAssessed ?? false,
              note: r?.note ?? null,
            };
          }),
        };
      }),
  };
}

/** Rows = criteria of the interviews' questions (in interview and question order), with each rating panelist. */
export function byCriterion(kits: KitRow[], ratings: ScorecardRatingEntity[]): DebriefCriterionRowResponse[] {
  const byKey = new Map<string, ScorecardRatingEntity[]>();
  for (const r of ratings) {
    const k = `${r.interviewQuestionId}/${r.criterionId}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return kits.flatMap((kit) =>
    kit.questions.flatMap((q) =>
      q.criteria.flatMap((c) => {
        const key = `${q.id}/${c.id}`;
        const rows = (byKey.get(key) ?? []).sort((a, b) => a.panelistId.localeCompare(b.panelistId));
        if (!rows.length) return [];
        const spread = spreadOf(rows.flatMap((r) => (r.rating === null ? [] : [r.rating])));
        return [
          {
            key,
            interviewId: kit.interview.id,
            questionId: q.id,
            criterionId: c.id,
            label: c.label,
            questionPrompt: q.prompt,
            competencies: q.competencies,
            ratings: rows.map((r) => ({ userId: r.panelistId, rating: r.rating })),
            spread,
            disagreement: spread !== null && spread >= DISAGREEMENT_POINTS,
          },
        ];
      }),
    ),
  );
}

/** Each panelist's mean per competency across the interviews shown; panelists in `order`. */
export function byCompetency(ratings: ScorecardRatingEntity[], order: string[]): DebriefCompetencyRowResponse[] {
  const sums = new Map<string, Map<string, { sum: number; count: number }>>();
  for (const r of ratings) {
    if (r.rating === null) continue;
    for (const competency of r.competencies) {
      const row = sums.get(competency) ?? new Map<string, { sum: number; count: number }>();
      const cell = row.get(r.panelistId) ?? { sum: 0, count: 0 };
      cell.sum += r.rating;
      cell.count++;
      row.set(r.panelistId, cell);
      sums.set(competency, row);
    }
  }
  return [...sums.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((competency) => {
      const row = sums.get(competency)!;
      const cells = order
        .filter((u) => row.has(u))
        .map((userId) => ({
          userId,
          mean: row.get(userId)!.sum / row.get(userId)!.count,
          count: row.get(userId)!.count,
        }));
      const spread = spreadOf(cells.map((c) => c.mean));
      return {
        competency,
        ratings: cells,
        spread,
        disagreement: spread !== null && spread >= DISAGREEMENT_POINTS - 1e-9,
      };
    });
}

/** Each submitted panelist's mean per (interview, competency): the values of competency agreement. */
export function competencyMeans(ratings: ScorecardRatingEntity[]): CompetencyMean[] {
  const cells = new Map<string, CompetencyMean & { sum: number; count: number }>();
  for (const r of ratings) {
    if (r.rating === null) continue;
    for (const competency of r.competencies) {
      const k = `${r.interviewId}\u0000${competency}\u0000${r.panelistId}`;
      const cell = cells.get(k) ?? {
        interviewId: r.interviewId,
        panelistId: r.panelistId,
        competency,
        mean: null,
        sum: 0,
        count: 0,
      };
      cell.sum += r.rating;
      cell.count++;
      cells.set(k, cell);
    }
  }
  return [...cells.values()].map(({ interviewId, panelistId, competency, sum, count }) => ({
    interviewId,
    panelistId,
    competency,
    mean: sum / count,
  }));
}
