import { Injectable } from '@nestjs/common';
import { unprocessable } from '@app/common';
import { QuestionSetRepository } from './question-set.repository';
import { questionContent, type QuestionContent } from './question-content';

export interface QuestionRef {
  setId?: string;
  questionId?: string;
}

/** A published question as another module copies it (an interview's snapshot). */
export interface PublishedQuestion extends QuestionContent {
  /** Which of the given refs this question came from. */
  refIndex: number;
  setId: string;
  setName: string;
  setVersion: number;
  questionId: string;
}

/** Read side for other modules: published questions only, in set order. */
@Injectable()
export class QuestionBankService {
  constructor(private readonly repo: QuestionSetRepository) {}

  /** Resolves whole sets and single questions, in the order given; refuses drafts and archived sets (422). */
  async resolvePublished(refs: QuestionRef[]): Promise<PublishedQuestion[]> {
    const setIds = [...new Set(refs.map((r) => r.setId).filter((x): x is string => !!x))];
    const questionIds = [...new Set(refs.map((r) => r.questionId).filter((x): x is string => !!x))];
    const rows = await this.repo.findForAssignment(setIds, questionIds);
    const bySet = new Map<string, typeof rows>();
    const byQuestion = new Map(rows.map((r) => [r.question.id, r]));
    for (const r of rows) bySet.set(r.set.id, [...(bySet.get(r.set.id) ?? []), r]);
    const out: PublishedQuestion[] = [];
    for (const [refIndex, ref] of refs.entries()) {
      const found = ref.setId
        ? bySet.get(ref.setId)
        : ref.questionId
          ? [byQuestion.get(ref.questionId)].filter((x) => !!x)
          : [];
      if (!found?.length) {
        throw unprocessable(
          ref.setId
            ? `Question set ${ref.setId} does not exist or has no questions`
            : `Question ${ref.questionId} does not exist`,
          { ref },
        );
      }
      const set = found[0]!.set;
      if (set.status !== 'published') {
        throw unprocessable(
          `Question set "${set.name}" (version ${set.version}) is ${set.status}; only published sets can be assigned`,
          { ref, status: set.status },
        );
      }
      for (const { question: q } of found as NonNullable<(typeof found)[number]>[]) {
        out.push({
          refIndex,
          setId: set.id,
          setName: set.name,
          setVersion: set.version,
          questionId: q.id,
          ...questionContent(q),
        });
      }
    }
    return out;
  }
}
