import { ConflictException, Injectable } from '@nestjs/common';
import { assertAllowed, assertHiringTeam, assertVisible, canDelete, canManagePosition, managedBy } from '@app/auth';
import { AuditService } from '@app/audit';
import { nextCursor, readCursor } from '@app/common';
import type { AuthUser } from '@app/auth';
import { PositionsService } from '../positions/positions.service';
import {
  CandidatePage,
  CandidateResponse,
  CreateCandidateDto,
  ListCandidatesQueryDto,
  UpdateCandidateDto,
} from '../dto/candidate.dto';
import { CandidateRepository, CandidateWithStage } from './candidate.repository';
import { InterviewRepository } from '../interviews/interview.repository';

const toResponse = (c: CandidateWithStage): CandidateResponse => ({
  id: c.id,
  name: c.name,
  email: c.email,
  positionId: c.positionId,
  positionTitle: c.position?.title ?? '',
  stageId: c.stageId,
  stageName: c.stageName,
  status: c.status,
  notes: c.notes,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

@Injectable()
export class CandidatesService {
  constructor(
    private readonly repo: CandidateRepository,
    private readonly positions: PositionsService,
    private readonly interviews: InterviewRepository,
    private readonly audit: AuditService,
  ) {}

  private assertReader(user: AuthUser): void {
    assertHiringTeam(user, 'Interviewers see candidates through their interviews');
  }

  /** Readable by whoever manages the candidate's own position (access policy); 404 for anyone else. */
  async find(user: AuthUser, id: string): Promise<CandidateWithStage> {
    const c = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findById(id) : null;
    assertVisible(!!c?.position && canManagePosition(user, c.position), 'Candidate', id);
    return c!;
  }

  async get(user: AuthUser, id: string): Promise<CandidateResponse> {
    this.assertReader(user);
    return toResponse(await this.find(user, id));
  }

  async list(user: AuthUser, q: ListCandidatesQueryDto): Promise<CandidatePage> {
    this.assertReader(user);
    const limit = q.limit ?? 20;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.repo.list({
      words: (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10),
      positionId: q.positionId,
      status: q.status,
      managedBy: managedBy(user),
      updatedSince: q.updatedSince ? new Date(q.updatedSince) : undefined,
      limit: limit + 1,
      after: after && { createdAt: after[0], id: after[1] },
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => toResponse(r.candidate)),
      page: { limit, nextCursor: nextCursor(rows, limit, (r) => r.cursor) },
    };
  }

  /**
   * The ids of the candidates whose own position this hiring manager manages (plain data, one query,
   * no access check: the caller scopes with the access policy, e.g. `recordScopeFor`).
   */
  idsManagedBy(managerId: string): Promise<string[]> {
    return this.repo.idsManagedBy(managerId);
  }

  /** Every candidate of a position (for side-by-side summaries); the caller checks access to the position. */
  async allForPosition(positionId: string): Promise<CandidateResponse[]> {
    return (await this.repo.list({ words: [], positionId, limit: 100_000 })).map((r) => toResponse(r.candidate));
  }

  async create(user: AuthUser, dto: CreateCandidateDto): Promise<CandidateResponse> {
    const position = await this.positions.find(dto.positionId);
    // the position is named in the body: a refusal of the action (403), as before
    assertAllowed(
      canManagePosition(user, position),
      "Only admins, recruiters and the position's hiring manager add candidates to it",
    );
    const c = await this.repo.insert({
      name: dto.name,
      email: dto.email,
      positionId: position.id,
      notes: dto.notes ?? null,
    });
    await this.audit.record(user.id, 'candidate', c.id, 'created', { name: c.name, positionId: position.id });
    return this.get(user, c.id);
  }

  async update(user: AuthUser, id: string, dto: UpdateCandidateDto): Promise<CandidateResponse> {
    this.assertReader(user);
    // whoever may see the candidate manages their position: 404 for anyone else
    await this.find(user, id);
    await this.repo.update(id, dto);
    await this.audit.record(user.id, 'candidate', id, 'updated', { ...dto });
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    this.assertReader(user);
    const c = await this.find(user, id);
    assertAllowed(canDelete(user), 'Only admins and recruiters delete candidates');
    if (await this.interviews.existsForCandidate(c.id))
      throw new ConflictException(`Candidate ${id} has interviews; their history is kept`);
    await this.repo.delete(c.id);
    await this.audit.record(user.id, 'candidate', id, 'deleted', { name: c.name });
  }
}
