import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * Interviewers who are interchangeable for one kind of interview: a panel asks for "one of this
 * pool". Names are unique whatever their case (an expression index, made by the migration).
 */
@Entity('interviewer_pools')
@Index('UQ_interviewer_pools_name_lower', { synchronize: false })
@Check(
  'interviewer_pools_limits_positive',
  `("daily_limit" IS NULL OR "daily_limit" >= 1) AND ("weekly_limit" IS NULL OR "weekly_limit" >= 1)`,
)
@Check('interviewer_pools_training_counts', `"shadows_required" >= 0 AND "reverse_shadows_required" >= 0`)
export class InterviewerPoolEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_interviewer_pools' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  /** Interviews a member takes per day (their local day); null: no limit. */
  @Column({ type: 'int', nullable: true })
  dailyLimit: number | null;

  /** Interviews a member takes per ISO week (their local week); null: no limit. */
  @Column({ type: 'int', nullable: true })
  weeklyLimit: number | null;

  /** Interviews a trainee shadows before reverse-shadowing. */
  @Column({ type: 'int', default: 2 })
  shadowsRequired: number;

  /** Interviews a trainee leads under watch before being qualified. */
  @Column({ type: 'int', default: 2 })
  reverseShadowsRequired: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A member of a pool; a trainee until their counted interviews qualify them or someone does. */
@Entity('interviewer_pool_members')
@Index('IDX_interviewer_pool_members_user', ['userId'])
export class InterviewerPoolMemberEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_interviewer_pool_members' })
  poolId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_interviewer_pool_members' })
  userId: string;

  @ManyToOne(() => InterviewerPoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pool_id', foreignKeyConstraintName: 'FK_interviewer_pool_members_pool' })
  pool?: InterviewerPoolEntity;

  /** Joined to be trained; stays true after the counted interviews qualify them (the stage says so). */
  @Column({ type: 'boolean', default: false })
  trainee: boolean;

  /** Training counts interviews from here: (re)set when someone joins or starts training again. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  /** When someone qualified a trainee by hand; null otherwise. */
  @Column({ type: 'timestamptz', nullable: true })
  qualifiedAt: Date | null;
}
