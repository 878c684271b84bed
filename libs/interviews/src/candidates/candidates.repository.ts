import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CandidateEntity } from '../entities/candidate.entity';

const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class CandidatesRepository {
  constructor(@InjectRepository(CandidateEntity) private readonly repo: Repository<CandidateEntity>) {}

  findById(id: string): Promise<CandidateEntity | null> {
    return this.repo.findOne({ where: { id }, relations: { position: true } });
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

  /** `managedBy`: only candidates of positions this hiring manager manages. */
  async list(f: { words: string[]; positionId?: string; managedBy?: string; limit: number; after?: { createdAt: string; id: string } }) {
    const qb = this.repo
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.position', 'p')
      .addSelect('c.created_at::text', 'cursor_ts')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(f.limit);
    f.words.forEach((w, i) => qb.andWhere(`(c.name ILIKE :w${i} OR c.email ILIKE :w${i})`, { [`w${i}`]: likeWord(w) }));
    if (f.positionId) qb.andWhere('c.position_id = :pid', { pid: f.positionId });
    if (f.managedBy) qb.andWhere('p.hiring_manager_id = :hm', { hm: f.managedBy });
    if (f.after) qb.andWhere('(c.created_at, c.id) < (:ts::timestamptz, :id::uuid)', { ts: f.after.createdAt, id: f.after.id });
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
    return entities.map((e, i) => ({ candidate: e, cursor: [raw[i].cursor_ts, e.id] }));
  }
}
