import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when: one row per change to an interview, a scorecard or a question set. */
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entityType', 'entityId', 'createdAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for changes the system made (a job, a seeder). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** `user` (actorId is a user's), `api_key` (an integration's key) or `system` (no actor). */
  @Column({ type: 'varchar', length: 10, default: 'user' })
  actorKind: string;

  /** The API key's name when a key acted (kept as it was then); null for users and the system. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'uuid' })
  entityId: string;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
