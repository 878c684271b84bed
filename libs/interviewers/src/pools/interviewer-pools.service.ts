import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Role, UsersService, type UserResponse } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { conflict, seatKey } from '@app/common';
import { SubmissionsService } from '@app/feedback';
import { InterviewReadService } from '@app/interviews';
import type { InterviewerPoolEntity } from '../entities/interviewer-pool.entity';
import { DuplicatePoolName, PoolRepository, type MembershipRow } from './pool.repository';
import type { CreateInterviewerPoolDto, PutPoolMemberDto, UpdateInterviewerPoolDto } from '../dto/pools.dto';
import type {
  InterviewerPoolList,
  InterviewerPoolRef,
  InterviewerPoolResponse,
  PoolMemberResponse,
} from '../dto/pools.response';
import { trainingOf, type Training } from './training';

/** A member with where they stand, for find-times and the API. */
export interface PoolMember extends Training {
  userId: string;
  name: string;
  email: string;
  timezone: string;
  /** An active user with the interviewer role: only they are proposed by find-times. */
  active: boolean;
  /** Still in training: trainees never fill a pool seat. */
  trainee: boolean;
}

/** A pool's limits and its members (plain data for other services). */
export interface PoolWithMembers {
  id: string;
  name: string;
  dailyLimit: number | null;
  weeklyLimit: number | null;
  members: PoolMember[];
}

/** The strictest limit over a user's pools, with the pool that sets it (for messages). */
export interface UserPoolLimits {
  daily: { limit: number; poolName: string } | null;
  weekly: { limit: number; poolName: string } | null;
}

/**
 * Interviewer pools, their members and trainees. A trainee's stage is computed on read from the
 * interviews they sat and wrote a scorecard for (shadows may submit scorecards: the scorecard API
 * asks only that one sits on the panel), so it moves on by itself as scorecards come in.
 */
@Injectable()
export class InterviewerPoolsService {
  constructor(
    private readonly repo: PoolRepository,
    private readonly users: UsersService,
    private readonly submissions: SubmissionsService,
    private readonly interviews: InterviewReadService,
    private readonly audit: AuditService,
  ) {}

  /** Every pool with its members: six queries whatever the number of pools and members. */
  async list(): Promise<InterviewerPoolList> {
    const pools = await this.repo.all();
    const members = await this.membersOf(pools.map((p) => p.id));
    return { items: pools.map((p) => toResponse(p, members.get(p.id)?.members ?? [])) };
  }

  async get(id: string): Promise<InterviewerPoolResponse> {
    const pool = await this.pool(id);
    return toResponse(pool, (await this.membersOf([id])).get(id)?.members ?? []);
  }

  async create(actor: AuthUser, dto: CreateInterviewerPoolDto): Promise<InterviewerPoolResponse> {
    const values = {
      ...dto,
      description: dto.description ?? null,
      dailyLimit: dto.dailyLimit ?? null,
      weeklyLimit: dto.weeklyLimit ?? null,
    };
    const pool = await this.named(dto.name, () => this.repo.insert(values));
    await this.audit.record(actor.id, 'settings', pool.id, 'interviewer_pool_created', { ...dto });
    return this.get(pool.id);
  }

  async update(actor: AuthUser, id: string, dto: UpdateInterviewerPoolDto): Promise<InterviewerPoolResponse> {
    await this.pool(id);
    const values = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    if (Object.keys(values).length) {
      await this.named(dto.name ?? '', () => this.repo.update(id, values));
      await this.audit.record(actor.id, 'settings', id, 'interviewer_pool_updated', values);
    }
    return this.get(id);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const pool = await this.pool(id);
    await this.repo.delete(id);
    await this.audit.record(actor.id, 'settings', id, 'interviewer_pool_deleted', { name: pool.name });
  }

  /**
   * Adds a member or changes how they are in: a new trainee starts at shadow, a qualified member
   * sent back to training starts again, and `trainee: false` qualifies a trainee now (audited).
   */
  async putMember(
    actor: AuthUser,
    id: string,
    userId: string,
    dto: PutPoolMemberDto,
  ): Promise<InterviewerPoolResponse> {
    await this.pool(id);
    await this.interviewer(userId);
    const current = await this.repo.findMember(id, userId);
    const now = new Date();
    if (!current) {
      await this.repo.saveMember({ poolId: id, userId, trainee: dto.trainee, joinedAt: now, qualifiedAt: null });
      await this.audit.record(actor.id, 'interviewer', userId, 'pool_member_added', {
        poolId: id,
        trainee: dto.trainee,
      });
      return this.get(id);
    }
    const member = (await this.membersOf([id])).get(id)?.members.find((m) => m.userId === userId);
    const inTraining = member?.trainee ?? current.trainee;
    if (dto.trainee && !inTraining) {
      await this.repo.saveMember({ poolId: id, userId, trainee: true, joinedAt: now, qualifiedAt: null });
      await this.audit.record(actor.id, 'interviewer', userId, 'pool_training_restarted', { poolId: id });
    } else if (!dto.trainee && inTraining) {
      await this.repo.saveMember({ poolId: id, userId, trainee: false, joinedAt: current.joinedAt, qualifiedAt: now });
      await this.audit.record(actor.id, 'interviewer', userId, 'pool_member_qualified', {
        poolId: id,
        stage: member?.stage,
        completed: member?.completed,
      });
    }
    return this.get(id);
  }

  async removeMember(actor: AuthUser, id: string, userId: string): Promise<InterviewerPoolResponse> {
    await this.pool(id);
    if (!(await this.repo.deleteMember(id, userId)))
      throw new NotFoundException(`User ${userId} is not a member of pool ${id}`);
    await this.audit.record(actor.id, 'interviewer', userId, 'pool_member_removed', { poolId: id });
    return this.get(id);
  }

