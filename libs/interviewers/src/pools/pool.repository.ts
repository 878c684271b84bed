import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, Repository } from 'typeorm';
import { HELD_STATUSES } from '@app/interviews';
import { InterviewerPoolEntity, InterviewerPoolMemberEntity } from './interviewer-pool.entity';

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

/** A seat on a panel whose interview is over (for training counts). */
export interface HeldSeat {
  interviewId: string;
  userId: string;
  startsAt: Date;
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

  async saveMember(values: Pick<InterviewerPoolMemberEntity, 'poolId' | 'userId' | 'trainee' | 'joinedAt' | 'qualifiedAt'>): Promise<void> {
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

  /**
   * Their seats on interviews that are over (ended by `now`), neither cancelled nor a no-show, that
   * started at `since` or later: one query (like the availability's busy times, it reads the panel).
   */
  async heldSeats(userIds: string[], since: Date, now: Date): Promise<HeldSeat[]> {
    if (!userIds.length) return [];
    const rows: Array<{ interview_id: string; user_id: string; starts_at: Date }> = await this.db.query(
      `SELECT p.interview_id, p.user_id, i.starts_at FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id
        WHERE p.user_id = ANY($1::uuid[]) AND i.status = ANY($4) AND i.starts_at >= $2 AND i.ends_at <= $3`,
      [userIds, since, now, HELD_STATUSES],
    );
    return rows.map((r) => ({ interviewId: r.interview_id, userId: r.user_id, startsAt: new Date(r.starts_at) }));
  }

  private async unique<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const code = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string } | undefined) : undefined;
      if (code?.code === '23505' && code.constraint === 'UQ_interviewer_pools_name_lower') throw new DuplicatePoolName();
      throw e;
    }
  }
}
