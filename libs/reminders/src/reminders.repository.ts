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

  async markSent(id: string): Promise<void> {
    await this.reminders.update({ id }, { status: 'sent', sentAt: new Date(), reason: null, attempts: () => 'attempts + 1' });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.reminders.update({ id }, { status: 'failed', reason: error.slice(0, 2000), attempts: () => 'attempts + 1' });
  }

  /** Claims one send: false when this reminder, due time and channel were already delivered. */
  async claimDelivery(values: Omit<DeliveryEntity, 'id' | 'createdAt' | 'providerRef'>): Promise<string | null> {
    const result = await this.manager.getRepository(DeliveryEntity).createQueryBuilder().insert().values(values).orIgnore().returning(['id']).execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  async setProviderRef(deliveryId: string, ref: string): Promise<void> {
    await this.manager.getRepository(DeliveryEntity).update({ id: deliveryId }, { providerRef: ref.slice(0, 400) });
  }

  /** Reminders that should be waiting in the queue: scheduled, not yet sent. */
  async scheduled(limit: number): Promise<ReminderEntity[]> {
    return this.reminders.find({ where: { status: 'scheduled' }, order: { dueAt: 'ASC' }, take: limit });
  }

  async deliveries(f: { recipientId?: string; limit: number; before?: Date }): Promise<DeliveryEntity[]> {
    const qb = this.manager.getRepository(DeliveryEntity).createQueryBuilder('d').orderBy('d.created_at', 'DESC').limit(f.limit);
    if (f.recipientId) qb.andWhere('d.recipient_id = :r', { r: f.recipientId });
    if (f.before) qb.andWhere('d.created_at < :b', { b: f.before });
    return qb.getMany();
  }
}
