import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message sent (or being sent). Unique per reminder, due time and channel, and written in the
 * transaction that claims the send: a retried or duplicated job finds it and sends nothing.
 */
@Entity('deliveries')
@Index('UQ_deliveries_once', ['reminderId', 'dueAt', 'channel'], { unique: true })
@Index('IDX_deliveries_recipient', ['recipientId', 'createdAt'])
@Index('IDX_deliveries_created', ['createdAt'])
@Check('deliveries_status_known', `status IN ('sent', 'failed')`)
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reminderId: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 10 })
  channel: 'email' | 'webhook' | 'log';

  @Column({ type: 'uuid' })
  recipientId: string;

  /** Null for a decision notice, which is about a candidate (`candidateId`). */
  @Column({ type: 'uuid', nullable: true })
  interviewId: string | null;

  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'varchar', length: 400 })
  subject: string;

  /** `failed`: the last attempt failed too; the row keeps the error for the delivery log. */
  @Column({ type: 'varchar', length: 10, default: 'sent' })
  status: 'sent' | 'failed';

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The SMTP message id or the webhook's HTTP status. */
  @Column({ type: 'varchar', length: 400, nullable: true })
  providerRef: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
