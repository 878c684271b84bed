import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionType, StoredCriterion, StoredFollowUp, StoredGuidance } from '@app/question-sets';
import { InterviewEntity } from './interview.entity';

/**
 * A question as it was when assigned: later edits or new versions of its set never change an
 * interview's kit or the criteria its scorecards rate.
 */
@Entity('interview_questions')
@Index('IDX_interview_questions_interview', ['interviewId', 'position'])
@Check('interview_questions_type_known', `type IN ('technical', 'behavioral', 'situational')`)
export class InterviewQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  interviewId: string;

  @ManyToOne(() => InterviewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interview_id' })
  interview?: InterviewEntity;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  sourceQuestionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceSetId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  sourceSetName: string | null;

  @Column({ type: 'int', nullable: true })
  sourceSetVersion: number | null;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  @Column({ type: 'text' })
  prompt: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  followUps: StoredFollowUp[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  criteria: StoredCriterion[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  guidance: StoredGuidance;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  competencies: string[];

  @Column({ type: 'int', nullable: true })
  timeboxMinutes: number | null;

  /** The panelist who asks it; null means whoever leads. */
  @Column({ type: 'uuid', nullable: true })
  askedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
