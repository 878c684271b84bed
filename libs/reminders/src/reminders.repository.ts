import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DeliveryEntity } from './entities/delivery.entity';
import { ReminderEntity, ReminderStatus } from './entities/reminder.entity';

@Injectable()
export class RemindersRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly manager: EntityManager = ds.manager,
  ) {}

  transaction<T>(fn: (repo: RemindersRepository) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => fn(new RemindersRepository(this.ds, m)));
  }

  private get reminders() {
    return this.manager.getRepository(ReminderEntity);
  }

  forInterview(interviewId: string): Promise<ReminderEntity[]> {
    return this.reminders.find({ where: { interviewId }, order: { dueAt: 'ASC', key: 'ASC' } });
  }

  findById(id: string): Promise<ReminderEntity | null> {
    return this.reminders.findOne({ where: { id } });
  }

  /** Locks the reminder until the transaction ends: one delivery attempt at a time. */
  findForUpdate(id: string): Promise<ReminderEntity | null> {
    return this.reminders.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  /** Creates or moves reminders by key; returns them as stored. */
  async upsert(rows: Array<Pick<ReminderEntity, 'key' | 'interviewId' | 'recipientId' | 'aboutUserId' | 'kind' | 'occurrence' | 'dueAt'>>): Promise<ReminderEntity[]> {
    if (!rows.length) return [];
    await this.reminders
      .createQueryBuilder()
      .insert()
      .values(rows.map((r) => ({ ...r, status: 'scheduled' as ReminderStatus })))
      .orUpdate(['due_at', 'status', 'recipient_id', 'reason', 'updated_at'], ['key'])
      .execute();
    return this.reminders.find({ where: { key: In(rows.map((r) => r.key)) } });
  }

  async setJob(id: string, jobId: string): Promise<void> {
    await this.reminders.update({ id }, { jobId });
  }

  async setStatus(ids: string[], status: ReminderStatus, reason: string | null): Promise<void> {
    if (ids.length) await this.reminders.update({ id: In(ids) }, { status, reason });
  }

  /** Only while it is still scheduled for that time: a reminder moved meanwhile stays scheduled. */
  async markSent(id: string, dueAt: Date): Promise<void> {
    await this.reminders.update({ id, dueAt, status: 'scheduled' }, { status: 'sent', sentAt: new Date(), reason: null, attempts: () => 'attempts + 1' });
  }

  async markFailed(id: string, dueAt: Date, error: string): Promise<void> {
    await this.reminders.update({ id, dueAt, status: 'scheduled' }, { status: 'failed', reason: error.slice(0, 2000), attempts: () => 'attempts + 1' });
  }

  /** Adds reminders whose key is new and returns only those: a notice is never planned twice. */
  async insertNew(rows: Array<Pick<ReminderEntity, 'key' | 'interviewId' | 'recipientId' | 'aboutUserId' | 'kind' | 'occurrence' | 'dueAt'> & Partial<Pick<ReminderEntity, 'candidateId' | 'decisionId'>>>): Promise<ReminderEntity[]> {
    if (!rows.length) return [];
    const result = await this.reminders.createQueryBuilder().insert().values(rows.map((r) => ({ ...r, status: 'scheduled' as ReminderStatus }))).orIgnore().returning(['id']).execute();
    const ids = (result.raw as Array<{ id: string }>).map((r) => r.id);
    return ids.length ? this.reminders.find({ where: { id: In(ids) } }) : [];
  }

  /** Claims one send: false when this reminder, due time and channel were already delivered. */
  async claimDelivery(values: Omit<DeliveryEntity, 'id' | 'createdAt' | 'providerRef' | 'status' | 'error'>): Promise<string | null> {
    const result = await this.manager.getRepository(DeliveryEntity).createQueryBuilder().insert().values(values).orIgnore().returning(['id']).execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  async recordFailure(values: Omit<DeliveryEntity, 'id' | 'createdAt' | 'providerRef' | 'status'>): Promise<void> {
    await this.manager.getRepository(DeliveryEntity).createQueryBuilder().insert().values({ ...values, status: 'failed' }).orIgnore().execute();
  }

  async setProviderRef(deliveryId: string, ref: string): Promise<void> {
    await this.manager.getRepository(DeliveryEntity).update({ id: deliveryId }, { providerRef: ref.slice(0, 400) });
  }

  /** Reminders that should be waiting in the queue, a page at a time in (dueAt, id) order. */
  async scheduledAfter(after: { dueAt: Date; id: string } | null, limit: number): Promise<ReminderEntity[]> {
    const qb = this.reminders.createQueryBuilder('r').where(`r.status = 'scheduled'`).orderBy('r.due_at', 'ASC').addOrderBy('r.id', 'ASC').limit(limit);
    if (after) qb.andWhere('(r.due_at, r.id) > (:d, :i)', { d: after.dueAt, i: after.id });
    return qb.getMany();
  }

  countLate(graceMs: number): Promise<number> {
    return this.reminders.createQueryBuilder('r').where(`r.status = 'scheduled'`).andWhere('r.due_at < :t', { t: new Date(Date.now() - graceMs) }).getCount();
  }

  /** Seconds between due and delivery for messages delivered since `since`. */
  async latenessSince(since: Date): Promise<{ p50: number; p99: number; max: number }> {
    const [row] = await this.manager.query(
      `SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY l), 0) AS p50, coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY l), 0) AS p99, coalesce(max(l), 0) AS max
         FROM (SELECT extract(epoch FROM created_at - due_at) AS l FROM deliveries WHERE created_at >= $1 AND status = 'sent') d`,
      [since],
    );
    return { p50: Number(row.p50), p99: Number(row.p99), max: Number(row.max) };
  }

  async deliveries(f: { recipientId?: string; limit: number; before?: Date }): Promise<DeliveryEntity[]> {
    const qb = this.manager.getRepository(DeliveryEntity).createQueryBuilder('d').orderBy('d.created_at', 'DESC').limit(f.limit);
    if (f.recipientId) qb.andWhere('d.recipient_id = :r', { r: f.recipientId });
    if (f.before) qb.andWhere('d.created_at < :b', { b: f.before });
    return qb.getMany();
  }
}
