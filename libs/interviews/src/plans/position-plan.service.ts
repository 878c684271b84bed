import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { conflict, staleRevision } from '@app/common';
import type { AuthUser } from '@app/auth';
import { assertManagesPosition } from '@app/auth';
import { PositionsService } from '../positions/positions.service';
import { planCoverage } from './coverage';
import { PlanInputService } from './plan-input.service';
import { PutPlanDto } from '../dto/plan.dto';
import { PlanRepository, StoredPlan } from './plan.repository';
import { PositionPlanResponse } from '../dto/plan.response';

export interface PlanStageSummary {
  id: string;
  name: string;
  /** From 0. */
  order: number;
}

/** A position's interview plan: competencies, stages and the interviews each stage calls for. */
@Injectable()
export class PositionPlanService {
  constructor(
    private readonly repo: PlanRepository,
    private readonly positions: PositionsService,
    private readonly input: PlanInputService,
    private readonly audit: AuditService,
  ) {}

  /** The plan's stages in loop order (empty when the position has no plan). */
  async stages(positionId: string): Promise<PlanStageSummary[]> {
    return (await this.repo.stages(positionId)).map((s) => ({ id: s.id, name: s.name, order: s.position }));
  }

  /** One stage of this position's plan, or null when the id is not one of them. */
  async stage(positionId: string, stageId: string): Promise<PlanStageSummary | null> {
    const s = await this.repo.stageOf(positionId, stageId);
    return s ? { id: s.id, name: s.name, order: s.position } : null;
  }

  /** The whole plan as plain data, with coverage and warnings. */
  async plan(positionId: string): Promise<PositionPlanResponse> {
    return toResponse(positionId, await this.repo.load(positionId));
  }

  async get(user: AuthUser, positionId: string): Promise<PositionPlanResponse> {
    await this.managed(user, positionId);
    return this.plan(positionId);
  }

  /** Replaces the plan. Kept ids keep interviews and candidates pointing at their stage; interviews themselves never change. */
  async put(user: AuthUser, positionId: string, dto: PutPlanDto): Promise<PositionPlanResponse> {
    await this.managed(user, positionId);
    await this.repo.transaction(async (repo) => {
      const current = await repo.lockRevision(positionId);
      if (current !== dto.revision) {
        throw staleRevision(`The plan of position ${positionId}`, current, dto.revision);
      }
      const stored = await repo.load(positionId);
      const rows = await this.input.rows(positionId, dto, stored);
      const removed = stored.stages.filter((s) => !rows.stages.some((n) => n.id === s.id));
      const counts = await repo.interviewCounts(removed.map((s) => s.id));
      const used = removed.find((s) => counts.get(s.id));
      if (used) {
        const n = counts.get(used.id)!;
        throw conflict(
          `Stage "${used.name}" has ${n} interview${n === 1 ? '' : 's'}; it cannot be removed from the plan`,
          {
            stageId: used.id,
            stageName: used.name,
            interviews: n,
          },
        );
      }
      await repo.replace(positionId, rows);
      const revision = await repo.bumpRevision(positionId, user.id);
      await this.audit.record(
        user.id,
        'position',
        positionId,
        'plan_updated',
        {
          revision,
          competencies: rows.competencies.map((c) => c.name),
          stages: rows.stages.map((s) => ({
            id: s.id,
            name: s.name,
            templates: rows.templates.filter((t) => t.stageId === s.id).length,
          })),
          removedStages: removed.map((s) => s.name),
        },
        repo.tx,
      );
    });
    return this.plan(positionId);
  }

  /** Managers of the position; for anyone else it does not exist. */
  private async managed(user: AuthUser, positionId: string): Promise<void> {
    assertManagesPosition(user, await this.positions.find(positionId));
  }
}

function toResponse(positionId: string, p: StoredPlan): PositionPlanResponse {
  const stages = p.stages.map((s) => ({
    id: s.id,
    name: s.name,
    order: s.position,
    templates: p.templates
      .filter((t) => t.stageId === s.id)
      .map((t) => ({
        id: t.id,
        title: t.title,
        durationMinutes: t.durationMinutes,
        panelSize: t.panelSize,
        leadRequired: t.leadRequired,
        questionSetIds: t.questionSetIds,
        questionIds: t.questionIds,
        competencyIds: t.competencyIds,
      })),
  }));
  const competencies = p.competencies.map((c) => ({ id: c.id, name: c.name, description: c.description }));
  return {
    positionId,
    revision: p.revision,
    updatedAt: p.updatedAt,
    competencies,
    stages,
    ...planCoverage({ competencies, stages }),
  };
}
