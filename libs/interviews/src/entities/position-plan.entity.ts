import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { PositionEntity } from './position.entity';

/** The plan's version: every PUT bumps it, and writers send it back (optimistic locking). */
@Entity('position_plans')
export class PositionPlanEntity {
  @PrimaryColumn({ type: 'uuid' })
  positionId: string;

  @OneToOne(() => PositionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  positionRef?: PositionEntity;

  @Column({ type: 'int', default: 0 })
  revision: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
