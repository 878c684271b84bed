import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reason a candidate is rejected for; admins edit the list, retired ones stay for old decisions. */
@Entity('rejection_reasons')
export class RejectionReasonEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_rejection_reasons' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  label: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Order in the list. */
  @Column({ type: 'int' })
  position: number;
}
