import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { seatKeys, TransactionalRepository, type Seat, type SeatKey } from '@app/common';
import { ScorecardQuestionNoteEntity } from '../entities/scorecard-question-note.entity';
import { ScorecardRatingEntity } from '../entities/scorecard-rating.entity';
import { ScorecardEntity } from '../entities/scorecard.entity';
import type { CardRow, NotesView, RatingView } from './scorecard-statements';
import {
  FIND_CARD,
  INSERT_DRAFT,
  LOCK_CARD,
  LOCK_CARD_BY_ID,
  RATINGS_AND_NOTES,
  REOPEN,
  SAVE_DRAFT,
  SUBMIT,
  toCard,
} from './scorecard-statements';

/** A scorecard as the write path reads it: the entity's columns, from fixed SQL. */
export type Card = ReturnType<typeof toCard>;

/** One autosave's changes, resolved against the kit. */
export interface DraftChanges {
  version: number;
  overallRecommendation?: string | null;
  summary?: string | null;
  set: Array<{
    question_id: string;
    criterion_id: string;
    rating: number | null;
    not_assessed: boolean;
    note: string | null;
    question_type: string;
    competencies: string[];
    source_question_id: string | null;
  }>;
  cleared: Array<{ questionId: string; criterionId: string }>;
  notes: Array<{ question_id: string; notes: string | null; follow_ups_asked: string[] }>;
}

/** All SQL of scorecards, their ratings and notes. Bound to a transaction by `transaction()`. */
@Injectable()
export class ScorecardRepository extends TransactionalRepository<ScorecardRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): ScorecardRepository {
    return new ScorecardRepository(this.ds, manager);
  }

  private get cards() {
    return this.manager.getRepository(ScorecardEntity);
  }

  private async one(sql: string, params: unknown[]): Promise<Card | null> {
    const rows: CardRow[] = await this.manager.query(sql, params);
    return rows[0] ? toCard(rows[0]) : null;
  }

  /** The panelist's scorecard, created as a draft on first read (two first reads at once create one). */
  async openDraft(
    values: Pick<ScorecardEntity, 'interviewId' | 'panelistId' | 'candidateId' | 'positionId' | 'interviewEndsAt'>,
  ): Promise<Card> {
    const found = await this.one(FIND_CARD, [values.interviewId, values.panelistId]);
    if (found) return found;
    const created = await this.one(INSERT_DRAFT, [
      values.interviewId,
      values.panelistId,
      values.candidateId,
      values.positionId,
      values.interviewEndsAt,
    ]);
    return created ?? (await this.one(FIND_CARD, [values.interviewId, values.panelistId]))!;
  }

  /** The panelist's scorecard, row-locked until the transaction ends. */
  lockCard(interviewId: string, panelistId: string): Promise<Card | null> {
    return this.one(LOCK_CARD, [interviewId, panelistId]);
  }

  lockCardById(id: string): Promise<Card | null> {
    return this.one(LOCK_CARD_BY_ID, [id]);
  }

  findCard(interviewId: string, panelistId: string): Promise<Card | null> {
    return this.one(FIND_CARD, [interviewId, panelistId]);
  }

  /**
   * Writes an autosave in one statement when the scorecard is at `changes.version` and not submitted;
   * returns the updated scorecard, or null when it is not (absent, stale or submitted: nothing written).
   */
  saveDraft(interviewId: string, panelistId: string, changes: DraftChanges): Promise<Card | null> {
    const { overallRecommendation: rec, summary } = changes;
    return this.one(SAVE_DRAFT, [
      interviewId,
      panelistId,
      changes.version,
      rec !== undefined,
      rec ?? null,
      summary !== undefined,
      summary ?? null,
      JSON.stringify(changes.set),
      changes.cleared.map((c) => c.questionId),
      changes.cleared.map((c) => c.criterionId),
      JSON.stringify(changes.notes),
    ]);
  }

  async markSubmitted(id: string, at: Date): Promise<Card> {
    return (await this.one(SUBMIT, [id, at]))!;
  }

  async markReopened(id: string): Promise<Card> {
    return (await this.one(REOPEN, [id]))!;
  }

  /** One scorecard's ratings and question notes, in one statement. */
  async contentOf(id: string): Promise<{ ratings: RatingView[]; notes: NotesView[] }> {
    const [row]: Array<{ ratings: RatingView[]; notes: NotesView[] }> = await this.manager.query(RATINGS_AND_NOTES, [
      id,
    ]);
    return row;
  }

  findForInterview(interviewId: string): Promise<ScorecardEntity[]> {
    return this.cards.find({ where: { interviewId }, order: { createdAt: 'ASC' } });
  }

  /** Submitted scorecards of these interviews, oldest submission first; drafts never. */
  async submittedFor(interviewIds: string[]): Promise<ScorecardEntity[]> {
    if (!interviewIds.length) return [];
    return this.cards
      .createQueryBuilder('s')
      .where('s.interview_id = ANY(:ids) AND s.status = :status', { ids: interviewIds, status: 'submitted' })
      .orderBy('s.submitted_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  async ratingsFor(scorecardIds: string[]): Promise<ScorecardRatingEntity[]> {
    if (!scorecardIds.length) return [];
    return this.manager
      .getRepository(ScorecardRatingEntity)
      .createQueryBuilder('r')
      .where('r.scorecard_id = ANY(:ids)', { ids: scorecardIds })
      .getMany();
  }

  async notesFor(scorecardIds: string[]): Promise<ScorecardQuestionNoteEntity[]> {
    if (!scorecardIds.length) return [];
    return this.manager
      .getRepository(ScorecardQuestionNoteEntity)
      .createQueryBuilder('n')
      .where('n.scorecard_id = ANY(:ids)', { ids: scorecardIds })
      .getMany();
  }

  /** Applies `patch` and bumps the version. */
  async update(id: string, patch: Partial<ScorecardEntity>): Promise<void> {
    await this.cards
      .createQueryBuilder()
      .update()
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  async moveInterviewEnd(interviewId: string, endsAt: Date): Promise<void> {
    await this.cards.update({ interviewId }, { interviewEndsAt: endsAt });
  }

  /** Which of these (interview, panelist) pairs have a submitted scorecard. */
  async submittedPairs(pairs: Seat[]): Promise<Set<SeatKey>> {
    if (!pairs.length) return new Set();
    const rows: Array<{ interview_id: string; panelist_id: string }> = await this.manager.query(
      `SELECT s.interview_id, s.panelist_id FROM scorecards s
         JOIN unnest($1::uuid[], $2::uuid[]) AS p(interview_id, user_id) ON p.interview_id = s.interview_id AND p.user_id = s.panelist_id
        WHERE s.status = 'submitted'`,
      [pairs.map((p) => p.interviewId), pairs.map((p) => p.userId)],
    );
    return seatKeys(rows.map((r) => ({ interviewId: r.interview_id, userId: r.panelist_id })));
  }

  /** Interviews whose scorecard by this panelist is submitted. */
  async submittedInterviewIds(userId: string): Promise<string[]> {
    const rows: Array<{ interview_id: string }> = await this.manager.query(
      `SELECT interview_id FROM scorecards WHERE panelist_id = $1 AND status = 'submitted'`,
      [userId],
    );
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