  /**
   * Pools with their limits and members, each with their stage: five queries (pools, memberships,
   * users, held seats, submitted scorecards). Unknown pools are left out; members whose user is gone too.
   */
  async membersOf(poolIds: string[]): Promise<Map<string, PoolWithMembers>> {
    const [pools, rows] = await Promise.all([this.repo.findByIds(poolIds), this.repo.memberships({ poolIds })]);
    const [users, trained] = await Promise.all([
      this.users.findManyByIds([...new Set(rows.map((r) => r.userId))]),
      this.trained(rows),
    ]);
    const byId = new Map(users.map((u) => [u.id, u]));
    const out = new Map<string, PoolWithMembers>(
      pools.map((p) => [
        p.id,
        { id: p.id, name: p.name, dailyLimit: p.dailyLimit, weeklyLimit: p.weeklyLimit, members: [] },
      ]),
    );
    rows.forEach((r, i) => {
      const u = byId.get(r.userId);
      if (!u) return;
      // someone deactivated or no longer an interviewer stays listed (to be removed) but takes no seat
      const active = u.active && u.roles.includes(Role.Interviewer);
      out.get(r.poolId)?.members.push({
        userId: u.id,
        name: u.name,
        email: u.email,
        timezone: u.timezone,
        active,
        trainee: trained[i].stage !== 'qualified',
        ...trained[i],
      });
    });
    for (const p of out.values())
      p.members.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
    return out;
  }

  /** Each user's strictest daily and weekly limit over their pools (one query); users in no limited pool are left out. */
  async limitsFor(userIds: string[]): Promise<Map<string, UserPoolLimits>> {
    const out = new Map<string, UserPoolLimits>();
    if (!userIds.length) return out;
    for (const r of await this.repo.memberships({ userIds })) {
      if (!userIds.includes(r.userId) || (r.dailyLimit === null && r.weeklyLimit === null)) continue;
      const l = out.get(r.userId) ?? { daily: null, weekly: null };
      if (r.dailyLimit !== null && (!l.daily || r.dailyLimit < l.daily.limit))
        l.daily = { limit: r.dailyLimit, poolName: r.poolName };
      if (r.weeklyLimit !== null && (!l.weekly || r.weeklyLimit < l.weekly.limit))
        l.weekly = { limit: r.weeklyLimit, poolName: r.poolName };
      out.set(r.userId, l);
    }
    return out;
  }

  /** The pools each user is in, with their stage there (for the interviewer list): three queries. */
  async poolsOfUsers(userIds: string[]): Promise<Map<string, InterviewerPoolRef[]>> {
    const out = new Map<string, InterviewerPoolRef[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return out;
    const rows = (await this.repo.memberships({ userIds })).filter((r) => out.has(r.userId));
    const trained = await this.trained(rows);
    rows.forEach((r, i) => out.get(r.userId)!.push({ id: r.poolId, name: r.poolName, stage: trained[i].stage }));
    return out;
  }

  /**
   * Where each membership stands, in two queries whatever their number: the members' seats on
   * interviews that are over since the earliest joining, and which of those they submitted a
   * scorecard for. A seat counts for a membership when the interview started after they joined.
   */
  private async trained(rows: MembershipRow[]): Promise<Training[]> {
    if (!rows.length) return [];
    const since = new Date(Math.min(...rows.map((r) => r.joinedAt.getTime())));
    const seats = await this.interviews.heldSeats([...new Set(rows.map((r) => r.userId))], since, new Date());
    const submitted = await this.submissions.submitted(
      seats.map((s) => ({ interviewId: s.interviewId, userId: s.userId })),
    );
    const counted = seats.filter((s) => submitted.has(seatKey(s)));
    return rows.map((r) => {
      const completed = counted.filter((s) => s.userId === r.userId && s.startsAt >= r.joinedAt).length;
      return trainingOf(r.trainee, completed, r.shadowsRequired, r.reverseShadowsRequired);
    });
  }

  private async pool(id: string): Promise<InterviewerPoolEntity> {
    const [pool] = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findByIds([id]) : [];
    if (!pool) throw new NotFoundException(`Interviewer pool ${id} not found`);
    return pool;
  }

  /** A member must be an active interviewer: an unknown user is a 404, another role a 400 naming userId. */
  private async interviewer(userId: string): Promise<UserResponse> {
    const [user] = /^[0-9a-f-]{36}$/i.test(userId) ? await this.users.findManyByIds([userId]) : [];
    if (!user) throw new NotFoundException(`User ${userId} not found`);
    if (!user.active || !user.roles.includes(Role.Interviewer)) {
      const message = `userId: ${user.name} is not an active interviewer`;
      throw new BadRequestException({ message, details: [{ field: 'userId', messages: [message] }] });
    }
    return user;
  }

  private async named<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof DuplicatePoolName)
        throw conflict(`name: an interviewer pool named "${name}" already exists`, [
          { field: 'name', messages: ['name is taken'] },
        ]);
      throw e;
    }
  }
}

function toResponse(p: InterviewerPoolEntity, members: PoolMember[]): InterviewerPoolResponse {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    dailyLimit: p.dailyLimit,
    weeklyLimit: p.weeklyLimit,
    shadowsRequired: p.shadowsRequired,
    reverseShadowsRequired: p.reverseShadowsRequired,
    members: members.map((m): PoolMemberResponse => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      timezone: m.timezone,
      trainee: m.trainee,
      stage: m.stage,
      completed: m.completed,
      remaining: m.remaining,
    })),
  };
}
