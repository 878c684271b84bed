import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, Repository } from 'typeorm';
import { InterviewerPoolEntity, InterviewerPoolMemberEntity } from '../entities/interviewer-pool.entity';

/** A membership with its pool's limits and training counts: one row of `memberships`. */
export interface MembershipRow {
  poolId: string;
  poolName: string;
  dailyLimit: number | null;
  weeklyLimit: number | null;
  shadowsRequired: number;
  reverseShadowsRequired: number;
  userId: string;
  trainee: boolean;
  joinedAt: Date;
}

export class DuplicatePoolName extends Error {}

@Injectable()
export class PoolRepository {
  constructor(
    @InjectRepository(InterviewerPoolEntity) private readonly pools: Repository<InterviewerPoolEntity>,
    @InjectRepository(InterviewerPoolMemberEntity) private readonly members: Repository<InterviewerPoolMemberEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  all(): Promise<InterviewerPoolEntity[]> {
    return this.pools.createQueryBuilder('p').orderBy('lower(p.name)').addOrderBy('p.id').getMany();
  }

  findByIds(ids: string[]): Promise<InterviewerPoolEntity[]> {
    return ids.length ? this.pools.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Throws DuplicatePoolName when another pool has the name in any case. */
  async insert(values: Partial<InterviewerPoolEntity>): Promise<InterviewerPoolEntity> {
    return this.unique(() => this.pools.save(this.pools.create(values)));
  }

  async update(id: string, values: Partial<InterviewerPoolEntity>): Promise<void> {
    await this.unique(() => this.pools.update({ id }, values));
  }

  async delete(id: string): Promise<boolean> {
    return !!(await this.pools.delete({ id })).affected;
  }

  findMember(poolId: string, userId: string): Promise<InterviewerPoolMemberEntity | null> {
    return this.members.findOne({ where: { poolId, userId } });
  }

  async saveMember(
    values: Pick<InterviewerPoolMemberEntity, 'poolId' | 'userId' | 'trainee' | 'joinedAt' | 'qualifiedAt'>,
  ): Promise<void> {
    await this.members.upsert(values, { conflictPaths: ['poolId', 'userId'] });
  }

  async deleteMember(poolId: string, userId: string): Promise<boolean> {
    return !!(await this.members.delete({ poolId, userId })).affected;
  }

  /** Memberships of these pools, or of these users: one query, with each pool's limits and counts. */
  async memberships(by: { poolIds?: string[]; userIds?: string[] }): Promise<MembershipRow[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT m.pool_id, p.name, p.daily_limit, p.weekly_limit, p.shadows_required, p.reverse_shadows_required, m.user_id, m.trainee, m.joined_at
         FROM interviewer_pool_members m JOIN interviewer_pools p ON p.id = m.pool_id
        WHERE m.pool_id = ANY($1::uuid[]) OR m.user_id = ANY($2::uuid[])
        ORDER BY lower(p.name), p.id`,
      [by.poolIds ?? [], by.userIds ?? []],
    );
    return rows.map((r) => ({
      poolId: r.pool_id as string,
      poolName: r.name as string,
      dailyLimit: r.daily_limit as number | null,
      weeklyLimit: r.weekly_limit as number | null,
      shadowsRequired: r.shadows_required as number,
      reverseShadowsRequired: r.reverse_shadows_required as number,
      userId: r.user_id as string,
      trainee: r.trainee as boolean,
      joinedAt: new Date(r.joined_at as string),
    }));
  }

  private async unique<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const code =
        e instanceof QueryFailedError
          ? (e.driverError as { code?: string; constraint?: string } | undefined)
          : undefined;
      if (code?.code === '23505' && code.constraint === 'UQ_interviewer_pools_name_lower')
        throw new DuplicatePoolName();
      throw e;
    }
  }
}
