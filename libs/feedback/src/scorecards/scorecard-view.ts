import type { KitRow } from '@app/interviews';
import type { MissingItemResponse, ScorecardResponse } from '../dto/scorecard.dto';
import type { ScorecardEntity } from '../entities/scorecard.entity';
import type { NotesView, RatingView } from './scorecard-statements';

type KitQuestion = KitRow['questions'][number];

/** Questions a panelist must rate: those they ask, and the unassigned ones when they lead. */
export function assignedTo(kit: KitRow, panelistId: string): KitQuestion[] {
  const role = kit.panel.find((p) => p.userId === panelistId)?.role;
  return kit.questions.filter((q) => q.askedById === panelistId || (q.askedById === null && role === 'lead'));
}

export function missingItems(
  kit: KitRow,
  card: Pick<ScorecardEntity, 'overallRecommendation' | 'panelistId'>,
  ratings: Array<Pick<RatingView, 'interviewQuestionId' | 'criterionId'>>,
): MissingItemResponse[] {
  const have = new Set(ratings.map((r) => `${r.interviewQuestionId}/${r.criterionId}`));
  const missing: MissingItemResponse[] = card.overallRecommendation
    ? []
    : [{ kind: 'recommendation', label: 'Overall recommendation' }];
  for (const q of assignedTo(kit, card.panelistId)) {
    for (const c of q.criteria) {
      if (!have.has(`${q.id}/${c.id}`))
        missing.push({
          kind: 'rating',
          questionId: q.id,
          criterionId: c.id,
          label: `Question ${q.position + 1}: ${c.label}`,
        });
    }
  }
  return missing;
}

export function toScorecardResponse(
  kit: KitRow,
  card: Omit<ScorecardEntity, 'createdAt' | 'interviewEndsAt' | 'candidateId' | 'positionId'>,
  panelistName: string,
  ratings: RatingView[],
  notes: NotesView[],
): ScorecardResponse {
  const rating = new Map(ratings.map((r) => [`${r.interviewQuestionId}/${r.criterionId}`, r]));
  const note = new Map(notes.map((n) => [n.interviewQuestionId, n]));
  const assigned = new Set(assignedTo(kit, card.panelistId).map((q) => q.id));
  return {
    id: card.id,
    interviewId: card.interviewId,
    panelist: { id: card.panelistId, name: panelistName },
    status: card.status,
    version: card.version,
    overallRecommendation: card.overallRecommendation,
    summary: card.summary,
    submittedAt: card.submittedAt,
    updatedAt: card.updatedAt,
    questions: kit.questions.map((q) => ({
      questionId: q.id,
      position: q.position,
      type: q.type,
      prompt: q.prompt,
      assignedToMe: assigned.has(q.id),
      criteria: q.criteria.map((c) => {
        const r = rating.get(`${q.id}/${c.id}`);
        return {
          criterionId: c.id,
          label: c.label,
          description: c.description,
          rating: r?.rating ?? null,
          notAssessed: r?.notAssessed ?? false,
          note: r?.note ?? null,
        };
      }),
      followUps: q.followUps.map((f) => ({
        id: f.id,
        prompt: f.prompt,
        asked: note.get(q.id)?.followUpsAsked.includes(f.id) ?? false,
      })),
      notes: note.get(q.id)?.notes ?? null,
    })),
    missing: card.status === 'draft' ? missingItems(kit, card, ratings) : [],
  };
}
