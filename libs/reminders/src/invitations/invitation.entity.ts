import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type InvitationMethod = 'REQUEST' | 'CANCEL';
export type InvitationStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/**
 * One calendar message (iTIP REQUEST or CANCEL) owed to one person for one version (`sequence`) of
 * an interview. The unique key makes a repeated event or replan plan nothing new, and the row is
 * locked while it is sent: a retried job or a second worker finds it `sent` and sends nothing.
 */
@Entity('invitations')
@Index('UQ_invitations_once', ['interviewId', 'recipientId', 'sequence'], { unique: true })
@Check('invitations_method_known', `method IN ('REQUEST', 'CANCEL')`)
@Check('invitations_status_known', `status IN ('pending', 'sent', 'skipped', 'failed')`)
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  interviewId: string;

  /** A panelist's user id, or the interview's candidate id for the candidate's own invitation. */
  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'varchar', length: 8 })
  method: InvitationMethod;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: InvitationStatus;

  /** Why it was skipped (superseded, interview cancelled, no longer on the panel). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
