import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type QuestionSetStatus = 'draft' | 'published' | 'archived';
export const QUESTION_SET_STATUSES: QuestionSetStatus[] = ['draft', 'published', 'archived'];

/**
 * One version of a question set. Versions of the same set share a lineage; a published version is
 * never edited again (an edit starts the next draft version), so interviews can cite it.
 */
@Entity('question_sets')
@Index('UQ_question_sets_lineage_version', ['lineageId', 'version'], { unique: true })
@Index('IDX_question_sets_updated_id', ['updatedAt', 'id'])
@Check('question_sets_status_known', `status IN ('draft', 'published', 'archived')`)
export class QuestionSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lineageId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  positionFamily: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  level: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: QuestionSetStatus;

  @Column({ type: 'uuid' })
  ownerId: string;

  /** Bumped by every change to the set or its questions; writers send it back (optimistic locking). */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ type: 'uuid', nullable: true })
  supersededById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
