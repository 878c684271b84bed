import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PositionEntity } from './position.entity';

@Entity('candidates')
@Index('IDX_candidates_position', ['positionId'])
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

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
