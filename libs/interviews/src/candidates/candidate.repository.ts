import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CandidateEntity } from '../entities/candidate.entity';
import type { CandidateStatus } from '../entities/candidate.entity';

/** The plan's stages belong to the plans part of this module; the name is read with the candidate. */
const STAGE_NAME = '(SELECT s.name FROM plan_stages s WHERE s.id = c.stage_id)';

export type CandidateWithStage = CandidateEntity & { stageName: string | null };

const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class CandidateRepository {
  constructor(@InjectRepository(CandidateEntity) private readonly repo: Repository<CandidateEntity>) {}

  /** The candidate with its position and the name of its current plan stage. */
  async findById(id: string): Promise<CandidateWithStage | null> {
    const { entities, raw } = await this.repo
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.position', 'p')
      .addSelect(STAGE_NAME, 'stage_name')
      .where('c.id = :id', { id })
      .getRawAndEntities<{ stage_name: string | null }>();
    return entities[0] ? Object.assign(entities[0], { stageName: raw[0].stage_name }) : null;
  }

  insert(values: Partial<CandidateEntity>): Promise<CandidateEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async update(id: string, patch: Partial<CandidateEntity>): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  async existsForPosition(positionId: string): Promise<boolean> {
    return this.repo.exists({ where: { positionId } });
  }

  /** The ids of the candidates whose own position this hiring manager manages. */
  async idsManagedBy(managerId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.repo
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .innerJoin('c.position', 'p')
      .where('p.hiring_manager_id = :hm', { hm: managerId })
      .getRawMany();
    return rows.map((r) => r.id);
  }

  /** `managedBy`: only candidates of positions this hiring manager manages. */
  async list(f: {
    words: string[];
    positionId?: string;
    status?: CandidateStatus;
    managedBy?: string;
    /** Only candidates updated at or after it, oldest change first, paged on (updated_at, id). */
    updatedSince?: Date;
    limit: number;
    after?: { createdAt: string; id: string };
  }) {
    const qb = this.repo
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.position', 'p')
      .addSelect(STAGE_NAME, 'stage_name')
      .limit(f.limit);
    if (f.updatedSince) {
      qb.addSelect('c.updated_at::text', 'cursor_ts')
        .orderBy('c.updated_at', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .andWhere('c.updated_at >= :since', { since: f.updatedSince });
      if (f.after)
        qb.andWhere('(c.updated_at, c.id) > (:ts::timestamptz, :id::uuid)', { ts: f.after.createdAt, id: f.after.id });
    } else {
      qb.addSelect('c.created_at::text', 'cursor_ts').orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC');
      if (f.after)
        qb.andWhere('(c.created_at, c.id) < (:ts::timestamptz, :id::uuid)', { ts: f.after.createdAt, id: f.after.id });
    }
    f.words.forEach((w, i) => qb.andWhere(`(c.name ILIKE :w${i} OR c.email ILIKE :w${i})`, { [`w${i}`]: likeWord(w) }));
    if (f.positionId) qb.andWhere('c.position_id = :pid', { pid: f.positionId });
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.managedBy) qb.andWhere('p.hiring_manager_id = :hm', { hm: f.managedBy });
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string; stage_name: string | null }>();
    return entities.map((e, i) => ({
      candidate: Object.assign(e, { stageName: raw[i].stage_name }),
      cursor: [raw[i].cursor_ts, e.id],
    }));
  }
}
