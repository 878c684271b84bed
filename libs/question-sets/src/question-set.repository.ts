import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { fixedRead, TransactionalRepository } from '@app/common';
import type { QuestionType } from './import/guide.types';
import { QuestionEntity } from './entities/question.entity';
import { QuestionSetEntity, QuestionSetStatus } from './entities/question-set.entity';
import { LIST_SETS, type SetListRow } from './question-set-statements';

export interface SetFilters {
  statuses: QuestionSetStatus[];
  positionFamily?: string;
  tag?: string;
  type?: QuestionType;
  words: string[];
  /** ISO instant: sets updated at or after it. */
  updatedSince?: string;
  after?: { updatedAt: string; id: string };
  limit: number;
}

export interface SetSummaryRow {
  counts: { technical: number; behavioral: number; situational: number; total: number };
}

const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** All SQL for question sets and questions. Bound to a transaction by `transaction()`. */
@Injectable()
export class QuestionSetRepository extends TransactionalRepository<QuestionSetRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): QuestionSetRepository {
    return new QuestionSetRepository(this.ds, manager);
  }

  private get sets() {
    return this.manager.getRepository(QuestionSetEntity);
  }

  private get questions() {
    return this.manager.getRepository(QuestionEntity);
  }

  findSet(id: string): Promise<QuestionSetEntity | null> {
    return this.sets.findOne({ where: { id } });
  }

  /** Locks the set's row until the transaction ends, so concurrent writers queue up. */
  findSetForUpdate(id: string): Promise<QuestionSetEntity | null> {
    return this.sets.createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  findQuestions(setId: string): Promise<QuestionEntity[]> {
    return this.questions.find({ where: { setId }, order: { position: 'ASC' } });
  }

  findQuestion(setId: string, id: string): Promise<QuestionEntity | null> {
    return this.questions.findOne({ where: { setId, id } });
  }

  /** The open draft of a lineage other than `exceptId`, if any. */
  findDraftInLineage(lineageId: string, exceptId: string): Promise<QuestionSetEntity | null> {
    return this.sets
      .createQueryBuilder('s')
      .where('s.lineage_id = :lineageId AND s.status = :status AND s.id <> :exceptId', {
        lineageId,
        status: 'draft',
        exceptId,
      })
      .getOne();
  }

  async maxVersion(lineageId: string): Promise<number> {
    const row = await this.sets
      .createQueryBuilder('s')
      .select('max(s.version)', 'max')
      .where('s.lineage_id = :lineageId', { lineageId })
      .getRawOne<{ max: number | null }>();
    return Number(row?.max ?? 0);
  }

  insertSet(values: Partial<QuestionSetEntity>): Promise<QuestionSetEntity> {
    return this.sets.save(this.sets.create(values));
  }

  /** Inserts in order; returns the new ids in the same order. */
  async insertQuestions(values: Array<Partial<QuestionEntity>>): Promise<string[]> {
    const ids: string[] = [];
    // in chunks: PostgreSQL allows at most 65535 bind parameters per statement
    for (let i = 0; i < values.length; i += 500) {
      const result = await this.questions
        .createQueryBuilder()
        .insert()
        .values(values.slice(i, i + 500))
        .returning(['id'])
        .execute();
      ids.push(...(result.raw as Array<{ id: string }>).map((r) => r.id));
    }
    return ids;
  }

  /** Applies `patch` and bumps the revision. */
  async updateSet(id: string, patch: Partial<QuestionSetEntity>): Promise<void> {
    await this.sets
      .createQueryBuilder()
      .update()
      .set({ ...patch, revision: () => 'revision + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  async updateQuestion(id: string, patch: Partial<QuestionEntity>): Promise<void> {
    await this.questions.update({ id }, patch);
  }

  async deleteQuestion(id: string): Promise<void> {
    await this.questions.delete({ id });
  }

  /** Rewrites positions 0..n-1 in the given order, in one statement. */
  async setPositions(setId: string, orderedIds: string[]): Promise<void> {
    if (!orderedIds.length) return;
    await this.manager.query(
      `UPDATE questions q SET position = o.ord - 1, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE q.set_id = $1 AND q.id = o.id`,
      [setId, orderedIds],
    );
  }

  /** Archives the lineage's published versions, pointing them at the one that replaces them. */
  async archivePublishedInLineage(lineageId: string, replacementId: string): Promise<void> {
    await this.manager.query(
      `UPDATE question_sets SET status = 'archived', archived_at = now(), superseded_by_id = $2, revision = revision + 1, updated_at = now()
        WHERE lineage_id = $1 AND status = 'published' AND id <> $2`,
      [lineageId, replacementId],
    );
  }

  async deleteSet(id: string): Promise<void> {
    await this.sets.delete({ id });
  }

  async countQuestionsWithoutCriteria(setId: string): Promise<Array<{ id: string; position: number; prompt: string }>> {
    return this.manager.query(
      `SELECT id, position, left(prompt, 120) AS prompt FROM questions WHERE set_id = $1 AND jsonb_array_length(criteria) = 0 ORDER BY position`,
      [setId],
    );
  }

  /** Questions of the given sets (all of them) and single questions, each with its set; one query. */
  async findForAssignment(
    setIds: string[],
    questionIds: string[],
  ): Promise<Array<{ set: QuestionSetEntity; question: QuestionEntity }>> {
    if (!setIds.length && !questionIds.length) return [];
    const qs = await this.questions
      .createQueryBuilder('q')
      .innerJoinAndSelect('q.set', 's')
      .where('q.set_id = ANY(:setIds) OR q.id = ANY(:questionIds)', { setIds, questionIds })
      .orderBy('q.set_id')
      .addOrderBy('q.position')
      .getMany();
    return qs.map((q) => ({ set: q.set!, question: q }));
  }

  async countSets(): Promise<number> {
    return this.sets.count();
  }

  /** One fixed statement: the page of sets with their question counts by type, as plain rows. */
  listSummaries(f: SetFilters): Promise<SetListRow[]> {
    return fixedRead<SetListRow>(this.manager, LIST_SETS, [
      f.statuses,
      f.positionFamily ?? null,
      f.tag?.toLowerCase() ?? null,
      f.type ?? null,
      f.words.map(likeWord),
      f.updatedSince ?? null,
      f.after?.updatedAt ?? null,
      f.after?.id ?? null,
      f.limit,
    ]);
  }

  /** Question counts by type for one set. */
  async countsForSet(setId: string): Promise<SetSummaryRow['counts']> {
    const [r] = await this.manager.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE type = 'technical')::int AS technical,
              count(*) FILTER (WHERE type = 'behavioral')::int AS behavioral,
              count(*) FILTER (WHERE type = 'situational')::int AS situational
         FROM questions WHERE set_id = $1`,
      [setId],
    );
    return r;
  }
}
