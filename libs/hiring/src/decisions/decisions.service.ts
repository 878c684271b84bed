import { Injectable } from '@nestjs/common';
import { conflict } from '@app/common';
import type { AuthUser } from '@app/auth';
import { CandidatePathService, PositionPlanService } from '@app/interviews';
import { StageEvidenceService } from '../pipeline/stage-evidence.service';
import { stageState } from '../pipeline/stage-state';
import { RejectionReasonsService } from '../reasons/rejection-reasons.service';
import { assertFields, assertMayDecide, NEEDS_EVIDENCE, nextPath } from './decision-rules';
import { CreateDecisionDto } from '../dto/decision.dto';
import { DecisionResponse } from '../dto/decision.response';
import { DecisionRecorderService } from './decision-recorder.service';
import { readableCandidate, toDecisionResponse } from './decision-view';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly path: CandidatePathService,
    private readonly plan: PositionPlanService,
    private readonly evidence: StageEvidenceService,
    private readonly reasons: RejectionReasonsService,
    private readonly recorder: DecisionRecorderService,
  ) {}

  async decide(user: AuthUser, candidateId: string, dto: CreateDecisionDto): Promise<DecisionResponse> {
    const c = await readableCandidate(this.path, user, candidateId);
    assertMayDecide(user, c.hiringManagerId, dto.decision);
    assertFields(dto);
    const reason = dto.reasonId ? await this.reasons.activeLabel(dto.reasonId) : null;
    const stages = await this.plan.stages(c.positionId);
    const saved = await this.recorder.record(
      user.id,
      c.id,
      {
        decision: dto.decision,
        reasonId: reason?.id ?? null,
        rationale: dto.rationale || null,
        overrideReason: dto.override?.reason ?? null,
      },
      async (from) => {
        const to = nextPath(dto.decision, from, stages, dto.toStageId);
        if (!NEEDS_EVIDENCE.includes(dto.decision)) return { to, missing: [] };
        const { interviews, submitted } = await this.evidence.forStage(from.id, from.stageId);
        const { missing } = stageState(from, interviews, submitted, new Date(), user.timezone);
        if (missing.length && !dto.override) {
          const names = missing.map((x) => `${x.name} (${x.interviewTitle})`).join(', ');
          throw conflict(`Scorecards missing from: ${names}. Wait for them, or decide with override.reason`, {
            missing,
          });
        }
        return { to, missing };
      },
    );
    return toDecisionResponse(saved, stages, reason?.label ?? null, { id: user.id, name: user.name });
  }
}
