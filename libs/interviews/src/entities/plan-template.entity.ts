import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PlanStageEntity } from './plan-stage.entity';

/** An interview a stage calls for: how long, how many interviewers, what to ask and assess. */
@Entity('plan_templates')
@Index('IDX_plan_templates_stage', ['stageId', 'position'])
@Check('plan_templates_duration_range', `duration_minutes BETWEEN 5 AND 600`)
@Check('plan_templates_panel_size_range', `panel_size BETWEEN 1 AND 10`)
export class PlanTemplateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  stageId: string;

  @ManyToOne(() => PlanStageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stage_id' })
  stage?: PlanStageEntity;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'int' })
  panelSize: number;

  @Column({ type: 'boolean', default: true })
  leadRequired: boolean;

  /** Published questions (ids of question rows). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  questionIds: string[];

  /** Published question sets (ids of set versions). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  questionSetIds: string[];

  /** Position competencies this interview assesses. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  competencyIds: string[];

  /** Order within the stage, from 0. */
  @Column({ type: 'int' })
  position: number;
}
