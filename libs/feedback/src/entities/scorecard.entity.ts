import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export type ScorecardStatus = 'draft' | 'submitted';
export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * One panelist's scorecard for one interview. The candidate and position are copied from the
 * interview (they never change) so that summaries aggregate inside this module's tables.
 */
@Entity('scorecards')
@Unique('UQ_scorecards_interview_panelist', ['interviewId', 'panelistId'])
@Index('IDX_scorecards_candidate', ['candidateId'])
@Index('IDX_scorecards_position', ['positionId'])
@Index('IDX_scorecards_panelist', ['panelistId'])
@Check('scorecards_status_known', `status IN ('draft', 'submitted')`)
@Check(
  'scorecards_recommendation_known',
  `overall_recommendation IS NULL OR overall_recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')`,
)
export class ScorecardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  interviewId: string;

  @Column({ type: 'uuid' })
  panelistId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'uuid' })
  positionId: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: ScorecardStatus;

  @Column({ type: 'varchar', length: 12, nullable: true })
  overallRecommendation: Recommendation | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Bumped by every save; a stale save gets 409 (two tabs, one scorecard). */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** When the interview ended, for the submission delay in calibration. */
  @Column({ type: 'timestamptz' })
  interviewEndsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
