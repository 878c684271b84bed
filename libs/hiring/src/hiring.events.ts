import type { CandidateStatus } from '@app/interviews';
import type { Decision } from './entities/candidate-decision.entity';

/** Domain events of the hiring module; reminders (or webhooks) may listen to tell the recruiter and panel. */
export enum HiringEvent {
  CandidateDecided = 'candidate.decided',
}

export interface CandidateDecidedPayload {
  decisionId: string;
  candidateId: string;
  positionId: string;
  decision: Decision;
  fromStageId: string | null;
  toStageId: string | null;
  fromStatus: CandidateStatus;
  toStatus: CandidateStatus;
  reasonId: string | null;
  /** Whether scorecards were missing and the decider overrode the rule. */
  overridden: boolean;
  actorId: string;
  decidedAt: Date;
  /** Recorded by the system as a consequence (booking a stage's interview), not decided by a person: nobody needs telling. */
  automatic: boolean;
}

declare module '@app/common' {
  interface DomainEventMap {
    [HiringEvent.CandidateDecided]: CandidateDecidedPayload;
  }
}
