import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('interviewer_profiles')
export class InterviewerProfileEntity {
  /** The user's id: one profile per interviewer. */
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  department: string | null;

  /** Competencies they are trained to assess (lower-case). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  competencies: string[];

  /** Question types they are trained to ask: technical, behavioral, situational. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  questionTypes: string[];

  @Column({ type: 'int', default: 5 })
  weeklyLimit: number;

  @Column({ type: 'boolean', default: true })
  emailNotifications: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  webhookUrl: string | null;

  /**
   * Working windows per ISO weekday ('1' Monday … '7' Sunday) as HH:MM in their timezone; null is
   * the default, Monday to Friday 09:00–17:00.
   */
  @Column({ type: 'jsonb', nullable: true })
  workingHours: Record<string, Array<{ start: string; end: string }>> | null;

  /** Whole days off (YYYY-MM-DD, in their timezone); text, not date, so no driver reads them at a local midnight. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  daysOff: string[];

  /** Minutes kept free before and after each interview. */
  @Column({ type: 'int', default: 0 })
  bufferMinutes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
