import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionalRepository } from '@app/common';
import { RejectionReasonEntity } from '../entities/rejection-reason.entity';

/** The rejection reasons' rows. Bound to a transaction by `transaction()`. */
@Injectable()
export class RejectionReasonRepository extends TransactionalRepository<RejectionReasonRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): RejectionReasonRepository {
    return new RejectionReasonRepository(this.ds, manager);
  }

  private get reasons() {
    return this.manager.getRepository(RejectionReasonEntity);
  }

  all(): Promise<RejectionReasonEntity[]> {
    return this.reasons.find({ order: { position: 'ASC', label: 'ASC' } });
  }

  async findById(id: string): Promise<RejectionReasonEntity | null> {
    return this.reasons.findOne({ where: { id } });
  }

  /** Rewrites the list (call it in a transaction): listed reasons take their order, the rest are retired (kept for old decisions). */
  async replace(reasons: Array<{ id?: string; label: string; active: boolean }>): Promise<void> {
    const repo = this.reasons;
    await this.manager.query(`UPDATE rejection_reasons SET active = false, position = position + 100000`);
    for (const [position, r] of reasons.entries()) {
      if (r.id) await repo.update({ id: r.id }, { label: r.label, active: r.active, position });
      else await repo.insert({ label: r.label, active: r.active, position });
    }
  }
}
