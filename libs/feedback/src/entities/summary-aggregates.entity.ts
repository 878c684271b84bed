import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Per candidate and position: what the position summary shows of the candidate's submitted
 * scorecards, kept up to date when a scorecard is submitted or reopened (same transaction), so the
 * summary reads one row per candidate instead of scanning every rating. Counts and sums are exact
 * integers; means are derived on read with the same numeric division avg() uses.
 */
@Entity('candidate_feedback_aggregates')
@Index('IDX_candidate_feedback_aggregates_position', ['positionId'])
export class CandidateFeedbackAggregateEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_feedback_aggregates' })
  candidateId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_feedback_aggregates' })
  positionId: string;

  @Column({ type: 'integer' })
  submitted: number;

  @Column({ type: 'integer' })
  strongNo: number;

  @Column({ type: 'integer' })
  no: number;

  @Column({ type: 'integer' })
  yes: number;

  @Column({ type: 'integer' })
  strongYes: number;

  /** Ratings given (not "not assessed"), their sum and sum of squares. */
  @Column({ type: 'integer' })
  ratings: number;

  @Column({ type: 'integer' })
  ratingSum: number;

  @Column({ type: 'integer' })
  ratingSquares: number;

  @Column({ type: 'integer' })
  technicalCount: number;

  @Column({ type: 'integer' })
  technicalSum: number;

  @Column({ type: 'integer' })
  behavioralCount: number;

  @Column({ type: 'integer' })
  behavioralSum: number;

  @Column({ type: 'integer' })
  situationalCount: number;

  @Column({ type: 'integer' })
  situationalSum: number;
}

/**
 * A candidate's coincidence matrix (Krippendorff), split by units' size: a unit is one criterion of
 * one interview question with `panel` >= 2 submitted ratings, and `pairs[4c + k]` is the integer
 * Σ n_uc (n_uk - [c = k]) over those units. o_ck = Σ_panel pairs / (panel - 1), so the matrix stays
 * exact: integers add and subtract without the drift a running float sum would collect.
 */
@Entity('candidate_coincidences')
@Index('IDX_candidate_coincidences_position', ['positionId'])
export class CandidateCoincidenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_coincidences' })
  candidateId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_coincidences' })
  positionId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_candidate_coincidences' })
  panel: number;

  @Column({ type: 'integer' })
  units: number;

  @Column({ type: 'bigint', array: true })
  pairs: string[];
}

/**
 * Per submitted scorecard and competency: the count and sum of its ratings, whose mean is that
 * panelist's value for competency agreement. One row per scorecard and competency, not per rating.
 */
@Entity('scorecard_competency_aggregates')
@Index('IDX_scorecard_competency_aggregates_position', ['positionId'])
@Index('IDX_scorecard_competency_aggregates_candidate', ['candidateId'])
@Index('IDX_scorecard_competency_aggregates_interview', ['interviewId'])
export class ScorecardCompetencyAggregateEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_scorecard_competency_aggregates' })
  scorecardId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_scorecard_competency_aggregates' })
  competency: string;

  @Column({ type: 'uuid' })
  interviewId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'uuid' })
  positionId: string;

  @Column({ type: 'uuid' })
  panelistId: string;

  @Column({ type: 'integer' })
  ratings: number;

  @Column({ type: 'integer' })
  ratingSum: number;
}

/**
 * A candidate's coincidences of recommendations (units = interviews, values = submitted panelists'
 * recommendations, Strong no = 1 … Strong yes = 4), split by unit size like `candidate_coincidences`.
 */
@Entity('candidate_recommendation_coincidences')
@Index('IDX_candidate_recommendation_coincidences_position', ['positionId'])
export class CandidateRecommendationCoincidenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_recommendation_coincidences' })
  candidateId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_recommendation_coincidences' })
  positionId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_candidate_recommendation_coincidences' })
  panel: number;

  @Column({ type: 'integer' })
  units: number;

  @Column({ type: 'bigint', array: true })
  pairs: string[];
}

/**
 * What interval alpha on competency means needs, over a candidate's (interview, competency) units
 * with two or more panelists: pairable values n, observed Σ_u (2 m_u Σx² − 2 (Σx)²) / (m_u − 1),
 * Σx and Σx². All add over candidates; numeric, so identical values cancel to an exact 0.
 */
@Entity('candidate_competency_agreement')
@Index('IDX_candidate_competency_agreement_position', ['positionId'])
export class CandidateCompetencyAgreementEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_competency_agreement' })
  candidateId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_competency_agreement' })
  positionId: string;

  @Column({ type: 'integer' })
  units: number;

  @Column({ type: 'integer' })
  pairable: number;

  @Column({ type: 'numeric' })
  observed: string;

  @Column({ type: 'numeric' })
  valueSum: string;

  @Column({ type: 'numeric' })
  valueSquares: string;
}

/**
 * A candidate's held interviews: done (awaiting feedback or completed) and their panel slots without
 * a submitted scorecard; scheduled ones by end time with their open slots, since one that has ended
 * counts as done before its end job moves it on. Kept by triggers on interviews, panels, scorecards.
 */
@Entity('candidate_interview_counts')
export class CandidateInterviewCountEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_candidate_interview_counts' })
  candidateId: string;

  @Column({ type: 'integer' })
  done: number;

  @Column({ type: 'integer' })
  owed: number;

  @Column({ type: 'timestamptz', array: true })
  scheduledEnds: Date[];

  @Column({ type: 'integer', array: true })
  scheduledOwed: number[];
}
