import { randomUUID } from 'node:crypto';
import type { QuestionDraft, SetDraft } from './import/guide.types';
import { questionContent } from './question-content';
import type { QuestionEntity, StoredCriterion, StoredFollowUp, StoredGuidance } from './entities/question.entity';
import type { QuestionSetEntity } from './entities/question-set.entity';
import type { QuestionResponse, QuestionSetResponse, QuestionSetSummaryResponse } from './dto/question-set.response';
import type { SetSummaryRow } from './question-set.repository';

type Counts = SetSummaryRow['counts'];

export function toSummary(set: QuestionSetEntity, counts: Counts): QuestionSetSummaryResponse {
  return {
    id: set.id,
    lineageId: set.lineageId,
    version: set.version,
    name: set.name,
    description: set.description,
    positionFamily: set.positionFamily,
    level: set.level,
    tags: set.tags,
    status: set.status,
    ownerId: set.ownerId,
    revision: set.revision,
    questionCount: counts.total,
    questionsByType: { technical: counts.technical, behavioral: counts.behavioral, situational: counts.situational },
    supersededById: set.supersededById,
    createdAt: set.createdAt,
    updatedAt: set.updatedAt,
    publishedAt: set.publishedAt,
    archivedAt: set.archivedAt,
  };
}

export function countQuestions(questions: Array<Pick<QuestionEntity, 'type'>>): Counts {
  const counts = { total: questions.length, technical: 0, behavioral: 0, situational: 0 };
  for (const q of questions) counts[q.type]++;
  return counts;
}

export function toQuestionResponse(q: QuestionEntity): QuestionResponse {
  return {
    id: q.id,
    position: q.position,
    ...questionContent(q),
  };
}

export function toSetResponse(set: QuestionSetEntity, questions: QuestionEntity[]): QuestionSetResponse {
  return { ...toSummary(set, countQuestions(questions)), questions: questions.map(toQuestionResponse) };
}

const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;

/** Question content as stored: ids on follow-ups and criteria, so ratings can refer to them. */
export function storedContent(q: Partial<QuestionDraft>, keep?: Pick<QuestionEntity, 'followUps' | 'criteria'>) {
  const out: Partial<
    Pick<QuestionEntity, 'type' | 'prompt' | 'followUps' | 'criteria' | 'guidance' | 'competencies' | 'timeboxMinutes'>
  > = {};
  if (q.type !== undefined) out.type = q.type;
  if (q.prompt !== undefined) out.prompt = q.prompt;
  if (q.followUps !== undefined)
    out.followUps = q.followUps.map((f) =>
      withId<StoredFollowUp>(compact({ prompt: f.prompt, checks: f.checks }), keep?.followUps, 'prompt'),
    );
  if (q.criteria !== undefined)
    out.criteria = q.criteria.map((c) =>
      withId<StoredCriterion>(compact({ label: c.label, description: c.description }), keep?.criteria, 'label'),
    );
  if (q.guidance !== undefined) out.guidance = compact({ ...q.guidance }) as StoredGuidance;
  if (q.competencies !== undefined)
    out.competencies = [...new Set(q.competencies.map((c) => c.trim()).filter(Boolean))];
  if (q.timeboxMinutes !== undefined) out.timeboxMinutes = q.timeboxMinutes;
  return out;
}

/** An edited item keeps its id when its text is unchanged, so earlier ratings still line up. */
function withId<T extends { id: string }>(item: Omit<T, 'id'>, previous: T[] | undefined, key: keyof Omit<T, 'id'>): T {
  const same = previous?.find((p) => p[key as keyof T] === item[key]);
  return { id: same?.id ?? randomUUID(), ...item } as T;
}

/** A question row to insert, from a draft whose optional parts may be missing (API input). */
export function questionRow(
  setId: string,
  position: number,
  q: Pick<QuestionDraft, 'type' | 'prompt'> & Partial<QuestionDraft>,
): Partial<QuestionEntity> {
  return {
    setId,
    position,
    ...storedContent({
      ...q,
      followUps: q.followUps ?? [],
      criteria: q.criteria ?? [],
      guidance: q.guidance ?? {},
      competencies: q.competencies ?? [],
    }),
    timeboxMinutes: q.timeboxMinutes ?? null,
  };
}

export function toSetDraft(set: QuestionSetEntity): SetDraft {
  return compact({
    name: set.name,
    description: set.description ?? undefined,
    positionFamily: set.positionFamily ?? undefined,
    level: set.level ?? undefined,
    tags: set.tags,
  }) as SetDraft;
}

export function toQuestionDraft(q: QuestionEntity): QuestionDraft {
  return {
    type: q.type,
    prompt: q.prompt,
    followUps: q.followUps.map(({ prompt, checks }) => compact({ prompt, checks })),
    criteria: q.criteria.map(({ label, description }) => compact({ label, description })),
    guidance: compact({ ...q.guidance }),
    competencies: q.competencies,
    ...(q.timeboxMinutes ? { timeboxMinutes: q.timeboxMinutes } : {}),
  };
}
