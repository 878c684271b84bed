import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ReminderStatus = 'scheduled' | 'sent' | 'skipped' | 'failed' | 'cancelled';

/**
 * One reminder per (interview, panelist, kind, occurrence): `key` names it across reschedules, and
 * `dueAt` is when it goes out now. The queue job is named after both, so a moved reminder is a new job.
 * A decision notice (`decision_recruiter`, `decision_panel`) is about a candidate's decision instead of an
 * interview: `interviewId` is null, `decisionId` and `candidateId` are set, `aboutUserId` is who decided,
 * and the key is `decision.<decisionId>.<recipientId>` (one notice per decision and person).
 */
@Entity('reminders')
@Index('UQ_reminders_key', ['key'], { unique: true })
@Index('IDX_reminders_interview', ['interviewId'])
@Index('IDX_reminders_due', ['status', 'dueAt'])
@Check('reminders_about_one', `(interview_id IS NULL) <> (decision_id IS NULL)`)
@Check('reminders_status_known', `status IN ('scheduled', 'sent', 'skipped', 'failed', 'cancelled')`)
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'uuid', nullable: true })
  interviewId: string | null;

  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'uuid' })
  aboutUserId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'int' })
  occurrence: number;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  status: ReminderStatus;

  @Column({ type: 'varchar', length: 400, nullable: true })
  jobId: string | null;

  /** Why it was skipped or cancelled, or the last delivery error. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /**
   * The delivery attempt (a worker's job token) sending it now, and since when: another attempt
   * waits until the claim is released or older than the queue's lock, so no transaction stays open
   * across a send.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
