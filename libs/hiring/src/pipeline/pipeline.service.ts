import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@app/auth';
import { canManagePosition, CandidatePathService, PositionPlanService, PositionsService } from '@app/interviews';
import { DecisionRepository } from '../decisions/decision.repository';
import { PipelineQueryDto } from '../dto/pipeline.dto';
import { PipelineResponse, PipelineStage } from '../dto/pipeline.response';
import { StageEvidenceService } from './stage-evidence.service';
import { stageState } from './stage-state';

/** The board of one position: a fixed number of queries (position, stages, candidates, interviews, names, submissions, decisions). */
@Injectable()
export class PipelineService {
  constructor(
    private readonly positions: PositionsService,
    private readonly plan: PositionPlanService,
    private readonly path: CandidatePathService,
    private readonly evidence: StageEvidenceService,
    private readonly decisions: DecisionRepository,
  ) {}

  async board(user: AuthUser, positionId: string, q: PipelineQueryDto): Promise<PipelineResponse> {
    const position = await this.positions.find(positionId).catch(() => null);
    if (!position || !canManagePosition(user, position))
      throw new NotFoundException(`Position ${positionId} not found`);
    const stages = await this.plan.stages(position.id);
    const candidates = await this.path.list({
      positionId: position.id,
      statuses: q.status ? [q.status] : undefined,
      q: q.q,
    });
    const ids = candidates.map((c) => c.id);
    const { byCandidate, submitted } = await this.evidence.forCandidates(ids);
    const last = await this.decisions.lastFor(ids);
    const now = new Date();
    const columns: PipelineStage[] = [
      { id: null, name: 'Not started', order: 0, candidates: [] },
      ...stages.map((s, i) => ({ id: s.id, name: s.name, order: i + 1, candidates: [] })),
    ];
    for (const c of candidates) {
      const column = columns.find((col) => col.id === c.stageId) ?? columns[0];
      const { state, label, nextInterview, scorecards } = stageState(
        c,
        byCandidate.get(c.id) ?? [],
        submitted,
        now,
        user.timezone,
      );
      column.candidates.push({
        id: c.id,
        name: c.name,
        email: c.email,
        status: c.status,
        stageId: c.stageId,
        state,
        label,
        nextInterview,
        scorecards,
        lastDecision: last.get(c.id) ?? null,
      });
    }
    return { positionId: position.id, positionTitle: position.title, stages: columns };
  }
}
