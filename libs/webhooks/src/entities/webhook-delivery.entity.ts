import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'skipped';

/**
 * The outbox and the delivery log in one: written when the event happens (one row per subscription),
 * then updated by every attempt. The body is frozen at that moment, so a redelivery sends the same
 * bytes under the same id and a receiver can deduplicate.
 */
@Entity('webhook_deliveries')
@Index('UQ_webhook_deliveries_event', ['subscriptionId', 'eventId'], { unique: true })
@Index('IDX_webhook_deliveries_log', ['subscriptionId', 'createdAt', 'id'])
@Index('IDX_webhook_deliveries_pending', ['status', 'nextAttemptAt'])
@Check('webhook_deliveries_status_known', `status IN ('pending', 'succeeded', 'failed', 'skipped')`)
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_webhook_deliveries' })
  id: string;

  @Column({ type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'FK_webhook_deliveries_subscription' })
  subscription?: WebhookSubscriptionEntity;

  /** One domain event, shared by its deliveries to every subscription. */
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 40 })
  eventType: string;

  /** The exact JSON body sent. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: WebhookDeliveryStatus;

  /** 0 for the event itself; each manual redelivery adds one (and is a new job). */
  @Column({ type: 'int', default: 0 })
  round: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
