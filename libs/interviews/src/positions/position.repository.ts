import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { fixedRead } from '@app/common';
import { PositionEntity, type PositionStatus } from '../entities/position.entity';

interface PositionRow {
  id: string;
  title: string;
  department: string | null;
  hiring_manager_id: string;
  status: PositionStatus;
  created_at: Date;
  updated_at: Date;
}

const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class PositionRepository {
  constructor(@InjectRepository(PositionEntity) private readonly repo: Repository<PositionEntity>) {}

  count(): Promise<number> {
    return this.repo.count();
  }

  // fixed SQL and a plain copy: every summary, plan and position read checks access through this
  // row, and findOne built its query and mapped its entity anew each time
  async findById(id: string): Promise<PositionEntity | null> {
    const [r] = await fixedRead<PositionRow>(
      this.repo.manager,
      'SELECT id, title, department, hiring_manager_id, status, created_at, updated_at FROM positions WHERE id = $1',
      [id],
    );
    return r
      ? Object.assign(new PositionEntity(), {
          id: r.id,
          title: r.title,
          department: r.department,
          hiringManagerId: r.hiring_manager_id,
          status: r.status,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        })
      : null;
  }

  insert(values: Partial<PositionEntity>): Promise<PositionEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async update(id: string, patch: Partial<PositionEntity>): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  async list(f: {
    words: string[];
    hiringManagerId?: string;
    status?: string;
    limit: number;
    after?: { createdAt: string; id: string };
  }) {
    const qb = this.repo
      .createQueryBuilder('p')
      .addSelect('p.created_at::text', 'cursor_ts')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(f.limit);
    f.words.forEach((w, i) =>
      qb.andWhere(`(p.title ILIKE :w${i} OR p.department ILIKE :w${i})`, { [`w${i}`]: likeWord(w) }),
    );
    if (f.hiringManagerId) qb.andWhere('p.hiring_manager_id = :hm', { hm: f.hiringManagerId });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.after)
      qb.andWhere('(p.created_at, p.id) < (:ts::timestamptz, :id::uuid)', { ts: f.after.createdAt, id: f.after.id });
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
    return entities.map((e, i) => ({ position: e, cursor: [raw[i].cursor_ts, e.id] }));
  }
}
