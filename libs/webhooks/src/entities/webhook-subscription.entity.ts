import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type WebhookSubscriptionStatus = 'active' | 'paused';

/**
 * An admin's subscription of one URL to some event types. The secret is kept as is (not hashed):
 * every delivery is signed with it. After a rotation the previous secret signs too, until it expires.
 */
@Entity('webhook_subscriptions')
@Check('webhook_subscriptions_status_known', `status IN ('active', 'paused')`)
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_webhook_subscriptions' })
  id: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 40, array: true })
  events: string[];

  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  previousSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: WebhookSubscriptionStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  pausedReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /** Deliveries in a row that failed every attempt; a success resets it. */
  @Column({ type: 'int', default: 0 })
  consecutiveFailures: number;

  /** The admin who created it: told by email when it is paused. */
  @Column({ type: 'uuid' })
  ownerId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
