import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '@app/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryEntity } from '../entities/delivery.entity';
import { InvitationEntity, type InvitationMethod, type InvitationStatus } from './invitation.entity';

@Injectable()
export class InvitationRepository extends TransactionalRepository<InvitationRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): InvitationRepository {
    return new InvitationRepository(this.ds, manager);
  }

  private get rows() {
    return this.manager.getRepository(InvitationEntity);
  }

  forInterview(interviewId: string): Promise<InvitationEntity[]> {
    return this.rows.find({ where: { interviewId }, order: { sequence: 'ASC', createdAt: 'ASC' } });
  }

  /** Locks the row until the transaction ends: one send attempt at a time, whichever worker runs it. */
  findForUpdate(id: string): Promise<InvitationEntity | null> {
    return this.rows.createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  /** Adds the rows whose (interview, recipient, sequence) is new and returns only those. */
  async insertNew(
    rows: Array<{ interviewId: string; recipientId: string; sequence: number; method: InvitationMethod }>,
  ): Promise<InvitationEntity[]> {
    if (!rows.length) return [];
    const result = await this.rows
      .createQueryBuilder()
      .insert()
      .values(rows.map((r) => ({ ...r, status: 'pending' as InvitationStatus })))
      .orIgnore()
      .returning(['id'])
      .execute();
    const ids = (result.raw as Array<{ id: string }>).map((r) => r.id);
    return ids.length ? this.rows.createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany() : [];
  }

  pending(limit: number): Promise<InvitationEntity[]> {
    return this.rows.find({ where: { status: 'pending' }, order: { createdAt: 'ASC' }, take: limit });
  }

  async settle(id: string, status: InvitationStatus, reason: string | null): Promise<void> {
    await this.rows.update({ id }, { status, reason, ...(status === 'sent' ? { sentAt: new Date() } : {}) });
  }

  /** The delivery-log row, unique per invitation and channel: false when it was already delivered. */
  async claimDelivery(
    values: Omit<DeliveryEntity, 'id' | 'createdAt' | 'providerRef' | 'status' | 'error'>,
  ): Promise<string | null> {
    const result = await this.manager
      .getRepository(DeliveryEntity)
      .createQueryBuilder()
      .insert()
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  async setProviderRef(deliveryId: string, ref: string): Promise<void> {
    await this.manager.getRepository(DeliveryEntity).update({ id: deliveryId }, { providerRef: ref.slice(0, 400) });
  }

  async recordFailure(values: Omit<DeliveryEntity, 'id' | 'createdAt' | 'providerRef' | 'status'>): Promise<void> {
    await this.manager
      .getRepository(DeliveryEntity)
      .createQueryBuilder()
      .insert()
      .values({ ...values, status: 'failed' })
      .orIgnore()
      .execute();
  }
}
