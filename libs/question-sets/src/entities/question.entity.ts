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
import type { QuestionType } from '../import/guide.types';
import { QuestionSetEntity } from './question-set.entity';

export interface StoredFollowUp {
  id: string;
  prompt: string;
  checks?: string;
}

export interface StoredCriterion {
  id: string;
  label: string;
  description?: string;
}

export interface StoredGuidance {
  whyAsked?: string;
  framework?: string;
  frameworkDescription?: string;
  exampleAnswer?: string;
}

@Entity('questions')
@Index('IDX_questions_set_position', ['setId', 'position'])
@Check('questions_type_known', `type IN ('technical', 'behavioral', 'situational')`)
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  setId: string;

  @ManyToOne(() => QuestionSetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'set_id' })
  set?: QuestionSetEntity;

  /** 0-based order within the set. */
  @Column({ type: 'int' })
  position: number;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
