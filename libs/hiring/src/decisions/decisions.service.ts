import { Injectable, NotFoundException } from '@nestjs/common';
import { conflict } from '@app/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { canManage, CandidatePathService, PositionPlanService } from '@app/interviews';
import type { CandidatePath } from '@app/interviews';
import { StageEvidenceService } from '../pipeline/stage-evidence.service';
import { stageState } from '../pipeline/stage-state';
import { RejectionReasonsService } from '../reasons/rejection-reasons.service';
import { CandidateDecisionEntity } from '../entities/candidate-decision.entity';
import { assertFields, assertMayDecide, NEEDS_EVIDENCE, nextPath, StageRef } from './decision-rules';
import { CreateDecisionDto } from './decision.dto';
import { DecisionList, DecisionResponse } from './decision.response';
import { DecisionRecorder } from './decision-recorder';
import { DecisionsRepository } from './decisions.repository';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly path: CandidatePathService,
    private readonly plan: PositionPlanService,
    private readonly evidence: StageEvidenceService,
    private readonly reasons: RejectionReasonsService,
    private readonly recorder: DecisionRecorder,
    private readonly repo: DecisionsRepository,
    private readonly users: UsersService,
  ) {}

  /** The candidate, for the managers of their position; anyone else gets 404. */
  private async readable(user: AuthUser, id: string): Promise<CandidatePath> {
    const c = await this.path.find(id);
    if (!c || !canManage(user, c)) throw new NotFoundException(`Candidate ${id} not found`);
    return c;
  }

  async decide(user: AuthUser, candidateId: string, dto: CreateDecisionDto): Promise<DecisionResponse> {
    const c = await this.readable(user, candidateId);
    assertMayDecide(user, c.hiringManagerId, dto.decision);
    assertFields(dto);
    const reason = dto.reasonId ? await this.reasons.activeLabel(dto.reasonId) : null;
    const stages = await this.plan.stages(c.positionId);
    const saved = await this.recorder.record(
      user.id,
      c.id,
      { decision: dto.decision, reasonId: reason?.id ?? null, rationale: dto.rationale || null, overrideReason: dto.override?.reason ?? null },
      async (from) => {
        const to = nextPath(dto.decision, from, stages, dto.toStageId);
        if (!NEEDS_EVIDENCE.includes(dto.decision)) return { to, missing: [] };
        const { interviews, submitted } = await this.evidence.forStage(from.id, from.stageId);
        const { missing } = stageState(from, interviews, submitted, new Date(), user.timezone);
        if (missing.length && !dto.override) {
          const names = missing.map((x) => `${x.name} (${x.interviewTitle})`).join(', ');
          throw conflict(`Scorecards missing from: ${names}. Wait for them, or decide with override.reason`, { missing });
        }
        return { to, missing };
      },
    );
    return this.toResponse(saved, stages, reason?.label ?? null, { id: user.id, name: user.name });
  }

  /** Newest first: three queries (decisions with reasons, stages, deciders' names). */
  async history(user: AuthUser, candidateId: string): Promise<DecisionList> {
    const c = await this.readable(user, candidateId);
    const rows = await this.repo.history(c.id);
    const stages = await this.plan.stages(c.positionId);
    const names = new Map((await this.users.findManyByIds(rows.map((r) => r.decidedById))).map((u) => [u.id, u.name]));
    return { items: rows.map((r) => this.toResponse(r, stages, r.reasonLabel, { id: r.decidedById, name: names.get(r.decidedById) ?? 'Unknown user' })) };
  }

  private toResponse(d: CandidateDecisionEntity, stages: StageRef[], reasonLabel: string | null, decidedBy: { id: string; name: string }): DecisionResponse {
    const stageName = (id: string | null) => (id ? (stages.find((s) => s.id === id)?.name ?? null) : null);
    return {
      id: d.id,
      candidateId: d.candidateId,
      decision: d.decision,
      fromStageId: d.fromStageId,
      fromStageName: stageName(d.fromStageId),
      toStageId: d.toStageId,
      toStageName: stageName(d.toStageId),
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      reason: d.reasonId ? { id: d.reasonId, label: reasonLabel ?? '' } : null,
      rationale: d.rationale,
      override: d.overrideReason ? { reason: d.overrideReason } : null,
      missingAtDecision: d.missingAtDecision,
      decidedBy,
      decidedAt: d.decidedAt,
      supersedesId: d.supersedesId,
    };
  }
}
