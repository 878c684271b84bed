import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DomainEventsService, encodeCursor, readCursor, staleRevision, unprocessable } from '@app/common';
import type { AuthUser } from '@app/auth';
import { canReadQuestionSet, canWriteQuestionSets } from '@app/auth';
import { CreateQuestionSetDto, ListQuestionSetsQueryDto, UpdateQuestionSetDto } from './dto/question-set.dto';
import { QuestionSetPage, QuestionSetResponse } from './dto/question-set.response';
import type { QuestionSetStatus } from './entities/question-set.entity';
import { questionRow, toSetResponse } from './question-set.mapper';
import { toSummaryItem } from './question-set-statements';
import { QuestionSetRepository } from './question-set.repository';
import { QuestionSetWriterService } from './question-set-writer.service';
import type { QuestionDraft, SetDraft } from './import/guide.types';
import { QuestionSetEvent, type QuestionSetPublishedPayload } from './question-set.events';

@Injectable()
export class QuestionSetsService {
  constructor(
    private readonly repo: QuestionSetRepository,
    private readonly writer: QuestionSetWriterService,
    private readonly events: DomainEventsService,
  ) {}

  /** Hiring managers and interviewers see published sets only; a draft is not there for them. */
  private canSee(user: AuthUser, status: QuestionSetStatus): boolean {
    return canReadQuestionSet(user, status);
  }

  async list(user: AuthUser, q: ListQuestionSetsQueryDto): Promise<QuestionSetPage> {
    const writer = canWriteQuestionSets(user);
    const statuses: QuestionSetStatus[] = q.status ? [q.status] : writer ? ['draft', 'published'] : ['published'];
    const visible = statuses.filter((s) => this.canSee(user, s));
    const limit = q.limit ?? 20;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.repo.listSummaries({
      statuses: visible,
      positionFamily: q.positionFamily,
      tag: q.tag,
      type: q.type,
      words: (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10),
      updatedSince: q.updatedSince,
      after: after && { updatedAt: after[0], id: after[1] },
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummaryItem),
      page: {
        limit,
        nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_ts, last.id]) : null,
      },
    };
  }

  async get(user: AuthUser, id: string): Promise<QuestionSetResponse> {
    const set = await this.repo.findSet(id);
    if (!set || !this.canSee(user, set.status)) throw new NotFoundException(`Question set ${id} not found`);
    return toSetResponse(set, await this.repo.findQuestions(id));
  }

  async create(user: AuthUser, dto: CreateQuestionSetDto): Promise<QuestionSetResponse> {
    const { questions, ...set } = dto;
    const id = await this.createDraft(user, { ...set, tags: set.tags ?? [] }, questions ?? []);
    return this.get(user, id);
  }

  /** Creates a draft set with its questions in one transaction (create and import share it). */
  async createDraft(
    user: AuthUser,
    set: SetDraft,
    questions: Array<Pick<QuestionDraft, 'type' | 'prompt'> & Partial<QuestionDraft>>,
  ): Promise<string> {
    this.writer.assertWriter(user);
    return this.repo.transaction(async (repo) => {
      const created = await repo.insertSet({
        lineageId: randomUUID(),
        version: 1,
        name: set.name,
        description: set.description ?? null,
        positionFamily: set.positionFamily ?? null,
        level: set.level ?? null,
        tags: set.tags ?? [],
        status: 'draft',
        ownerId: user.id,
        revision: 1,
      });
      await repo.insertQuestions(questions.map((q, position) => questionRow(created.id, position, q)));
      await this.writer.record(user, created.id, 'created', { name: set.name, questions: questions.length }, repo.tx);
      return created.id;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateQuestionSetDto): Promise<QuestionSetResponse> {
    const { revision, ...fields } = dto;
    const draftId = await this.writer.edit(user, id, revision, async () => fields);
    return this.get(user, draftId);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    this.writer.assertWriter(user);
    await this.repo.transaction(async (repo) => {
      const set = await repo.findSetForUpdate(id);
      if (!set) throw new NotFoundException(`Question set ${id} not found`);
      if (set.status !== 'draft') {
        throw new ConflictException(
          `Question set ${id} is ${set.status}; only drafts are deleted (archive a published set instead)`,
        );
      }
      await repo.deleteSet(id);
      await this.writer.record(user, id, 'deleted', { name: set.name }, repo.tx);
    });
  }

  /** Publishing freezes the version; the lineage's previous published version is archived. */
  async publish(user: AuthUser, id: string, revision?: number): Promise<QuestionSetResponse> {
    this.writer.assertWriter(user);
    const published = await this.repo.transaction(async (repo): Promise<QuestionSetPublishedPayload> => {
      const set = await repo.findSetForUpdate(id);
      if (!set) throw new NotFoundException(`Question set ${id} not found`);
      if (revision !== undefined && set.revision !== revision)
        throw staleRevision(`Question set ${id}`, set.revision, revision);
      if (set.status !== 'draft') throw new ConflictException(`Question set ${id} is already ${set.status}`);
      const counts = await repo.countsForSet(id);
      if (!counts.total) throw unprocessable('A question set needs at least one question before it is published');
      const missing = await repo.countQuestionsWithoutCriteria(id);
      if (missing.length) {
        throw unprocessable(
          `${missing.length} question(s) have no "what to look for" criteria; add criteria before publishing: ${missing.map((m) => `#${m.position + 1}`).join(', ')}`,
          { questionsWithoutCriteria: missing },
        );
      }
      await repo.archivePublishedInLineage(set.lineageId, id);
      const publishedAt = new Date();
      await repo.updateSet(id, { status: 'published', publishedAt });
      await this.writer.record(user, id, 'published', { version: set.version }, repo.tx);
      const { lineageId, name, version } = set;
      return { questionSetId: id, lineageId, name, version, actorId: user.id, publishedAt };
    });
    // after the commit: listeners (webhooks) see the set published
    await this.events.emit(QuestionSetEvent.Published, published);
    return this.get(user, id);
  }

  async archive(user: AuthUser, id: string): Promise<QuestionSetResponse> {
    this.writer.assertWriter(user);
    await this.repo.transaction(async (repo) => {
      const set = await repo.findSetForUpdate(id);
      if (!set) throw new NotFoundException(`Question set ${id} not found`);
      if (set.status === 'archived') return;
      await repo.updateSet(id, { status: 'archived', archivedAt: new Date() });
      await this.writer.record(user, id, 'archived', {}, repo.tx);
    });
    return this.get(user, id);
  }
}
