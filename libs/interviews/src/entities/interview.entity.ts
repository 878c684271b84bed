import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CandidateEntity } from './candidate.entity';
import { PositionEntity } from './position.entity';

/**
 * scheduled -> awaiting_feedback at the scheduled end (a queue job) -> completed once every panelist
 * has submitted (or closed by hand); cancelled and no_show end it without feedback.
 */
export type InterviewStatus = 'scheduled' | 'awaiting_feedback' | 'completed' | 'cancelled' | 'no_show';
export const INTERVIEW_STATUSES: InterviewStatus[] = [
  'scheduled',
  'awaiting_feedback',
  'completed',
  'cancelled',
  'no_show',
];
export const INTERVIEW_STATUS_DESCRIPTION =
  'scheduled: not over yet; awaiting_feedback: over, some panelists have not submitted; completed: every panelist submitted ' +
  '(or closed by a manager); cancelled: called off; no_show: the candidate did not attend';
/** Interviews that happened (or will): they owe feedback and count towards load and summaries. */
export const HELD_STATUSES: InterviewStatus[] = ['scheduled', 'awaiting_feedback', 'completed'];

@Entity('interviews')
@Index('IDX_interviews_starts_at', ['startsAt', 'id'])
@Index('IDX_interviews_candidate', ['candidateId'])
@Index('IDX_interviews_position', ['positionId'])
@Index('IDX_interviews_plan_stage', ['planStageId'])
// `updatedSince` lists page on (updated_at, id)
@Index('IDX_interviews_updated_at', ['updatedAt', 'id'])
@Check('interviews_status_known', `status IN ('scheduled', 'awaiting_feedback', 'completed', 'cancelled', 'no_show')`)
@Check('interviews_ends_after_start', `ends_at > starts_at`)
export class InterviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id' })
  candidate?: CandidateEntity;

  @Column({ type: 'uuid' })
  positionId: string;

  @ManyToOne(() => PositionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'position_id' })
  position?: PositionEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** screening, technical, behavioral, onsite, final, … */
  @Column({ type: 'varchar', length: 120 })
  stage: string;

  /** The position plan's stage it belongs to (plan_stages.id); no FK: the plan refuses to drop referenced stages. */
  @Column({ type: 'uuid', nullable: true })
  planStageId: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  /** Stored (start + duration) so that clash queries can use an index. */
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** The IANA timezone it was scheduled in; the invite carries it. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  meetingUrl: string | null;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: InterviewStatus;

  @Column({ type: 'timestamptz' })
  feedbackDueAt: Date;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;

  /** The candidate gets a calendar invitation too (without internal links). */
  @Column({ type: 'boolean', default: false })
  inviteCandidate: boolean;

  /** The invite's SEQUENCE: bumped by every change attendees should see. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  /** Bumped by every change; writers send it back (optimistic locking). */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
