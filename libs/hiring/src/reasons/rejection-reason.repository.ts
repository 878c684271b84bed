import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RejectionReasonEntity } from '../entities/rejection-reason.entity';

@Injectable()
export class RejectionReasonRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  all(m: EntityManager = this.ds.manager): Promise<RejectionReasonEntity[]> {
    return m.getRepository(RejectionReasonEntity).find({ order: { position: 'ASC', label: 'ASC' } });
  }

  async findById(id: string): Promise<RejectionReasonEntity | null> {
    return this.ds.getRepository(RejectionReasonEntity).findOne({ where: { id } });
  }

  /** Rewrites the list inside `m`: listed reasons take their order, the rest are retired (kept for old decisions). */
  async replace(m: EntityManager, reasons: Array<{ id?: string; label: string; active: boolean }>): Promise<void> {
    const repo = m.getRepository(RejectionReasonEntity);
    await m.query(`UPDATE rejection_reasons SET active = false, position = position + 100000`);
    for (const [position, r] of reasons.entries()) {
      if (r.id) await repo.update({ id: r.id }, { label: r.label, active: r.active, position });
      else await repo.insert({ label: r.label, active: r.active, position });
    }
  }
}
