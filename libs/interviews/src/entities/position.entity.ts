import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PositionStatus = 'open' | 'closed';

@Entity('positions')
@Index('IDX_positions_hiring_manager', ['hiringManagerId'])
@Check('positions_status_known', `status IN ('open', 'closed')`)
export class PositionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  department: string | null;

  @Column({ type: 'uuid' })
  hiringManagerId: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: PositionStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
