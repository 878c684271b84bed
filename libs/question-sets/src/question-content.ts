import type { QuestionType } from './import/guide.types';
import type { StoredCriterion, StoredFollowUp, StoredGuidance } from './entities/question.entity';

/** What a question says: the part copied into new versions, interview snapshots and responses. */
export interface QuestionContent {
  type: QuestionType;
  prompt: string;
  followUps: StoredFollowUp[];
  criteria: StoredCriterion[];
  guidance: StoredGuidance;
  competencies: string[];
  timeboxMinutes: number | null;
}

export function questionContent(q: QuestionContent): QuestionContent {
  return {
    type: q.type,
    prompt: q.prompt,
    followUps: q.followUps,
    criteria: q.criteria,
    guidance: q.guidance,
    competencies: q.competencies,
    timeboxMinutes: q.timeboxMinutes,
  };
}
