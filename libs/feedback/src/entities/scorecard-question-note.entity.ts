import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ScorecardEntity } from './scorecard.entity';

/** Per-question notes and which follow-ups were actually asked. */
@Entity('scorecard_question_notes')
export class ScorecardQuestionNoteEntity {
  @PrimaryColumn({ type: 'uuid' })
  scorecardId: string;

  @PrimaryColumn({ type: 'uuid' })
  interviewQuestionId: string;

  @ManyToOne(() => ScorecardEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scorecard_id' })
  scorecard?: ScorecardEntity;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  followUpsAsked: string[];
}
