import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ScorecardEntity } from './scorecard.entity';

/**
 * A rating of one criterion of one interview question: 1-4, or "not assessed". The question's type,
 * competencies and source are copied from the interview's snapshot so that summaries stay in SQL here.
 */
@Entity('scorecard_ratings')
@Index('IDX_scorecard_ratings_interview_criterion', ['interviewId', 'interviewQuestionId', 'criterionId'])
@Index('IDX_scorecard_ratings_source_question', ['sourceQuestionId'])
@Check('scorecard_ratings_value', `(rating IS NULL AND not_assessed) OR (rating BETWEEN 1 AND 4 AND NOT not_assessed)`)
export class ScorecardRatingEntity {
  @PrimaryColumn({ type: 'uuid' })
  scorecardId: string;

  @PrimaryColumn({ type: 'uuid' })
  interviewQuestionId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  criterionId: string;

  @ManyToOne(() => ScorecardEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scorecard_id' })
  scorecard?: ScorecardEntity;

  @Column({ type: 'uuid' })
  interviewId: string;

  @Column({ type: 'uuid' })
  panelistId: string;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'boolean', default: false })
  notAssessed: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16 })
  questionType: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  competencies: string[];

  @Column({ type: 'uuid', nullable: true })
  sourceQuestionId: string | null;
}
