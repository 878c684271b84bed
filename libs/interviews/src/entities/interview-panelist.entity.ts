import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InterviewEntity } from './interview.entity';

/** lead runs the interview, panelist is a full (scoring) member, shadow observes. */
export type PanelRole = 'lead' | 'panelist' | 'shadow';
export const PANEL_ROLES: PanelRole[] = ['lead', 'panelist', 'shadow'];

/** A panelist's answer to the invitation; a reschedule sets everyone back to needs_action. */
export const RSVP_RESPONSES = ['accepted', 'declined', 'tentative'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];
export type RsvpStatus = 'needs_action' | RsvpResponse;
export const RSVP_STATUSES: readonly RsvpStatus[] = ['needs_action', ...RSVP_RESPONSES];

@Entity('interview_panelists')
@Index('IDX_interview_panelists_user', ['userId'])
@Check('interview_panelists_role_known', `role IN ('lead', 'panelist', 'shadow')`)
@Check('interview_panelists_rsvp_known', `rsvp IN ('needs_action', 'accepted', 'declined', 'tentative')`)
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

  @Column({ type: 'varchar', length: 12, default: 'needs_action' })
  rsvp: RsvpStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  rsvpNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  rsvpAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}
