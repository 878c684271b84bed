import type { PublishedQuestion } from '@app/question-sets';
import { questionContent } from '@app/question-sets';
import type { InterviewQuestionEntity } from '../entities/interview-question.entity';

/** Copies published questions into an interview, from `startPosition` on. */
export function snapshotRows(
  interviewId: string,
  startPosition: number,
  questions: PublishedQuestion[],
  askers: Array<string | null>,
): Array<Partial<InterviewQuestionEntity>> {
  return questions.map((q, i) => ({
    interviewId,
    position: startPosition + i,
    sourceQuestionId: q.questionId,
    sourceSetId: q.setId,
    sourceSetName: q.setName,
    sourceSetVersion: q.setVersion,
    ...questionContent(q),
    askedById: askers[q.refIndex] ?? null,
  }));
}
