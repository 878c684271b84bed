import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { conflict, staleRevision } from '@app/common';
import type { AuthUser } from '@app/auth';
import { canWriteQuestionSets } from '@app/auth';
import type { QuestionSetEntity } from './entities/question-set.entity';
import { QuestionSetRepository } from './question-set.repository';
import { questionContent } from './question-content';

/**
 * The one path every change takes: lock the set, check the caller's revision, and when the set is
 * published, start its next draft version (a copy) and change that instead.
 */
@Injectable()
export class QuestionSetWriterService {
  constructor(
    private readonly repo: QuestionSetRepository,
    private readonly audit: AuditService,
  ) {}

  assertWriter(user: AuthUser): void {
    if (!canWriteQuestionSets(user)) throw new ForbiddenException('Only recruiters and admins change question sets');
  }

  /** Runs `change` on the draft to edit, in one transaction, then bumps its revision; returns the draft's id. */
  async edit(
    user: AuthUser,
    id: string,
    revision: number | undefined,
    change: (repo: QuestionSetRepository, draft: QuestionSetEntity) => Promise<Partial<QuestionSetEntity> | void>,
  ): Promise<string> {
    this.assertWriter(user);
    return this.repo.transaction(async (repo) => {
      const set = await repo.findSetForUpdate(id);
      if (!set) throw new NotFoundException(`Question set ${id} not found`);
      if (revision !== undefined && set.revision !== revision) {
        throw staleRevision(`Question set ${id}`, set.revision, revision);
      }
      const draft = await this.draftOf(repo, set, user);
      const patch = await change(repo, draft);
      await repo.updateSet(draft.id, patch ?? {});
      await this.audit.record(
        user.id,
        'question_set',
        draft.id,
        draft.id === set.id ? 'edited' : 'new_version',
        { from: set.id, revision: set.revision, ...(patch ?? {}) },
        repo.tx,
      );
      return draft.id;
    });
  }

  /** Records a change in the audit trail, in the transaction of the change. */
  record(user: AuthUser, setId: string, action: string, changes: Record<string, unknown>, tx: unknown): Promise<void> {
    return this.audit.record(user.id, 'question_set', setId, action, changes, tx);
  }

  private async draftOf(
    repo: QuestionSetRepository,
    set: QuestionSetEntity,
    user: AuthUser,
  ): Promise<QuestionSetEntity> {
    if (set.status === 'draft') return set;
    if (set.status === 'archived')
      throw new ConflictException(`Question set ${set.id} is archived; archived sets cannot be edited`);
    const open = await repo.findDraftInLineage(set.lineageId, set.id);
    if (open) {
      throw conflict(`Version ${open.version} of this set is already a draft; edit that one (${open.id})`, {
        draftId: open.id,
        draftVersion: open.version,
      });
    }
    const draft = await repo.insertSet({
      lineageId: set.lineageId,
      version: (await repo.maxVersion(set.lineageId)) + 1,
      name: set.name,
      description: set.description,
      positionFamily: set.positionFamily,
      level: set.level,
      tags: set.tags,
      status: 'draft',
      ownerId: user.id,
      revision: 0,
    });
    const questions = await repo.findQuestions(set.id);
    await repo.insertQuestions(
      questions.map((q) => ({ setId: draft.id, position: q.position, ...questionContent(q) })),
    );
    return draft;
  }
}
