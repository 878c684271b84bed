import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InterviewEntity } from './interview.entity';

export type PanelRole = 'lead' | 'shadow';

@Entity('interview_panelists')
@Index('IDX_interview_panelists_user', ['userId'])
@Check('interview_panelists_role_known', `role IN ('lead', 'shadow')`)
export class InterviewPanelistEntity {
  @PrimaryColumn({ type: 'uuid' })
  interviewId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => InterviewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interview_id' })
  interview?: InterviewEntity;

  @Column({ type: 'varchar', length: 10 })
  role: PanelRole;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}
