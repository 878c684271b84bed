import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PositionEntity } from './position.entity';

export const CANDIDATE_STATUSES = ['active', 'on_hold', 'rejected', 'withdrawn', 'hired'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

@Entity('candidates')
@Index('IDX_candidates_position', ['positionId'])
// `updatedSince` lists page on (updated_at, id)
@Index('IDX_candidates_updated_at', ['updatedAt', 'id'])
@Check('candidates_status_known', `status IN ('active', 'on_hold', 'rejected', 'withdrawn', 'hired')`)
export class CandidateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'uuid' })
  positionId: string;

  @ManyToOne(() => PositionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'position_id' })
  position?: PositionEntity;

  /**
   * The plan stage the candidate is at; null = not started. No foreign key: the plan's stages are
   * edited as a whole, and a candidate's path is changed only through a recorded decision.
   */
  @Column({ type: 'uuid', nullable: true })
  stageId: string | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: CandidateStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
