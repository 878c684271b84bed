import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The one reminder policy (admins change it); a single row. */
@Entity('reminder_settings')
export class ReminderSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'jsonb' })
  policy: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
