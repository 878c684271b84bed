import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InterviewEntity } from './interview.entity';

/** lead runs the interview, panelist is a full (scoring) member, shadow observes. */
export type PanelRole = 'lead' | 'panelist' | 'shadow';
export const PANEL_ROLES: PanelRole[] = ['lead', 'panelist', 'shadow'];

@Entity('interview_panelists')
@Index('IDX_interview_panelists_user', ['userId'])
@Check('interview_panelists_role_known', `role IN ('lead', 'panelist', 'shadow')`)
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
