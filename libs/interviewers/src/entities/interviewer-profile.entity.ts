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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
