import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CandidatePathService } from '@app/interviews';
import type { CandidatePath } from '@app/interviews';
import { CandidateDecisionEntity, Decision, MissingScorecard } from '../entities/candidate-decision.entity';
import { CandidateDecidedPayload, HiringEvent } from '../hiring.events';
import type { PathState } from './decision-rules';
import { DecisionRepository } from './decision.repository';
import { DomainEventsService } from '@app/common';

export interface DecisionOutcome {
  to: PathState;
  missing: MissingScorecard[];
}

export interface DecisionInput {
  decision: Decision;
  reasonId: string | null;
  rationale: string | null;
  overrideReason: string | null;
}

/**
 * Writes a decision: the candidate's row is locked, `decide` sees its state as of now, and the decision,
 * the candidate's new stage and status and the audit entry commit together. The event follows the commit.
 */
@Injectable()
export class DecisionRecorderService {
  constructor(
    private readonly repo: DecisionRepository,
    private readonly path: CandidatePathService,
    private readonly audit: AuditService,
    private readonly events: DomainEventsService,
  ) {}

  async record(
    actorId: string,
    candidateId: string,
    input: DecisionInput,
    decide: (from: CandidatePath) => Promise<DecisionOutcome>,
    automatic = false,
  ): Promise<CandidateDecisionEntity> {
    const saved = await this.repo.transaction(async (repo) => {
      const from = await this.path.lockForDecision(candidateId, repo.tx);
      if (!from) throw new NotFoundException(`Candidate ${candidateId} not found`);
      const { to, missing } = await decide(from);
      const d = await repo.insert({
        candidateId,
        positionId: from.positionId,
        decision: input.decision,
        fromStageId: from.stageId,
        toStageId: to.stageId,
        fromStatus: from.status,
        toStatus: to.status,
        reasonId: input.reasonId,
        rationale: input.rationale,
        overrideReason: input.overrideReason,
        missingAtDecision: missing,
        decidedById: actorId,
        // the time the decision was made, after waiting for the lock (not when the transaction began)
        decidedAt: new Date(),
        supersedesId: await repo.head(candidateId),
      });
      await this.path.move(candidateId, to, repo.tx);
      await this.audit.record(
        actorId,
        'candidate',
        candidateId,
        `decision.${input.decision}`,
        {
          decisionId: d.id,
          from: { stageId: from.stageId, status: from.status },
          to,
          reasonId: input.reasonId,
          rationale: input.rationale,
          override: input.overrideReason,
          missing: missing.map((x) => ({ interviewId: x.interviewId, userId: x.userId })),
        },
        repo.tx,
      );
      return d;
    });
    const payload: CandidateDecidedPayload = {
      decisionId: saved.id,
      candidateId,
      positionId: saved.positionId,
      decision: saved.decision,
      fromStageId: saved.fromStageId,
      toStageId: saved.toStageId,
      fromStatus: saved.fromStatus,
      toStatus: saved.toStatus,
      reasonId: saved.reasonId,
      overridden: saved.missingAtDecision.length > 0,
      actorId,
      decidedAt: saved.decidedAt,
      automatic,
    };
    await this.events.emit(HiringEvent.CandidateDecided, payload);
    return saved;
  }
}
