import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  assertAllowed,
  assertHiringTeam,
  assertManagesPosition,
  canCreatePosition,
  canDelete,
  managedBy,
} from '@app/auth';
import { AuditService } from '@app/audit';
import { nextCursor, fieldError, readCursor } from '@app/common';
import { hasRole, Role, UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { PositionEntity } from '../entities/position.entity';
import {
  CreatePositionDto,
  ListPositionsQueryDto,
  PositionPage,
  PositionResponse,
  UpdatePositionDto,
} from '../dto/position.dto';
import { PositionRepository } from './position.repository';
import { CandidateRepository } from '../candidates/candidate.repository';

@Injectable()
export class PositionsService {
  constructor(
    private readonly repo: PositionRepository,
    private readonly candidates: CandidateRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async find(id: string): Promise<PositionEntity> {
    const p = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findById(id) : null;
    if (!p) throw new NotFoundException(`Position ${id} not found`);
    return p;
  }

  /** The position if the caller may see it (access policy): 403 for interviewers, 404 for another manager's. */
  async readable(user: AuthUser, id: string): Promise<PositionEntity> {
    assertHiringTeam(user);
    const p = await this.find(id);
    assertManagesPosition(user, p);
    return p;
  }

  async get(user: AuthUser, id: string): Promise<PositionResponse> {
    return (await this.toResponses([await this.readable(user, id)]))[0];
  }

  /** A hiring manager lists their own positions only: the filter is in the query, before paging. */
  async list(user: AuthUser, q: ListPositionsQueryDto): Promise<PositionPage> {
    const scope = managedBy(user);
    // asking for another manager's positions gives an empty page, not theirs
    if (scope && q.hiringManagerId && q.hiringManagerId !== scope)
      return { items: [], page: { limit: q.limit ?? 20, nextCursor: null } };
    const limit = q.limit ?? 20;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.repo.list({
      words: (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10),
      hiringManagerId: scope ?? q.hiringManagerId,
      status: q.status,
      limit: limit + 1,
      after: after && { createdAt: after[0], id: after[1] },
    });
    const page = rows.slice(0, limit);
    return {
      items: await this.toResponses(page.map((r) => r.position)),
      page: { limit, nextCursor: nextCursor(rows, limit, (r) => r.cursor) },
    };
  }

  async create(user: AuthUser, dto: CreatePositionDto): Promise<PositionResponse> {
    const hiringManagerId = dto.hiringManagerId ?? (hasRole(user, Role.HiringManager) ? user.id : undefined);
    if (!hiringManagerId) throw new BadRequestException('hiringManagerId is required');
    assertAllowed(canCreatePosition(user, hiringManagerId), 'A hiring manager can only create positions they manage');
    await this.assertHiringManager(hiringManagerId);
    const p = await this.repo.insert({
      title: dto.title,
      department: dto.department ?? null,
      hiringManagerId,
      status: 'open',
    });
    await this.audit.record(user.id, 'position', p.id, 'created', { title: p.title, hiringManagerId });
    return this.get(user, p.id);
  }

  async update(user: AuthUser, id: string, dto: UpdatePositionDto): Promise<PositionResponse> {
    await this.readable(user, id);
    if (dto.hiringManagerId) await this.assertHiringManager(dto.hiringManagerId);
    await this.repo.update(id, dto);
    await this.audit.record(user.id, 'position', id, 'updated', { ...dto });
    // a hiring manager who hands the position over no longer sees it; the change is done all the same
    return (await this.toResponses([await this.find(id)]))[0];
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const p = await this.readable(user, id);
    assertAllowed(canDelete(user), 'Only admins and recruiters delete positions');
    if (await this.candidates.existsForPosition(p.id))
      throw new ConflictException(`Position ${id} has candidates; close it instead`);
    await this.repo.delete(id);
    await this.audit.record(user.id, 'position', id, 'deleted', { title: p.title });
  }

  private async assertHiringManager(userId: string): Promise<void> {
    const [u] = await this.users.findManyByIds([userId]);
    if (!u || !u.active) throw fieldError('hiringManagerId', `hiringManagerId: user ${userId} does not exist`);
    if (!u.roles.includes(Role.HiringManager))
      throw fieldError('hiringManagerId', `hiringManagerId: ${u.email} does not have the hiring_manager role`);
  }

  async toResponses(positions: PositionEntity[]): Promise<PositionResponse[]> {
    const managers = new Map(
      (await this.users.findManyByIds(positions.map((p) => p.hiringManagerId))).map((u) => [u.id, u]),
    );
    return positions.map((p) => {
      const m = managers.get(p.hiringManagerId);
      return {
        id: p.id,
        title: p.title,
        department: p.department,
        hiringManager: { id: p.hiringManagerId, name: m?.name ?? 'Unknown user', email: m?.email ?? '' },
        status: p.status,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      };
    });
  }
}
