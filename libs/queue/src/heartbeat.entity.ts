import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per heartbeat job; written by the worker that processed it. */
@Entity('worker_heartbeats')
export class HeartbeatEntity {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_worker_heartbeats' })
  jobId: string;

  @Column({ type: 'varchar', length: 20 })
  backend: string;

  @Column({ type: 'varchar', length: 200 })
  requestedBy: string;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'varchar', length: 200 })
  processedBy: string;

  @Index('IDX_worker_heartbeats_processed_at')
  @Column({ type: 'timestamptz' })
  processedAt: Date;
}
