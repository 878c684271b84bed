import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PositionEntity } from './position.entity';

/** What a position's interview loop must assess; plan templates point at these by id. */
@Entity('position_competencies')
@Index('IDX_position_competencies_position', ['positionId', 'position'])
export class PositionCompetencyEntity {
  /** Assigned by the plan service so that templates in the same request can refer to new ones. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  positionId: string;

  @ManyToOne(() => PositionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  positionRef?: PositionEntity;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  /** Order within the position's list. */
  @Column({ type: 'int' })
  position: number;
}
