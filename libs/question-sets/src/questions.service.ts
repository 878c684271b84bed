import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@app/auth';
import { MAX_QUESTIONS } from './import/limits';
import type { QuestionDraft } from './import/guide.types';
import { AddQuestionDto, ReorderQuestionsDto, UpdateQuestionDto } from './dto/question.dto';
import { QuestionSetResponse } from './dto/question-set.response';
import type { QuestionEntity } from './entities/question.entity';
import type { QuestionSetEntity } from './entities/question-set.entity';
import { questionRow, storedContent } from './question-set.mapper';
import { QuestionSetRepository } from './question-set.repository';
import { QuestionSetWriterService } from './question-set-writer.service';
import { QuestionSetsService } from './question-sets.service';

@Injectable()
export class QuestionsService {
  constructor(
    private readonly writer: QuestionSetWriterService,
    private readonly sets: QuestionSetsService,
  ) {}

  async add(user: AuthUser, setId: string, dto: AddQuestionDto): Promise<QuestionSetResponse> {
    const { revision, position, ...question } = dto;
    const draftId = await this.writer.edit(user, setId, revision, async (repo, draft) => {
      const existing = await repo.findQuestions(draft.id);
      if (existing.length >= MAX_QUESTIONS)
        throw new BadRequestException(`A set holds at most ${MAX_QUESTIONS} questions`);
      const at = Math.min(position ?? existing.length, existing.length);
      const [created] = await repo.insertQuestions([questionRow(draft.id, existing.length, question)]);
      const order = existing.map((q) => q.id);
      order.splice(at, 0, created);
      await repo.setPositions(draft.id, order);
    });
    return this.sets.get(user, draftId);
  }

  async update(
    user: AuthUser,
    setId: string,
    questionId: string,
    dto: UpdateQuestionDto,
  ): Promise<QuestionSetResponse> {
    const { revision, position, ...changes } = dto;
    const draftId = await this.writer.edit(user, setId, revision, async (repo, draft) => {
      const target = await this.inDraft(repo, setId, questionId, draft);
      await repo.updateQuestion(target.id, storedContent(changes as Partial<QuestionDraft>, target));
      if (position !== undefined) await this.move(repo, draft.id, target.id, position);
    });
    return this.sets.get(user, draftId);
  }

  async remove(user: AuthUser, setId: string, questionId: string, revision: number): Promise<QuestionSetResponse> {
    const draftId = await this.writer.edit(user, setId, revision, async (repo, draft) => {
      const target = await this.inDraft(repo, setId, questionId, draft);
      await repo.deleteQuestion(target.id);
      await repo.setPositions(
        draft.id,
        (await repo.findQuestions(draft.id)).map((q) => q.id),
      );
    });
    return this.sets.get(user, draftId);
  }

  async reorder(user: AuthUser, setId: string, dto: ReorderQuestionsDto): Promise<QuestionSetResponse> {
    const draftId = await this.writer.edit(user, setId, dto.revision, async (repo, draft) => {
      const original = await repo.findQuestions(setId);
      const known = new Set(original.map((q) => q.id));
      const given = new Set(dto.questionIds);
      if (
        given.size !== dto.questionIds.length ||
        given.size !== known.size ||
        dto.questionIds.some((id) => !known.has(id))
      ) {
        throw new BadRequestException(
          `questionIds must list each of the set's ${known.size} question ids exactly once`,
        );
      }
      // a published set's questions were copied in the same order, so positions carry over
      const copies = draft.id === setId ? original : await repo.findQuestions(draft.id);
      const byPosition = new Map(original.map((q) => [q.id, q.position]));
      await repo.setPositions(
        draft.id,
        dto.questionIds.map((id) => copies[byPosition.get(id)!].id),
      );
    });
    return this.sets.get(user, draftId);
  }

  /** The question to change: itself in a draft, or its copy in the new draft of a published set. */
  private async inDraft(
    repo: QuestionSetRepository,
    setId: string,
    questionId: string,
    draft: QuestionSetEntity,
  ): Promise<QuestionEntity> {
    const original = /^[0-9a-f-]{36}$/i.test(questionId) ? await repo.findQuestion(setId, questionId) : null;
    if (!original) throw new NotFoundException(`Question ${questionId} is not in set ${setId}`);
    if (draft.id === setId) return original;
    const copy = (await repo.findQuestions(draft.id)).find((q) => q.position === original.position);
    if (!copy) throw new NotFoundException(`Question ${questionId} is not in set ${setId}`);
    return copy;
  }

  private async move(repo: QuestionSetRepository, setId: string, id: string, position: number): Promise<void> {
    const order = (await repo.findQuestions(setId)).map((q) => q.id).filter((x) => x !== id);
    order.splice(Math.min(position, order.length), 0, id);
    await repo.setPositions(setId, order);
  }
}
