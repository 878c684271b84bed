import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '@app/common';
import { CandidatePathService, InterviewEvent, PositionPlanService } from '@app/interviews';
import type { InterviewEventPayload } from '@app/interviews';
import { DecisionRecorderService } from './decision-recorder.service';

/** Thrown inside the recorder's transaction to leave without a record when someone moved the candidate first. */
class AlreadyOnThePath extends Error {}

/**
 * Scheduling a stage's interview for a candidate who has not started puts them in that stage, so the board
 * shows the interview where it happens. It is recorded as an advance by whoever scheduled it, like any move.
 */
@Injectable()
export class StageEntryListener {
  private readonly logger = new Logger('Hiring');

  constructor(
    private readonly path: CandidatePathService,
    private readonly plan: PositionPlanService,
    private readonly recorder: DecisionRecorderService,
  ) {}

  @OnDomainEvent(InterviewEvent.Scheduled, { suppressErrors: false })
  async onScheduled(e: InterviewEventPayload): Promise<void> {
    if (!e.planStageId) return;
    const candidate = await this.path.find(e.candidateId);
    if (!candidate || candidate.stageId !== null || candidate.status !== 'active') return;
    const stage = await this.plan.stage(candidate.positionId, e.planStageId);
    if (!stage) return;
    const input = {
      decision: 'advance' as const,
      reasonId: null,
      rationale: `Interview scheduled for ${stage.name}`,
      overrideReason: null,
    };
    try {
      await this.recorder.record(
        e.actorId,
        e.candidateId,
        input,
        async (from) => {
          if (from.stageId !== null || from.status !== 'active') throw new AlreadyOnThePath();
          return { to: { stageId: stage.id, status: 'active' }, missing: [] };
        },
        true,
      );
    } catch (err) {
      // the interview is booked either way; a failed move leaves the candidate where a decision can put them
      if (!(err instanceof AlreadyOnThePath))
        this.logger.warn(
          `candidate ${e.candidateId} was not moved into stage ${stage.id}: ${err instanceof Error ? err.message : String(err)}`,
        );
    }
  }
}
