import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionalRepository } from '@app/common';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';

@Injectable()
export class WebhookSubscriptionRepository extends TransactionalRepository<WebhookSubscriptionRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): WebhookSubscriptionRepository {
    return new WebhookSubscriptionRepository(this.ds, manager);
  }

  private get rows() {
    return this.manager.getRepository(WebhookSubscriptionEntity);
  }

  list(): Promise<WebhookSubscriptionEntity[]> {
    return this.rows.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<WebhookSubscriptionEntity | null> {
    return this.rows.findOne({ where: { id } });
  }

  /** Active subscriptions to one event type. */
  activeFor(eventType: string): Promise<WebhookSubscriptionEntity[]> {
    return this.rows
      .createQueryBuilder('s')
      .where(`s.status = 'active'`)
      .andWhere(':type = ANY(s.events)', { type: eventType })
      .getMany();
  }

  insert(values: Pick<WebhookSubscriptionEntity, 'url' | 'description' | 'events' | 'secret' | 'ownerId'>) {
    return this.rows.save(this.rows.create(values));
  }

  async update(id: string, values: Partial<WebhookSubscriptionEntity>): Promise<void> {
    await this.rows.update({ id }, values);
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.rows.delete({ id })).affected ?? 0) > 0;
  }

  async resetFailures(id: string): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update()
      .set({ consecutiveFailures: 0 })
      .where('id = :id AND consecutive_failures <> 0', { id })
      .execute();
  }

  /** One more failed delivery; returns the new count (0 when the subscription is gone). */
  async addFailure(id: string): Promise<number> {
    const res = await this.manager.query(
      `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE id = $1
       RETURNING consecutive_failures`,
      [id],
    );
    const rows = (Array.isArray(res[0]) ? res[0] : res) as Array<{ consecutive_failures: number }>;
    return rows[0]?.consecutive_failures ?? 0;
  }

  /** Pauses an active subscription; true only for the call that paused it, so its owner is told once. */
  async pauseIfActive(id: string, reason: string): Promise<boolean> {
    const res = await this.rows
      .createQueryBuilder()
      .update()
      .set({ status: 'paused', pausedReason: reason, pausedAt: () => 'now()' })
      .where(`id = :id AND status = 'active'`, { id })
      .execute();
    return (res.affected ?? 0) > 0;
  }
}
