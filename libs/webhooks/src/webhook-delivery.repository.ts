import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionalRepository } from '@app/common';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';

export type NewDelivery = Pick<WebhookDeliveryEntity, 'id' | 'subscriptionId' | 'eventId' | 'eventType' | 'body'>;
export type AttemptOutcome = Pick<
  WebhookDeliveryEntity,
  'status' | 'responseStatus' | 'error' | 'nextAttemptAt' | 'deliveredAt'
>;

@Injectable()
export class WebhookDeliveryRepository extends TransactionalRepository<WebhookDeliveryRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): WebhookDeliveryRepository {
    return new WebhookDeliveryRepository(this.ds, manager);
  }

  private get rows() {
    return this.manager.getRepository(WebhookDeliveryEntity);
  }

  /** Inserts the rows of one event; a row already written for (subscription, event) is left alone. */
  async insertNew(rows: NewDelivery[]): Promise<string[]> {
    if (!rows.length) return [];
    const result = await this.rows
      .createQueryBuilder()
      .insert()
      .values(rows.map((r) => ({ ...r, status: 'pending' as const, nextAttemptAt: new Date() })))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>).map((r) => r.id);
  }

  findById(id: string): Promise<WebhookDeliveryEntity | null> {
    return this.rows.findOne({ where: { id } });
  }

  findOfSubscription(subscriptionId: string, id: string): Promise<WebhookDeliveryEntity | null> {
    return this.rows.findOne({ where: { id, subscriptionId } });
  }

  /**
   * Newest first, keyset paged on (created_at, id), each row with its cursor. The cursor's time is
   * PostgreSQL's text of created_at: a Date would drop the microseconds, and the next page would skip
   * the rows later in that millisecond.
   */
  async page(
    subscriptionId: string,
    take: number,
    after?: { createdAt: string; id: string },
  ): Promise<Array<{ delivery: WebhookDeliveryEntity; cursor: [string, string] }>> {
    const q = this.rows
      .createQueryBuilder('d')
      .addSelect('d.created_at::text', 'cursor_ts')
      .where('d.subscription_id = :subscriptionId', { subscriptionId })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(take);
    if (after) q.andWhere('(d.created_at, d.id) < (:createdAt::timestamptz, :id::uuid)', after);
    const { entities, raw } = await q.getRawAndEntities<{ cursor_ts: string }>();
    return entities.map((delivery, i) => ({ delivery, cursor: [raw[i].cursor_ts, delivery.id] }));
  }

  async recordAttempt(id: string, attempts: number, outcome: AttemptOutcome): Promise<void> {
    await this.rows.update({ id }, { ...outcome, attempts, lastAttemptAt: new Date() });
  }

  async markSkipped(id: string, reason: string): Promise<void> {
    await this.rows.update({ id }, { status: 'skipped', error: reason, nextAttemptAt: null });
  }

  /** Starts the next round; returns its number. */
  async startRound(id: string): Promise<number> {
    const res = await this.manager.query(
      `UPDATE webhook_deliveries SET round = round + 1, status = 'pending', attempts = 0, error = NULL,
         response_status = NULL, next_attempt_at = now() WHERE id = $1 RETURNING round`,
      [id],
    );
    const rows = (Array.isArray(res[0]) ? res[0] : res) as Array<{ round: number }>;
    return rows[0].round;
  }

  /** Rows whose job may have been lost (the enqueue failed after the insert): pending and overdue. */
  overdue(before: Date, limit: number): Promise<WebhookDeliveryEntity[]> {
    return this.rows
      .createQueryBuilder('d')
      .where(`d.status = 'pending' AND d.next_attempt_at < :before`, { before })
      .orderBy('d.next_attempt_at', 'ASC')
      .take(limit)
      .getMany();
  }
}
