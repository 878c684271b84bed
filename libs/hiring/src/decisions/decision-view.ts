import { NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@app/auth';
import { canManagePosition } from '@app/interviews';
import type { CandidatePath, CandidatePathService } from '@app/interviews';
import type { CandidateDecisionEntity } from '../entities/candidate-decision.entity';
import type { StageRef } from './decision-rules';
import type { DecisionResponse } from '../dto/decision.response';

/** The candidate, for the managers of their position; anyone else gets 404. */
export async function readableCandidate(
  path: CandidatePathService,
  user: AuthUser,
  id: string,
): Promise<CandidatePath> {
  const c = await path.find(id);
  if (!c || !canManagePosition(user, c)) throw new NotFoundException(`Candidate ${id} not found`);
  return c;
}

export function toDecisionResponse(
  d: CandidateDecisionEntity,
  stages: StageRef[],
  reasonLabel: string | null,
  decidedBy: { id: string; name: string },
): DecisionResponse {
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
