import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ScorecardQuestionNoteEntity } from '../entities/scorecard-question-note.entity';
import { ScorecardRatingEntity } from '../entities/scorecard-rating.entity';
import { ScorecardEntity } from '../entities/scorecard.entity';

@Injectable()
export class ScorecardRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly manager: EntityManager = ds.manager,
  ) {}

  transaction<T>(fn: (repo: ScorecardRepository) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => fn(new ScorecardRepository(this.ds, m)));
  }

  get tx(): unknown {
    return this.manager;
  }

  private get cards() {
    return this.manager.getRepository(ScorecardEntity);
  }

  /** Creates the draft unless it exists (two first reads at once create one). */
  async ensure(values: Pick<ScorecardEntity, 'interviewId' | 'panelistId' | 'candidateId' | 'positionId' | 'interviewEndsAt'>): Promise<ScorecardEntity> {
    await this.cards.createQueryBuilder().insert().values({ ...values, status: 'draft' }).orIgnore().execute();
    return (await this.cards.findOne({ where: { interviewId: values.interviewId, panelistId: values.panelistId } }))!;
  }

  findById(id: string): Promise<ScorecardEntity | null> {
    return this.cards.findOne({ where: { id } });
  }

  findForUpdate(interviewId: string, panelistId: string): Promise<ScorecardEntity | null> {
    return this.cards.createQueryBuilder('s').setLock('pessimistic_write').where('s.interview_id = :interviewId AND s.panelist_id = :panelistId', { interviewId, panelistId }).getOne();
  }

  findByIdForUpdate(id: string): Promise<ScorecardEntity | null> {
    return this.cards.createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  findForInterview(interviewId: string): Promise<ScorecardEntity[]> {
    return this.cards.find({ where: { interviewId }, order: { createdAt: 'ASC' } });
  }

  /** Submitted scorecards of these interviews, oldest submission first; drafts never. */
  async submittedFor(interviewIds: string[]): Promise<ScorecardEntity[]> {
    if (!interviewIds.length) return [];
    return this.cards.createQueryBuilder('s').where('s.interview_id = ANY(:ids) AND s.status = :status', { ids: interviewIds, status: 'submitted' }).orderBy('s.submitted_at', 'ASC').addOrderBy('s.id', 'ASC').getMany();
  }

  async ratingsFor(scorecardIds: string[]): Promise<ScorecardRatingEntity[]> {
    if (!scorecardIds.length) return [];
    return this.manager.getRepository(ScorecardRatingEntity).createQueryBuilder('r').where('r.scorecard_id = ANY(:ids)', { ids: scorecardIds }).getMany();
  }

  async notesFor(scorecardIds: string[]): Promise<ScorecardQuestionNoteEntity[]> {
    if (!scorecardIds.length) return [];
    return this.manager.getRepository(ScorecardQuestionNoteEntity).createQueryBuilder('n').where('n.scorecard_id = ANY(:ids)', { ids: scorecardIds }).getMany();
  }

  async upsertRatings(rows: Array<Omit<ScorecardRatingEntity, 'scorecard'>>): Promise<void> {
    if (!rows.length) return;
    await this.manager.getRepository(ScorecardRatingEntity).upsert(rows, { conflictPaths: ['scorecardId', 'interviewQuestionId', 'criterionId'] });
  }

  async deleteRatings(scorecardId: string, keys: Array<{ interviewQuestionId: string; criterionId: string }>): Promise<void> {
    for (const k of keys) await this.manager.getRepository(ScorecardRatingEntity).delete({ scorecardId, ...k });
  }

  async upsertNotes(rows: Array<Omit<ScorecardQuestionNoteEntity, 'scorecard'>>): Promise<void> {
    if (!rows.length) return;
    await this.manager.getRepository(ScorecardQuestionNoteEntity).upsert(rows, { conflictPaths: ['scorecardId', 'interviewQuestionId'] });
  }

  /** Applies `patch` and bumps the version. */
  async update(id: string, patch: Partial<ScorecardEntity>): Promise<void> {
    await this.cards.createQueryBuilder().update().set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' }).where('id = :id', { id }).execute();
  }

  async moveInterviewEnd(interviewId: string, endsAt: Date): Promise<void> {
    await this.cards.update({ interviewId }, { interviewEndsAt: endsAt });
  }

  /** Which of these (interview, panelist) pairs have a submitted scorecard. */
  async submittedPairs(pairs: Array<{ interviewId: string; userId: string }>): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows: Array<{ k: string }> = await this.manager.query(
      `SELECT s.interview_id || ':' || s.panelist_id AS k FROM scorecards s
         JOIN unnest($1::uuid[], $2::uuid[]) AS p(interview_id, user_id) ON p.interview_id = s.interview_id AND p.user_id = s.panelist_id
        WHERE s.status = 'submitted'`,
      [pairs.map((p) => p.interviewId), pairs.map((p) => p.userId)],
    );
    return new Set(rows.map((r) => r.k));
  }

  /** Interviews whose scorecard by this panelist is submitted. */
  async submittedInterviewIds(userId: string): Promise<string[]> {
    const rows: Array<{ interview_id: string }> = await this.manager.query(`SELECT interview_id FROM scorecards WHERE panelist_id = $1 AND status = 'submitted'`, [userId]);
    return rows.map((r) => r.interview_id);
  }

  /** When each of these interviews' draft by the panelist was last saved (absent: never opened). */
  async draftsOf(userId: string, interviewIds: string[]): Promise<Map<string, Date>> {
    if (!interviewIds.length) return new Map();
    const rows: Array<{ interview_id: string; updated_at: Date }> = await this.manager.query(
      `SELECT interview_id, updated_at FROM scorecards WHERE panelist_id = $1 AND interview_id = ANY($2::uuid[]) AND status <> 'submitted'`,
      [userId, interviewIds],
    );
    return new Map(rows.map((r) => [r.interview_id, r.updated_at]));
  }
}
