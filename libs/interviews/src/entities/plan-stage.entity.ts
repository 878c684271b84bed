import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PositionEntity } from './position.entity';

/** A step of a position's interview loop; interviews and candidates point at it by id. */
@Entity('plan_stages')
@Index('IDX_plan_stages_position', ['positionId', 'position'])
export class PlanStageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  positionId: string;

  @ManyToOne(() => PositionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  positionRef?: PositionEntity;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Order in the loop, from 0. */
  @Column({ type: 'int' })
  position: number;
}
