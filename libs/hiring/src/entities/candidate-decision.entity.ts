import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { CandidateStatus } from '@app/interviews';
import { RejectionReasonEntity } from './rejection-reason.entity';

export const DECISIONS = ['advance', 'move_back', 'reject', 'hold', 'hire', 'withdraw', 'reactivate'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface MissingScorecard {
  interviewId: string;
  interviewTitle: string;
  userId: string;
  name: string;
}

/**
 * One decision on a candidate's path. Rows are never updated or deleted: a later decision points at the
 * one it supersedes (at most one may, which keeps the history a single line even under concurrency).
 * Candidate, position, stage and user ids are other modules' and carry no foreign key.
 */
@Entity('candidate_decisions')
@Unique('UQ_candidate_decisions_supersedes', ['supersedesId'])
@Index('IDX_candidate_decisions_candidate', ['candidateId', 'decidedAt'])
@Index('IDX_candidate_decisions_position', ['positionId', 'decidedAt'])
@Check(
  'candidate_decisions_decision_known',
  `decision IN ('advance', 'move_back', 'reject', 'hold', 'hire', 'withdraw', 'reactivate')`,
)
export class CandidateDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_candidate_decisions' })
  id: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'uuid' })
  positionId: string;

  @Column({ type: 'varchar', length: 12 })
  decision: Decision;

  @Column({ type: 'uuid', nullable: true })
  fromStageId: string | null;

  @Column({ type: 'uuid', nullable: true })
  toStageId: string | null;

  @Column({ type: 'varchar', length: 10 })
  fromStatus: CandidateStatus;

  @Column({ type: 'varchar', length: 10 })
  toStatus: CandidateStatus;

  @Column({ type: 'uuid', nullable: true })
  reasonId: string | null;

  @ManyToOne(() => RejectionReasonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reason_id', foreignKeyConstraintName: 'FK_candidate_decisions_reason' })
  reason?: RejectionReasonEntity;

  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  /** Why the decision was made although scorecards were missing (listed in missingAtDecision). */
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  missingAtDecision: MissingScorecard[];

  @Column({ type: 'uuid' })
  decidedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => CandidateDecisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'FK_candidate_decisions_supersedes' })
  supersedes?: CandidateDecisionEntity;
}
